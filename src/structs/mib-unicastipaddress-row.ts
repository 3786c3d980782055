/**
 * MIB_UNICASTIPADDRESS_ROW (netioapi.h), declared once: one unicast IP address
 * as GetUnicastIpAddressTable and GetUnicastIpAddressEntry return it.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_unicastipaddress_row
 */
import { BOOLEAN, cEnum, LARGE_INTEGER, NET_IFINDEX, NET_LUID, SCOPE_ID, SOCKADDR_INET, UINT8, ULONG } from '../struct/ctypes.js';
import { defineStruct } from '../struct/define.js';

/** NL_PREFIX_ORIGIN (nldef.h): where the address's prefix came from. */
export const NL_PREFIX_ORIGIN = Object.freeze({ other: 0, manual: 1, wellKnown: 2, dhcp: 3, routerAdvertisement: 4, unchanged: 16 } as const);
/** NL_SUFFIX_ORIGIN (nldef.h): where the address's suffix (interface identifier) came from. */
export const NL_SUFFIX_ORIGIN = Object.freeze({ other: 0, manual: 1, wellKnown: 2, dhcp: 3, linkLayerAddress: 4, random: 5, unchanged: 16 } as const);
/** NL_DAD_STATE (nldef.h): duplicate address detection state. */
export const NL_DAD_STATE = Object.freeze({ invalid: 0, tentative: 1, duplicate: 2, deprecated: 3, preferred: 4 } as const);

/** A lifetime of 0xFFFFFFFF seconds means infinite. */
export const INFINITE_LIFETIME = 0xffff_ffff;

export const MIB_UNICASTIPADDRESS_ROW = defineStruct({
  name: 'MIB_UNICASTIPADDRESS_ROW',
  table: 'MIB_UNICASTIPADDRESS_TABLE',
  doc: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_unicastipaddress_row',
  members: [
    ['Address', SOCKADDR_INET],
    ['InterfaceLuid', NET_LUID],
    ['InterfaceIndex', NET_IFINDEX],
    ['PrefixOrigin', cEnum('NL_PREFIX_ORIGIN', NL_PREFIX_ORIGIN)],
    ['SuffixOrigin', cEnum('NL_SUFFIX_ORIGIN', NL_SUFFIX_ORIGIN)],
    ['ValidLifetime', ULONG],
    ['PreferredLifetime', ULONG],
    ['OnLinkPrefixLength', UINT8],
    ['SkipAsSource', BOOLEAN],
    ['DadState', cEnum('NL_DAD_STATE', NL_DAD_STATE)],
    ['ScopeId', SCOPE_ID],
    ['CreationTimeStamp', LARGE_INTEGER],
  ],
  prefixLengthOf: { OnLinkPrefixLength: 'Address' },
  memberDocs: {
    Address: 'The unicast IP address (IPv4 dotted, IPv6 per RFC 5952; the scope is in ScopeId).',
    InterfaceLuid: 'The LUID of the interface the address is on.',
    InterfaceIndex: 'The index of the interface the address is on.',
    PrefixOrigin: 'Where the prefix came from.',
    SuffixOrigin: 'Where the suffix (interface identifier) came from; random for IPv6 temporary addresses.',
    ValidLifetime: 'Seconds the address stays valid; 4294967295 (0xFFFFFFFF) is infinite.',
    PreferredLifetime: 'Seconds the address stays preferred; 4294967295 (0xFFFFFFFF) is infinite.',
    OnLinkPrefixLength: 'The length, in bits, of the on-link prefix (the subnet mask as a length): at most 32 for IPv4, 128 for IPv6.',
    SkipAsSource: 'Whether the address is skipped when choosing a source address.',
    DadState: 'The duplicate address detection state; preferred is the usable state.',
    ScopeId: 'The scope ID (for IPv6 link-local addresses, the zone: usually the interface index).',
    CreationTimeStamp: 'When the address was created (a FILETIME-style count of 100-ns intervals).',
  },
});
