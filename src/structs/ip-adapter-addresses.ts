/**
 * IP_ADAPTER_ADDRESSES_LH (iptypes.h) and the nodes of its lists, declared once:
 * what GetAdaptersAddresses returns. Unlike the MIB tables, this is a linked list
 * of structs whose pointers point into the caller's buffer, and whose layout
 * follows the pointer size: 448 bytes on x64, 376 on ia32. Each struct begins with
 * a union whose `ULONGLONG Alignment` aligns it to 8 on both (`align: 8`); its
 * `Length` (sizeof the struct) and the nodes' reserved `Flags` are not read.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/iptypes/ns-iptypes-ip_adapter_addresses_lh
 */
import {
  array,
  bits,
  bytes,
  cEnum,
  DWORD,
  GUID,
  list,
  NET_IFINDEX,
  NET_LUID,
  next,
  PCHAR,
  PWCHAR,
  skip,
  socketAddress,
  UINT8,
  ULONG,
  ULONG64,
  wchar,
} from '../struct/ctypes.js';
import { defineStruct } from '../struct/define.js';
import { IF_OPER_STATUS, NET_IF_CONNECTION_TYPE } from './mib-if-row2.js';
import { NL_DAD_STATE, NL_PREFIX_ORIGIN, NL_SUFFIX_ORIGIN } from './mib-unicastipaddress-row.js';

/** MAX_ADAPTER_ADDRESS_LENGTH: the bytes of PhysicalAddress. */
export const MAX_ADAPTER_ADDRESS_LENGTH = 8;
/** MAX_DHCPV6_DUID_LENGTH: the bytes of Dhcpv6ClientDuid. */
export const MAX_DHCPV6_DUID_LENGTH = 130;
/** MAX_DNS_SUFFIX_STRING_LENGTH: the WCHARs of an IP_ADAPTER_DNS_SUFFIX's String. */
export const MAX_DNS_SUFFIX_STRING_LENGTH = 256;

const ADDRESS_DOC = 'The address (IPv4 dotted, IPv6 per RFC 5952) and its scope id (sin6_scope_id; 0 for IPv4).';

/** A node of one of the address lists: the union's Length and Flags (or Reserved), Next, Address. */
function addressNode<const N extends string>(name: N, reserved: 'Flags' | 'Reserved', doc: string) {
  return defineStruct({
    name,
    doc,
    align: 8,
    members: [
      ['Length', skip(ULONG)],
      [reserved, skip(DWORD)],
      ['Next', next(`struct _${name} *`)],
      ['Address', socketAddress('text')],
    ],
    memberDocs: { Address: "The address as text; an IPv6 one with a non-zero scope id ends in `%scopeId` (RFC 4007's zone, as Node's `dns.setServers` takes it)." } as Record<string, string>,
  });
}

export const IP_ADAPTER_UNICAST_ADDRESS_LH = defineStruct({
  name: 'IP_ADAPTER_UNICAST_ADDRESS_LH',
  doc: 'https://learn.microsoft.com/en-us/windows/win32/api/iptypes/ns-iptypes-ip_adapter_unicast_address_lh',
  align: 8,
  members: [
    ['Length', skip(ULONG)],
    ['Flags', skip(DWORD)],
    ['Next', next('struct _IP_ADAPTER_UNICAST_ADDRESS_LH *')],
    ['Address', socketAddress('split')],
    ['PrefixOrigin', cEnum('IP_PREFIX_ORIGIN', NL_PREFIX_ORIGIN)],
    ['SuffixOrigin', cEnum('IP_SUFFIX_ORIGIN', NL_SUFFIX_ORIGIN)],
    ['DadState', cEnum('IP_DAD_STATE', NL_DAD_STATE)],
    ['ValidLifetime', ULONG],
    ['PreferredLifetime', ULONG],
    ['LeaseLifetime', ULONG],
    ['OnLinkPrefixLength', UINT8, 'prefixLength'],
  ],
  prefixLengthOf: { OnLinkPrefixLength: 'Address' },
  memberDocs: {
    Address: ADDRESS_DOC,
    PrefixOrigin: 'Where the prefix came from.',
    SuffixOrigin: 'Where the suffix (interface identifier) came from.',
    DadState: 'The duplicate address detection state; preferred is the usable state.',
    ValidLifetime: 'Seconds the address stays valid; 4294967295 (0xFFFFFFFF) is infinite.',
    PreferredLifetime: 'Seconds the address stays preferred; 4294967295 is infinite.',
    LeaseLifetime: 'Seconds the DHCP lease stays valid; 4294967295 is infinite.',
    OnLinkPrefixLength: 'The length, in bits, of the on-link prefix (the subnet mask as a length).',
  },
});

export const IP_ADAPTER_ANYCAST_ADDRESS_XP = addressNode(
  'IP_ADAPTER_ANYCAST_ADDRESS_XP',
  'Flags',
  'https://learn.microsoft.com/en-us/windows/win32/api/iptypes/ns-iptypes-ip_adapter_anycast_address_xp',
);
export const IP_ADAPTER_MULTICAST_ADDRESS_XP = addressNode(
  'IP_ADAPTER_MULTICAST_ADDRESS_XP',
  'Flags',
  'https://learn.microsoft.com/en-us/windows/win32/api/iptypes/ns-iptypes-ip_adapter_multicast_address_xp',
);
export const IP_ADAPTER_DNS_SERVER_ADDRESS_XP = addressNode(
  'IP_ADAPTER_DNS_SERVER_ADDRESS_XP',
  'Reserved',
  'https://learn.microsoft.com/en-us/windows/win32/api/iptypes/ns-iptypes-ip_adapter_dns_server_address_xp',
);
export const IP_ADAPTER_WINS_SERVER_ADDRESS_LH = addressNode(
  'IP_ADAPTER_WINS_SERVER_ADDRESS_LH',
  'Reserved',
  'https://learn.microsoft.com/en-us/windows/win32/api/iptypes/ns-iptypes-ip_adapter_wins_server_address_lh',
);
export const IP_ADAPTER_GATEWAY_ADDRESS_LH = addressNode(
  'IP_ADAPTER_GATEWAY_ADDRESS_LH',
  'Reserved',
  'https://learn.microsoft.com/en-us/windows/win32/api/iptypes/ns-iptypes-ip_adapter_gateway_address_lh',
);

export const IP_ADAPTER_PREFIX_XP = defineStruct({
  name: 'IP_ADAPTER_PREFIX_XP',
  doc: 'https://learn.microsoft.com/en-us/windows/win32/api/iptypes/ns-iptypes-ip_adapter_prefix_xp',
  align: 8,
  members: [
    ['Length', skip(ULONG)],
    ['Flags', skip(DWORD)],
    ['Next', next('struct _IP_ADAPTER_PREFIX_XP *')],
    ['Address', socketAddress('split')],
    ['PrefixLength', ULONG],
  ],
  prefixLengthOf: { PrefixLength: 'Address' },
  memberDocs: { Address: ADDRESS_DOC, PrefixLength: 'The prefix length in bits.' },
});

export const IP_ADAPTER_DNS_SUFFIX = defineStruct({
  name: 'IP_ADAPTER_DNS_SUFFIX',
  doc: 'https://learn.microsoft.com/en-us/windows/win32/api/iptypes/ns-iptypes-ip_adapter_dns_suffix',
  members: [
    ['Next', next('struct _IP_ADAPTER_DNS_SUFFIX *')],
    ['String', wchar(MAX_DNS_SUFFIX_STRING_LENGTH)],
  ],
  memberDocs: { String: 'One DNS suffix.' },
});

export const IP_ADAPTER_ADDRESSES_LH = defineStruct({
  name: 'IP_ADAPTER_ADDRESSES_LH',
  doc: 'https://learn.microsoft.com/en-us/windows/win32/api/iptypes/ns-iptypes-ip_adapter_addresses_lh',
  align: 8,
  members: [
    ['Length', skip(ULONG)],
    ['IfIndex', NET_IFINDEX],
    ['Next', next('struct _IP_ADAPTER_ADDRESSES_LH *')],
    ['AdapterName', PCHAR],
    ['FirstUnicastAddress', list('PIP_ADAPTER_UNICAST_ADDRESS_LH', IP_ADAPTER_UNICAST_ADDRESS_LH), 'unicastAddresses'],
    ['FirstAnycastAddress', list('PIP_ADAPTER_ANYCAST_ADDRESS_XP', IP_ADAPTER_ANYCAST_ADDRESS_XP, 'address'), 'anycastAddresses'],
    ['FirstMulticastAddress', list('PIP_ADAPTER_MULTICAST_ADDRESS_XP', IP_ADAPTER_MULTICAST_ADDRESS_XP, 'address'), 'multicastAddresses'],
    ['FirstDnsServerAddress', list('PIP_ADAPTER_DNS_SERVER_ADDRESS_XP', IP_ADAPTER_DNS_SERVER_ADDRESS_XP, 'address'), 'dnsServers'],
    ['DnsSuffix', PWCHAR],
    ['Description', PWCHAR],
    ['FriendlyName', PWCHAR],
    ['PhysicalAddress', bytes(MAX_ADAPTER_ADDRESS_LENGTH, 'PhysicalAddressLength', `BYTE[${MAX_ADAPTER_ADDRESS_LENGTH}]`)],
    ['PhysicalAddressLength', ULONG],
    // The header's Dhcpv4Enabled bit is IP_ADAPTER_DHCP_ENABLED (0x4): `dhcpEnabled`, as that constant names it.
    [
      'Flags',
      bits(
        'ULONG',
        [
          'DdnsEnabled',
          'RegisterAdapterSuffix',
          'DhcpEnabled',
          'ReceiveOnly',
          'NoMulticast',
          'Ipv6OtherStatefulConfig',
          'NetbiosOverTcpipEnabled',
          'Ipv4Enabled',
          'Ipv6Enabled',
          'Ipv6ManagedAddressConfigurationSupported',
        ],
        4,
      ),
    ],
    ['Mtu', ULONG],
    ['IfType', { ...ULONG, cType: 'IFTYPE' }],
    ['OperStatus', cEnum('IF_OPER_STATUS', IF_OPER_STATUS)],
    ['Ipv6IfIndex', NET_IFINDEX],
    ['ZoneIndices', array(ULONG, 16, 'ULONG[16]')],
    ['FirstPrefix', list('PIP_ADAPTER_PREFIX_XP', IP_ADAPTER_PREFIX_XP), 'prefixes'],
    ['TransmitLinkSpeed', ULONG64],
    ['ReceiveLinkSpeed', ULONG64],
    ['FirstWinsServerAddress', list('PIP_ADAPTER_WINS_SERVER_ADDRESS_LH', IP_ADAPTER_WINS_SERVER_ADDRESS_LH, 'address'), 'winsServers'],
    ['FirstGatewayAddress', list('PIP_ADAPTER_GATEWAY_ADDRESS_LH', IP_ADAPTER_GATEWAY_ADDRESS_LH, 'address'), 'gateways'],
    ['Ipv4Metric', ULONG],
    ['Ipv6Metric', ULONG],
    ['Luid', { ...NET_LUID, cType: 'IF_LUID' }, 'interfaceLuid'],
    ['Dhcpv4Server', socketAddress('text')],
    ['CompartmentId', { ...ULONG, cType: 'NET_IF_COMPARTMENT_ID' }],
    ['NetworkGuid', { ...GUID, cType: 'NET_IF_NETWORK_GUID' }],
    ['ConnectionType', cEnum('NET_IF_CONNECTION_TYPE', NET_IF_CONNECTION_TYPE)],
    ['TunnelType', { ...ULONG, cType: 'TUNNEL_TYPE' }],
    ['Dhcpv6Server', socketAddress('text')],
    ['Dhcpv6ClientDuid', bytes(MAX_DHCPV6_DUID_LENGTH, 'Dhcpv6ClientDuidLength', `BYTE[${MAX_DHCPV6_DUID_LENGTH}]`)],
    ['Dhcpv6ClientDuidLength', ULONG],
    ['Dhcpv6Iaid', ULONG],
    ['FirstDnsSuffix', list('PIP_ADAPTER_DNS_SUFFIX', IP_ADAPTER_DNS_SUFFIX, 'string'), 'dnsSuffixes'],
  ],
  memberDocs: {
    IfIndex: 'The IPv4 interface index (0 when IPv4 is not enabled on the adapter).',
    AdapterName: 'The adapter\'s name: its GUID as `{XXXXXXXX-…}`.',
    FirstUnicastAddress: 'The unicast addresses, with prefix lengths, origins and lifetimes.',
    FirstAnycastAddress: 'The anycast addresses.',
    FirstMulticastAddress: 'The multicast groups the adapter is in.',
    FirstDnsServerAddress: 'The DNS servers, in the order Windows asks them.',
    DnsSuffix: 'The DNS suffix of the adapter (its connection-specific suffix).',
    Description: 'The adapter\'s description (the driver\'s name for it).',
    FriendlyName: 'The name users see: the interface alias ("Ethernet", "Wi-Fi").',
    PhysicalAddress: 'The MAC address.',
    PhysicalAddressLength: 'The bytes of PhysicalAddress in use.',
    Flags: 'What is enabled on the adapter; `dhcpEnabled` is DHCP for IPv4.',
    Mtu: 'The maximum transmission unit in bytes.',
    IfType: 'The interface type (IANA ifType: 6 Ethernet, 71 Wi-Fi, 24 loopback, 131 tunnel; see IF_TYPE).',
    OperStatus: 'The operational status (RFC 2863).',
    Ipv6IfIndex: 'The IPv6 interface index (0 when IPv6 is not enabled on the adapter).',
    ZoneIndices: 'The scope id of each scope level, for IPv6 scoped addresses.',
    FirstPrefix: 'The on-link prefixes (GAA_FLAG_INCLUDE_PREFIX).',
    TransmitLinkSpeed: 'The transmit speed in bits per second.',
    ReceiveLinkSpeed: 'The receive speed in bits per second.',
    FirstWinsServerAddress: 'The WINS servers (GAA_FLAG_INCLUDE_WINS_INFO; not asked for: empty).',
    FirstGatewayAddress: 'The default gateways (GAA_FLAG_INCLUDE_GATEWAYS).',
    Ipv4Metric: 'The interface metric for IPv4 routes (lower is preferred).',
    Ipv6Metric: 'The interface metric for IPv6 routes.',
    Luid: 'The interface LUID.',
    Dhcpv4Server: "The DHCPv4 server's address; '' when none.",
    CompartmentId: 'The routing compartment (1 unless compartments are in use).',
    NetworkGuid: 'The GUID of the network the adapter is connected to.',
    ConnectionType: 'The connection type.',
    TunnelType: 'The tunnel type for a tunnel adapter (see TUNNEL_TYPE), else 0.',
    Dhcpv6Server: "The DHCPv6 server's address; '' when none.",
    Dhcpv6ClientDuid: 'The DHCPv6 client DUID.',
    Dhcpv6ClientDuidLength: 'The bytes of Dhcpv6ClientDuid in use.',
    Dhcpv6Iaid: 'The DHCPv6 identity association identifier.',
    FirstDnsSuffix: 'The DNS suffix search list of the adapter.',
  },
});
