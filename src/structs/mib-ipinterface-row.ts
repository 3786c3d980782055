/**
 * MIB_IPINTERFACE_ROW (netioapi.h), declared once: members in header order with
 * their C types. Layout, reader, schema and row type derive from this list.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_row
 */
import { AF_INET, AF_INET6, AF_UNSPEC, array, BOOLEAN, bits, cEnum, NET_IFINDEX, NET_LUID, ULONG, ULONG64, uintEnum } from '../struct/ctypes.js';
import { defineStruct } from '../struct/define.js';

export { AF_UNSPEC, AF_INET, AF_INET6 };

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
  /** What each member means, paraphrasing Microsoft's SDK and WDK pages, with the unit they give. */
  memberDocs: {
    Family: 'Address family of the row: AF_INET (2) is IPv4, AF_INET6 (23) is IPv6; the docs also list AF_UNSPEC (0, unspecified).',
    InterfaceLuid: 'Locally unique identifier (NET_LUID) of the network interface; together with family and index it identifies the row.',
    InterfaceIndex: 'Local index of the interface; not persistent, it can change when the adapter is disabled and re-enabled, among other cases.',
    MaxReassemblySize: 'Largest size a fragmented IP packet can be reassembled to; the docs say it is currently always zero and reserved for future use. Unit: bytes.',
    InterfaceIdentifier: 'Not used yet: the docs say it is always zero and kept for future use.',
    MinRouterAdvertisementInterval: 'Shortest gap between router advertisements on this interface; IPv6 default 200; only meaningful when advertisingEnabled is true. Unit: ms.',
    MaxRouterAdvertisementInterval: 'Longest gap between router advertisements on this interface; IPv6 default 600; only meaningful when advertisingEnabled is true. Unit: ms.',
    AdvertisingEnabled: 'Whether the interface sends router advertisements; off by default for IPv4, and for IPv6 on only if the interface acts as a router.',
    ForwardingEnabled: 'Whether IP forwarding is turned on for this interface.',
    WeakHostSend: 'Whether weak-host send mode is on; Windows Vista and later use the strong host model (false) by default.',
    WeakHostReceive: 'Whether weak-host receive mode is on; Windows Vista and later use the strong host model (false) by default.',
    UseAutomaticMetric: 'Whether the interface metric is set automatically (from link speed, per the remarks); on by default.',
    UseNeighborUnreachabilityDetection: 'Whether neighbor unreachability detection runs on this interface.',
    ManagedAddressConfigurationSupported: 'Whether the interface supports managed address configuration through DHCP.',
    OtherStatefulConfigurationSupported: 'Whether the interface supports other stateful configuration, route configuration being one example.',
    AdvertiseDefaultRoute: 'Whether the interface advertises the default route; only meaningful when advertisingEnabled is true.',
    RouterDiscoveryBehavior: 'Router discovery mode (RFC 2461): disabled (0) off; enabled (1) on, IPv6 default; dhcp (2) driven by DHCP, IPv4 default; unchanged (-1) keep current value when setting.',
    DadTransmits: 'Number of back-to-back duplicate-address-detection messages for a tentative unicast address; 0 skips DAD, 1 means no retransmits; defaults 3 (IPv4), 1 (IPv6). Unit: messages (count).',
    BaseReachableTime: 'Base value from which the randomized reachable time is computed (RFC 2461). Unit: ms.',
    RetransmitTime: 'Timeout for neighbor solicitations (RFC 2461); the WDK page calls it the IPv6 Neighbor Solicitation time-out. Unit: ms.',
    PathMtuDiscoveryTimeout: 'Timeout used by path MTU discovery. Unit: ms.',
    LinkLocalAddressBehavior: 'always-off (0) never use link-local; delayed (1) only if no other address, IPv4 default; always-on (2) always, IPv6 default; unchanged (-1) keep when setting.',
    LinkLocalAddressTimeout: 'Timeout for the link-local IP address. Unit: ms.',
    ZoneIndices: 'Array (length ScopeLevelCount = 16) holding the zone part of scope IDs.',
    SitePrefixLength: 'Length of the site prefix (network part) of the interface address; above 32 (IPv4) or 128 (IPv6) is illegal, and 255 usually marks illegal. Unit: bits.',
    Metric: 'Interface metric; the effective route metric is this value plus the route\'s own Metric offset in MIB_IPFORWARD_ROW2.',
    NlMtu: 'Network-layer MTU of the interface. Unit: bytes.',
    Connected: 'Whether the interface is connected to a network access point.',
    SupportsWakeUpPatterns: 'Whether the network interface supports Wake on LAN.',
    SupportsNeighborDiscovery: 'Whether the IP interface supports neighbor discovery.',
    SupportsRouterDiscovery: 'Whether the IP interface supports router discovery (older SDK text and the WDK page say "neighbor discovery", apparently a copy error).',
    ReachableTime: 'Reachable timeout per the SDK page; the WDK page instead describes it as the base for random reachable time (see notes). Unit: ms.',
    TransmitOffload: 'Transmit offload capabilities of the interface: the set of 8 NL_INTERFACE_OFFLOAD_ROD flags (table below).',
    ReceiveOffload: 'Receive offload capabilities of the interface: the set of 8 NL_INTERFACE_OFFLOAD_ROD flags (table below).',
    DisableDefaultRoutes: 'Whether use of the default route on this interface is turned off; VPN clients can set it to restrict split tunneling.',
  },
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
