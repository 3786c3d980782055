/**
 * MIB_IF_ROW2 (netioapi.h), declared once: one network adapter as GetIfTable2
 * and GetIfEntry2 return it (what Get-NetAdapter shows). Layout, reader,
 * schema, row type, CLI fields and the reference page derive from this list.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_if_row2
 */
import { bits, bytes, cEnum, GUID, NET_IFINDEX, NET_LUID, ULONG, ULONG64, wchar } from '../struct/ctypes.js';
import { defineStruct } from '../struct/define.js';

/** IF_MAX_STRING_SIZE (ifdef.h): Alias and Description hold this many characters plus a NUL. */
export const IF_MAX_STRING_SIZE = 256;
/** IF_MAX_PHYS_ADDRESS_LENGTH (ifdef.h): the size of the PhysicalAddress arrays. */
export const IF_MAX_PHYS_ADDRESS_LENGTH = 32;

/** TUNNEL_TYPE (ifdef.h): name → value. `tunnelType` is a number; this names the documented ones. */
export const TUNNEL_TYPE = Object.freeze({
  none: 0,
  other: 1,
  direct: 2,
  '6to4': 11,
  isatap: 13,
  teredo: 14,
  iphttps: 15,
} as const);

/** NDIS_MEDIUM (ntddndis.h): name → value. `mediaType` is a number; this names the documented ones. */
export const NDIS_MEDIUM = Object.freeze({
  '802_3': 0,
  '802_5': 1,
  fddi: 2,
  wan: 3,
  localTalk: 4,
  dix: 5,
  arcnetRaw: 6,
  arcnet878_2: 7,
  atm: 8,
  wirelessWan: 9,
  irda: 10,
  bpc: 11,
  coWan: 12,
  '1394': 13,
  infiniBand: 14,
  tunnel: 15,
  native802_11: 16,
  loopback: 17,
  wiMAX: 18,
  ip: 19,
} as const);

/** NDIS_PHYSICAL_MEDIUM (ntddndis.h): name → value. `physicalMediumType` is a number; this names the documented ones. */
export const NDIS_PHYSICAL_MEDIUM = Object.freeze({
  unspecified: 0,
  wirelessLan: 1,
  cableModem: 2,
  phoneLine: 3,
  powerLine: 4,
  dsl: 5,
  fibreChannel: 6,
  '1394': 7,
  wirelessWan: 8,
  native802_11: 9,
  bluetooth: 10,
  infiniband: 11,
  wiMax: 12,
  uwb: 13,
  '802_3': 14,
  '802_5': 15,
  irda: 16,
  wiredWAN: 17,
  wiredCoWan: 18,
  other: 19,
} as const);

/** IF_OPER_STATUS (ifdef.h). */
export const IF_OPER_STATUS = Object.freeze({
  up: 1,
  down: 2,
  testing: 3,
  unknown: 4,
  dormant: 5,
  notPresent: 6,
  lowerLayerDown: 7,
} as const);
/** NET_IF_ADMIN_STATUS (ifdef.h). */
export const NET_IF_ADMIN_STATUS = Object.freeze({ up: 1, down: 2, testing: 3 } as const);
/** NET_IF_MEDIA_CONNECT_STATE (ifdef.h). */
export const NET_IF_MEDIA_CONNECT_STATE = Object.freeze({ unknown: 0, connected: 1, disconnected: 2 } as const);
/** NET_IF_ACCESS_TYPE (ifdef.h), without the NET_IF_ACCESS_MAXIMUM sentinel. */
export const NET_IF_ACCESS_TYPE = Object.freeze({ loopback: 1, broadcast: 2, pointToPoint: 3, pointToMultiPoint: 4 } as const);
/** NET_IF_DIRECTION_TYPE (ifdef.h), without the NET_IF_DIRECTION_MAXIMUM sentinel. */
export const NET_IF_DIRECTION_TYPE = Object.freeze({ sendReceive: 0, sendOnly: 1, receiveOnly: 2 } as const);
/** NET_IF_CONNECTION_TYPE (ifdef.h), without the NET_IF_CONNECTION_MAXIMUM sentinel. */
export const NET_IF_CONNECTION_TYPE = Object.freeze({ dedicated: 1, passive: 2, demand: 3 } as const);

/** MIB_IF_ROW2.InterfaceAndOperStatusFlags: eight 1-bit BOOLEANs, bit 0 first. */
const INTERFACE_AND_OPER_STATUS_FLAGS = bits('struct { BOOLEAN HardwareInterface : 1; … }', [
  'HardwareInterface',
  'FilterInterface',
  'ConnectorPresent',
  'NotAuthenticated',
  'NotMediaConnected',
  'Paused',
  'LowPower',
  'EndPointInterface',
]);

export const MIB_IF_ROW2 = defineStruct({
  name: 'MIB_IF_ROW2',
  table: 'MIB_IF_TABLE2',
  doc: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_if_row2',
  /** What each member means, from Microsoft's page (shortened), for the generated reference page. */
  memberDocs: {
    InterfaceLuid: 'The locally unique identifier (LUID) of the interface.',
    InterfaceIndex: 'The interface index; not persistent (it can change when the adapter is disabled and enabled, or the system restarts).',
    InterfaceGuid: 'The GUID of the interface.',
    Alias: 'The alias a user sees and can change, e.g. "Ethernet" or "Wi-Fi".',
    Description: 'A description of the interface: usually the product name of the adapter.',
    PhysicalAddressLength: 'The length, in bytes, of PhysicalAddress (and PermanentPhysicalAddress).',
    PhysicalAddress: 'The physical (MAC) address; only its first PhysicalAddressLength bytes are data.',
    PermanentPhysicalAddress: 'The permanent (burned-in) physical address; PhysicalAddressLength bytes.',
    Mtu: 'The maximum transmission unit, in bytes.',
    Type: 'The interface type as IANA defines it (IFTYPE: 6 Ethernet, 24 loopback, 71 Wi-Fi, 131 tunnel; see IF_TYPE).',
    TunnelType: 'The tunnel encapsulation when Type is a tunnel (see TUNNEL_TYPE).',
    MediaType: 'The NDIS media type (see NDIS_MEDIUM).',
    PhysicalMediumType: 'The NDIS physical medium type (see NDIS_PHYSICAL_MEDIUM).',
    AccessType: 'The interface access type.',
    DirectionType: 'Whether the interface sends and receives, only sends, or only receives.',
    InterfaceAndOperStatusFlags: 'Hardware interface, filter interface, connector present, port not authenticated, media not connected, paused, low power, endpoint interface.',
    OperStatus: 'The operational status (RFC 2863 ifOperStatus).',
    AdminStatus: 'The administrative status: whether the interface is enabled.',
    MediaConnectState: 'The connection state of the media.',
    NetworkGuid: 'The GUID of the network the interface belongs to.',
    ConnectionType: 'The NDIS connection type.',
    TransmitLinkSpeed: 'The transmit link speed, in bits per second.',
    ReceiveLinkSpeed: 'The receive link speed, in bits per second.',
    InOctets: 'Octets received without errors, including framing.',
    InUcastPkts: 'Unicast packets received without errors.',
    InNUcastPkts: 'Non-unicast packets received without errors.',
    InDiscards: 'Inbound packets without errors that were discarded (e.g. for lack of buffer space).',
    InErrors: 'Inbound packets discarded because of errors.',
    InUnknownProtos: 'Inbound packets discarded because of an unknown or unsupported protocol.',
    InUcastOctets: 'Unicast octets received without errors.',
    InMulticastOctets: 'Multicast octets received without errors.',
    InBroadcastOctets: 'Broadcast octets received without errors.',
    OutOctets: 'Octets sent, including framing.',
    OutUcastPkts: 'Unicast packets sent.',
    OutNUcastPkts: 'Non-unicast packets sent.',
    OutDiscards: 'Outbound packets without errors that were discarded.',
    OutErrors: 'Outbound packets that could not be sent because of errors.',
    OutUcastOctets: 'Unicast octets sent.',
    OutMulticastOctets: 'Multicast octets sent.',
    OutBroadcastOctets: 'Broadcast octets sent.',
    OutQLen: 'The length of the output packet queue (Microsoft: not used).',
  },
  members: [
    ['InterfaceLuid', NET_LUID],
    ['InterfaceIndex', NET_IFINDEX],
    ['InterfaceGuid', GUID],
    ['Alias', wchar(IF_MAX_STRING_SIZE + 1, 'WCHAR[IF_MAX_STRING_SIZE + 1]')],
    ['Description', wchar(IF_MAX_STRING_SIZE + 1, 'WCHAR[IF_MAX_STRING_SIZE + 1]')],
    ['PhysicalAddressLength', ULONG],
    ['PhysicalAddress', bytes(IF_MAX_PHYS_ADDRESS_LENGTH, 'PhysicalAddressLength', 'UCHAR[IF_MAX_PHYS_ADDRESS_LENGTH]')],
    ['PermanentPhysicalAddress', bytes(IF_MAX_PHYS_ADDRESS_LENGTH, 'PhysicalAddressLength', 'UCHAR[IF_MAX_PHYS_ADDRESS_LENGTH]')],
    ['Mtu', ULONG],
    ['Type', { ...ULONG, cType: 'IFTYPE' }],
    ['TunnelType', { ...ULONG, cType: 'TUNNEL_TYPE' }],
    ['MediaType', { ...ULONG, cType: 'NDIS_MEDIUM' }],
    ['PhysicalMediumType', { ...ULONG, cType: 'NDIS_PHYSICAL_MEDIUM' }],
    ['AccessType', cEnum('NET_IF_ACCESS_TYPE', NET_IF_ACCESS_TYPE)],
    ['DirectionType', cEnum('NET_IF_DIRECTION_TYPE', NET_IF_DIRECTION_TYPE)],
    ['InterfaceAndOperStatusFlags', INTERFACE_AND_OPER_STATUS_FLAGS],
    ['OperStatus', cEnum('IF_OPER_STATUS', IF_OPER_STATUS)],
    ['AdminStatus', cEnum('NET_IF_ADMIN_STATUS', NET_IF_ADMIN_STATUS)],
    ['MediaConnectState', cEnum('NET_IF_MEDIA_CONNECT_STATE', NET_IF_MEDIA_CONNECT_STATE)],
    ['NetworkGuid', { ...GUID, cType: 'NET_IF_NETWORK_GUID' }],
    ['ConnectionType', cEnum('NET_IF_CONNECTION_TYPE', NET_IF_CONNECTION_TYPE)],
    ['TransmitLinkSpeed', ULONG64],
    ['ReceiveLinkSpeed', ULONG64],
    ['InOctets', ULONG64],
    ['InUcastPkts', ULONG64],
    ['InNUcastPkts', ULONG64],
    ['InDiscards', ULONG64],
    ['InErrors', ULONG64],
    ['InUnknownProtos', ULONG64],
    ['InUcastOctets', ULONG64],
    ['InMulticastOctets', ULONG64],
    ['InBroadcastOctets', ULONG64],
    ['OutOctets', ULONG64],
    ['OutUcastPkts', ULONG64],
    ['OutNUcastPkts', ULONG64],
    ['OutDiscards', ULONG64],
    ['OutErrors', ULONG64],
    ['OutUcastOctets', ULONG64],
    ['OutMulticastOctets', ULONG64],
    ['OutBroadcastOctets', ULONG64],
    ['OutQLen', ULONG64],
  ],
});
