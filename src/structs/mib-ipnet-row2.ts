/**
 * MIB_IPNET_ROW2 (netioapi.h), declared once: one neighbour (ARP or NDP cache
 * entry) as GetIpNetTable2 returns it.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipnet_row2
 */
import { bytes, cEnum, flags, NET_IFINDEX, NET_LUID, SOCKADDR_INET, ULONG } from '../struct/ctypes.js';
import { defineStruct } from '../struct/define.js';
import { IF_MAX_PHYS_ADDRESS_LENGTH } from './mib-if-row2.js';

/** NL_NEIGHBOR_STATE (nldef.h), without the NlnsMaximum sentinel. */
export const NL_NEIGHBOR_STATE = Object.freeze({
  unreachable: 0,
  incomplete: 1,
  probe: 2,
  delay: 3,
  stale: 4,
  reachable: 5,
  permanent: 6,
} as const);

export const MIB_IPNET_ROW2 = defineStruct({
  name: 'MIB_IPNET_ROW2',
  table: 'MIB_IPNET_TABLE2',
  doc: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipnet_row2',
  members: [
    ['Address', SOCKADDR_INET],
    ['InterfaceIndex', NET_IFINDEX],
    ['InterfaceLuid', NET_LUID],
    ['PhysicalAddress', bytes(IF_MAX_PHYS_ADDRESS_LENGTH, 'PhysicalAddressLength', 'UCHAR[IF_MAX_PHYS_ADDRESS_LENGTH]')],
    ['PhysicalAddressLength', ULONG],
    ['State', cEnum('NL_NEIGHBOR_STATE', NL_NEIGHBOR_STATE)],
    ['Flags', flags('union { struct { BOOLEAN IsRouter : 1; BOOLEAN IsUnreachable : 1; }; UCHAR Flags; }', ['IsRouter', 'IsUnreachable'])],
    ['ReachabilityTime', { ...ULONG, cType: 'union { ULONG LastReachable; ULONG LastUnreachable; }' }],
  ],
  memberDocs: {
    Address: "The neighbour's IP address.",
    InterfaceIndex: 'The index of the interface the neighbour is on.',
    InterfaceLuid: 'The LUID of the interface the neighbour is on.',
    PhysicalAddress: "The neighbour's physical (MAC) address; only its first PhysicalAddressLength bytes are data.",
    PhysicalAddressLength: 'The length, in bytes, of PhysicalAddress (0 while it is not resolved).',
    State: 'The state of the entry (RFC 4861 neighbour states; permanent is a static entry).',
    Flags: 'Two bits of an anonymous union: IsRouter (the neighbour is a router) and IsUnreachable (it is unreachable); the other six bits are not read.',
    ReachabilityTime: 'Milliseconds since the neighbour was last reachable (or, when unreachable, since it became so).',
  },
});
