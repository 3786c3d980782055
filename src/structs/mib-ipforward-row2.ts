/**
 * MIB_IPFORWARD_ROW2 (netioapi.h), declared once: one route as
 * GetIpForwardTable2, GetIpForwardEntry2 and GetBestRoute2 return it.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipforward_row2
 */
import { BOOLEAN, cEnum, IP_ADDRESS_PREFIX, NET_IFINDEX, NET_LUID, SOCKADDR_INET, UCHAR, ULONG } from '../struct/ctypes.js';
import { defineStruct } from '../struct/define.js';

/**
 * NL_ROUTE_PROTOCOL (nldef.h): who added the route. 15…19 (RouteProtocolIdpr …
 * RouteProtocolDhcp) are in Microsoft's SDK and documentation but not in
 * mingw-w64's header; 10002, 10006 and 10007 are MIB_IPPROTO_NT_AUTOSTATIC,
 * _NT_STATIC and _NT_STATIC_NON_DOD.
 */
export const NL_ROUTE_PROTOCOL = Object.freeze({
  other: 1,
  local: 2,
  netMgmt: 3,
  icmp: 4,
  egp: 5,
  ggp: 6,
  hello: 7,
  rip: 8,
  isIs: 9,
  esIs: 10,
  cisco: 11,
  bbn: 12,
  ospf: 13,
  bgp: 14,
  idpr: 15,
  eigrp: 16,
  dvmrp: 17,
  rpl: 18,
  dhcp: 19,
  ntAutostatic: 10002,
  ntStatic: 10006,
  ntStaticNonDod: 10007,
} as const);

/** NL_ROUTE_ORIGIN (nldef.h): how the route came to be. */
export const NL_ROUTE_ORIGIN = Object.freeze({ manual: 0, wellKnown: 1, dhcp: 2, routerAdvertisement: 3, '6to4': 4 } as const);

export const MIB_IPFORWARD_ROW2 = defineStruct({
  name: 'MIB_IPFORWARD_ROW2',
  table: 'MIB_IPFORWARD_TABLE2',
  doc: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipforward_row2',
  members: [
    ['InterfaceLuid', NET_LUID],
    ['InterfaceIndex', NET_IFINDEX],
    ['DestinationPrefix', IP_ADDRESS_PREFIX],
    ['NextHop', SOCKADDR_INET],
    ['SitePrefixLength', UCHAR],
    ['ValidLifetime', ULONG],
    ['PreferredLifetime', ULONG],
    ['Metric', ULONG],
    ['Protocol', cEnum('NL_ROUTE_PROTOCOL', NL_ROUTE_PROTOCOL)],
    ['Loopback', BOOLEAN],
    ['AutoconfigureAddress', BOOLEAN],
    ['Publish', BOOLEAN],
    ['Immortal', BOOLEAN],
    ['Age', ULONG],
    ['Origin', cEnum('NL_ROUTE_ORIGIN', NL_ROUTE_ORIGIN)],
  ],
  memberDocs: {
    InterfaceLuid: 'The LUID of the interface the route goes out of.',
    InterfaceIndex: 'The index of the interface the route goes out of.',
    DestinationPrefix: 'The destination network: an address and a prefix length (0.0.0.0/0 and ::/0 are default routes).',
    NextHop: 'The gateway; 0.0.0.0 or :: when the destination is on-link.',
    SitePrefixLength: 'The site prefix length (IPv6).',
    ValidLifetime: 'Seconds the route stays valid; 4294967295 (0xFFFFFFFF) is infinite.',
    PreferredLifetime: 'Seconds the route stays preferred; 4294967295 (0xFFFFFFFF) is infinite.',
    Metric: "The route metric offset; the metric Windows uses is this plus the interface's metric (MIB_IPINTERFACE_ROW.Metric).",
    Protocol: 'The routing protocol (or mechanism) that added the route.',
    Loopback: 'Whether the route is a loopback route (the next hop is on the local host).',
    AutoconfigureAddress: 'Whether the route prefix is used for address autoconfiguration (IPv6).',
    Publish: 'Whether the route is published in router advertisements (IPv6).',
    Immortal: 'Whether the route never expires (its lifetimes are ignored).',
    Age: 'Seconds since the route was added or last changed.',
    Origin: 'How the route came to be.',
  },
});
