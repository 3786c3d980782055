/**
 * MIB_IPINTERFACE_ROW (netioapi.h), declared once: members in header order with
 * their C types. Layout, reader, schema and row type derive from this list.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_row
 */
import { array, BOOLEAN, bits, cEnum, NET_IFINDEX, NET_LUID, ULONG, ULONG64, uintEnum } from '../struct/ctypes.js';
import { defineStruct } from '../struct/define.js';

/** ADDRESS_FAMILY values as Windows numbers them (ws2def.h). AF_INET6 is 23 on Windows, not Linux's 10. */
export const AF_UNSPEC = 0;
export const AF_INET = 2;
export const AF_INET6 = 23;

/** ScopeLevelCount in ws2def.h: the length of ZoneIndices. */
export const SCOPE_LEVEL_COUNT = 16;

/** ADDRESS_FAMILY of a row: AF_INET or AF_INET6. */
export const ADDRESS_FAMILY = uintEnum('ADDRESS_FAMILY', 2, { ipv4: AF_INET, ipv6: AF_INET6 });

/** NL_ROUTER_DISCOVERY_BEHAVIOR (nldef.h): name → raw value. */
export const ROUTER_DISCOVERY_BEHAVIOR = Object.freeze({
  disabled: 0,
  enabled: 1,
  dhcp: 2,
  unchanged: -1,
} as const);

/** NL_LINK_LOCAL_ADDRESS_BEHAVIOR (nldef.h): name → raw value. */
export const LINK_LOCAL_ADDRESS_BEHAVIOR = Object.freeze({
  'always-off': 0,
  delayed: 1,
  'always-on': 2,
  unchanged: -1,
} as const);

/** NL_INTERFACE_OFFLOAD_ROD's eight 1-bit flags, first-declared (bit 0) first. */
const OFFLOAD_ROD = bits('NL_INTERFACE_OFFLOAD_ROD', [
  'NlChecksumSupported',
  'NlOptionsSupported',
  'TlDatagramChecksumSupported',
  'TlStreamChecksumSupported',
  'TlStreamOptionsSupported',
  'FastPathCompatible',
  'TlLargeSendOffloadSupported',
  'TlGiantSendOffloadSupported',
]);

export const MIB_IPINTERFACE_ROW = defineStruct({
  name: 'MIB_IPINTERFACE_ROW',
  table: 'MIB_IPINTERFACE_TABLE',
  doc: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_row',
  members: [
    ['Family', ADDRESS_FAMILY],
    ['InterfaceLuid', NET_LUID],
    ['InterfaceIndex', NET_IFINDEX],
    ['MaxReassemblySize', ULONG],
    ['InterfaceIdentifier', ULONG64],
    ['MinRouterAdvertisementInterval', ULONG],
    ['MaxRouterAdvertisementInterval', ULONG],
    ['AdvertisingEnabled', BOOLEAN],
    ['ForwardingEnabled', BOOLEAN],
    ['WeakHostSend', BOOLEAN],
    ['WeakHostReceive', BOOLEAN],
    ['UseAutomaticMetric', BOOLEAN],
    ['UseNeighborUnreachabilityDetection', BOOLEAN],
    ['ManagedAddressConfigurationSupported', BOOLEAN],
    ['OtherStatefulConfigurationSupported', BOOLEAN],
    ['AdvertiseDefaultRoute', BOOLEAN],
    ['RouterDiscoveryBehavior', cEnum('NL_ROUTER_DISCOVERY_BEHAVIOR', ROUTER_DISCOVERY_BEHAVIOR)],
    ['DadTransmits', ULONG],
    ['BaseReachableTime', ULONG],
    ['RetransmitTime', ULONG],
    ['PathMtuDiscoveryTimeout', ULONG],
    ['LinkLocalAddressBehavior', cEnum('NL_LINK_LOCAL_ADDRESS_BEHAVIOR', LINK_LOCAL_ADDRESS_BEHAVIOR)],
    ['LinkLocalAddressTimeout', ULONG],
    ['ZoneIndices', array(ULONG, SCOPE_LEVEL_COUNT, 'ULONG[ScopeLevelCount]')],
    ['SitePrefixLength', ULONG],
    ['Metric', ULONG],
    ['NlMtu', ULONG],
    ['Connected', BOOLEAN],
    ['SupportsWakeUpPatterns', BOOLEAN],
    ['SupportsNeighborDiscovery', BOOLEAN],
    ['SupportsRouterDiscovery', BOOLEAN],
    ['ReachableTime', ULONG],
    ['TransmitOffload', OFFLOAD_ROD],
    ['ReceiveOffload', OFFLOAD_ROD],
    ['DisableDefaultRoutes', BOOLEAN],
  ],
});

/** NL_INTERFACE_OFFLOAD_ROD's flags as row keys, bit 0 first. */
export const OFFLOAD_FLAG_KEYS = Object.freeze(OFFLOAD_ROD.bits.map((name) => name.charAt(0).toLowerCase() + name.slice(1))) as readonly [
  'nlChecksumSupported',
  'nlOptionsSupported',
  'tlDatagramChecksumSupported',
  'tlStreamChecksumSupported',
  'tlStreamOptionsSupported',
  'fastPathCompatible',
  'tlLargeSendOffloadSupported',
  'tlGiantSendOffloadSupported',
];
export { OFFLOAD_ROD };
