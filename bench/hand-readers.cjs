// Hand-written DataView readers of the five IP Helper tables: the baseline every benchmark
// compares this package with — the least any JavaScript caller can do to turn a table's bytes
// into rows (bench/decode.mjs in Node, bench/programs/e2e.cjs in Windows Node under Wine).
// Offsets are written out by hand, as x86_64-w64-mingw32-gcc's offsetof printed them for
// <netioapi.h> (fixtures/c/layout.json; the same on i686); nothing here comes from the
// package's declarations. Each reader takes a table's bytes (NumEntries, then the rows).
'use strict';

// MIB_IPINTERFACE_ROW (sizeof 168, rows at 8): offsetof from fixtures/c/layout.json, written out.
const off = {
  Family: 0, InterfaceLuid: 8, InterfaceIndex: 16, MaxReassemblySize: 20, InterfaceIdentifier: 24, MinRouterAdvertisementInterval: 32,
  MaxRouterAdvertisementInterval: 36, AdvertisingEnabled: 40, ForwardingEnabled: 41, WeakHostSend: 42, WeakHostReceive: 43,
  UseAutomaticMetric: 44, UseNeighborUnreachabilityDetection: 45, ManagedAddressConfigurationSupported: 46,
  OtherStatefulConfigurationSupported: 47, AdvertiseDefaultRoute: 48, RouterDiscoveryBehavior: 52, DadTransmits: 56,
  BaseReachableTime: 60, RetransmitTime: 64, PathMtuDiscoveryTimeout: 68, LinkLocalAddressBehavior: 72, LinkLocalAddressTimeout: 76,
  ZoneIndices: 80, SitePrefixLength: 144, Metric: 148, NlMtu: 152, Connected: 156, SupportsWakeUpPatterns: 157,
  SupportsNeighborDiscovery: 158, SupportsRouterDiscovery: 159, ReachableTime: 160, TransmitOffload: 164, ReceiveOffload: 165,
  DisableDefaultRoutes: 166,
};
const IP_STRIDE = 168;
const IP_FIRST = 8;


const offload = (b) => ({
  nlChecksumSupported: (b & 1) !== 0, nlOptionsSupported: (b & 2) !== 0, tlDatagramChecksumSupported: (b & 4) !== 0,
  tlStreamChecksumSupported: (b & 8) !== 0, tlStreamOptionsSupported: (b & 16) !== 0, fastPathCompatible: (b & 32) !== 0,
  tlLargeSendOffloadSupported: (b & 64) !== 0, tlGiantSendOffloadSupported: (b & 128) !== 0,
});
const RD = { 0: 'disabled', 1: 'enabled', 2: 'dhcp', [-1]: 'unchanged' };
const LL = { 0: 'always-off', 1: 'delayed', 2: 'always-on', [-1]: 'unchanged' };
function handWritten(bytes) {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = v.getUint32(0, true);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const b = IP_FIRST + i * IP_STRIDE;
    const zones = [];
    for (let z = 0; z < 16; z++) zones.push(v.getUint32(b + off.ZoneIndices + 4 * z, true));
    const fam = v.getUint16(b + off.Family, true);
    rows.push({
      family: fam === 2 ? 'ipv4' : fam === 23 ? 'ipv6' : fam,
      interfaceLuid: v.getBigUint64(b + off.InterfaceLuid, true),
      interfaceIndex: v.getUint32(b + off.InterfaceIndex, true),
      maxReassemblySize: v.getUint32(b + off.MaxReassemblySize, true),
      interfaceIdentifier: v.getBigUint64(b + off.InterfaceIdentifier, true),
      minRouterAdvertisementInterval: v.getUint32(b + off.MinRouterAdvertisementInterval, true),
      maxRouterAdvertisementInterval: v.getUint32(b + off.MaxRouterAdvertisementInterval, true),
      advertisingEnabled: v.getUint8(b + off.AdvertisingEnabled) !== 0,
      forwardingEnabled: v.getUint8(b + off.ForwardingEnabled) !== 0,
      weakHostSend: v.getUint8(b + off.WeakHostSend) !== 0,
      weakHostReceive: v.getUint8(b + off.WeakHostReceive) !== 0,
      useAutomaticMetric: v.getUint8(b + off.UseAutomaticMetric) !== 0,
      useNeighborUnreachabilityDetection: v.getUint8(b + off.UseNeighborUnreachabilityDetection) !== 0,
      managedAddressConfigurationSupported: v.getUint8(b + off.ManagedAddressConfigurationSupported) !== 0,
      otherStatefulConfigurationSupported: v.getUint8(b + off.OtherStatefulConfigurationSupported) !== 0,
      advertiseDefaultRoute: v.getUint8(b + off.AdvertiseDefaultRoute) !== 0,
      routerDiscoveryBehavior: RD[v.getInt32(b + off.RouterDiscoveryBehavior, true)],
      dadTransmits: v.getUint32(b + off.DadTransmits, true),
      baseReachableTime: v.getUint32(b + off.BaseReachableTime, true),
      retransmitTime: v.getUint32(b + off.RetransmitTime, true),
      pathMtuDiscoveryTimeout: v.getUint32(b + off.PathMtuDiscoveryTimeout, true),
      linkLocalAddressBehavior: LL[v.getInt32(b + off.LinkLocalAddressBehavior, true)],
      linkLocalAddressTimeout: v.getUint32(b + off.LinkLocalAddressTimeout, true),
      zoneIndices: zones,
      sitePrefixLength: v.getUint32(b + off.SitePrefixLength, true),
      metric: v.getUint32(b + off.Metric, true),
      nlMtu: v.getUint32(b + off.NlMtu, true),
      connected: v.getUint8(b + off.Connected) !== 0,
      supportsWakeUpPatterns: v.getUint8(b + off.SupportsWakeUpPatterns) !== 0,
      supportsNeighborDiscovery: v.getUint8(b + off.SupportsNeighborDiscovery) !== 0,
      supportsRouterDiscovery: v.getUint8(b + off.SupportsRouterDiscovery) !== 0,
      reachableTime: v.getUint32(b + off.ReachableTime, true),
      transmitOffload: offload(v.getUint8(b + off.TransmitOffload)),
      receiveOffload: offload(v.getUint8(b + off.ReceiveOffload)),
      disableDefaultRoutes: v.getUint8(b + off.DisableDefaultRoutes) !== 0,
    });
  }
  return rows;
}

// (a) for MIB_IF_ROW2. Offsets as x86_64-w64-mingw32-gcc's offsetof on <netioapi.h>
// printed them (run under Wine): sizeof 1352, offsetof(MIB_IF_TABLE2, Table) 8.
const IF2_STRIDE = 1352;
const IF2_FIRST = 8;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEXU = HEX.map((h) => h.toUpperCase());
const ACCESS = [undefined, 'loopback', 'broadcast', 'pointToPoint', 'pointToMultiPoint'];
const DIRECTION = ['sendReceive', 'sendOnly', 'receiveOnly'];
const OPER = [undefined, 'up', 'down', 'testing', 'unknown', 'dormant', 'notPresent', 'lowerLayerDown'];
const ADMIN = [undefined, 'up', 'down', 'testing'];
const MEDIA = ['unknown', 'connected', 'disconnected'];
const CONNECTION = [undefined, 'dedicated', 'passive', 'demand'];
const named = (names, x) => (x >= 0 && names[x] !== undefined ? names[x] : x);
// WCHAR[257]: UTF-16LE up to the first NUL or 257 units. (Of a one-Buffer toString,
// a Buffer per string, a String.fromCharCode loop and TextDecoder, the first was fastest.)
function wstr(v, buf, o) {
  let n = 0;
  while (n < 257 && v.getUint16(o + 2 * n, true) !== 0) n++;
  return n === 0 ? '' : buf.toString('utf16le', o, o + 2 * n);
}
function mac(v, o, len) {
  if (len > 32) return len;
  let s = '';
  for (let i = 0; i < len; i++) s += (i === 0 ? '' : ':') + HEX[v.getUint8(o + i)];
  return s;
}
function guid(v, o) {
  const x = (i) => HEXU[v.getUint8(o + i)];
  return `{${x(3)}${x(2)}${x(1)}${x(0)}-${x(5)}${x(4)}-${x(7)}${x(6)}-${x(8)}${x(9)}-${x(10)}${x(11)}${x(12)}${x(13)}${x(14)}${x(15)}}`;
}
function handWrittenIf2(bytes) {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = v.getUint32(0, true);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const b = IF2_FIRST + i * IF2_STRIDE;
    const len = v.getUint32(b + 1056, true);
    const f = v.getUint8(b + 1152);
    rows.push({
      interfaceLuid: v.getBigUint64(b, true),
      interfaceIndex: v.getUint32(b + 8, true),
      interfaceGuid: guid(v, b + 12),
      alias: wstr(v, buf, b + 28),
      description: wstr(v, buf, b + 542),
      physicalAddressLength: len,
      physicalAddress: mac(v, b + 1060, len),
      permanentPhysicalAddress: mac(v, b + 1092, len),
      mtu: v.getUint32(b + 1124, true),
      type: v.getUint32(b + 1128, true),
      tunnelType: v.getUint32(b + 1132, true),
      mediaType: v.getUint32(b + 1136, true),
      physicalMediumType: v.getUint32(b + 1140, true),
      accessType: named(ACCESS, v.getInt32(b + 1144, true)),
      directionType: named(DIRECTION, v.getInt32(b + 1148, true)),
      interfaceAndOperStatusFlags: {
        hardwareInterface: (f & 1) !== 0, filterInterface: (f & 2) !== 0, connectorPresent: (f & 4) !== 0, notAuthenticated: (f & 8) !== 0,
        notMediaConnected: (f & 16) !== 0, paused: (f & 32) !== 0, lowPower: (f & 64) !== 0, endPointInterface: (f & 128) !== 0,
      },
      operStatus: named(OPER, v.getInt32(b + 1156, true)),
      adminStatus: named(ADMIN, v.getInt32(b + 1160, true)),
      mediaConnectState: named(MEDIA, v.getInt32(b + 1164, true)),
      networkGuid: guid(v, b + 1168),
      connectionType: named(CONNECTION, v.getInt32(b + 1184, true)),
      transmitLinkSpeed: v.getBigUint64(b + 1192, true),
      receiveLinkSpeed: v.getBigUint64(b + 1200, true),
      inOctets: v.getBigUint64(b + 1208, true),
      inUcastPkts: v.getBigUint64(b + 1216, true),
      inNUcastPkts: v.getBigUint64(b + 1224, true),
      inDiscards: v.getBigUint64(b + 1232, true),
      inErrors: v.getBigUint64(b + 1240, true),
      inUnknownProtos: v.getBigUint64(b + 1248, true),
      inUcastOctets: v.getBigUint64(b + 1256, true),
      inMulticastOctets: v.getBigUint64(b + 1264, true),
      inBroadcastOctets: v.getBigUint64(b + 1272, true),
      outOctets: v.getBigUint64(b + 1280, true),
      outUcastPkts: v.getBigUint64(b + 1288, true),
      outNUcastPkts: v.getBigUint64(b + 1296, true),
      outDiscards: v.getBigUint64(b + 1304, true),
      outErrors: v.getBigUint64(b + 1312, true),
      outUcastOctets: v.getBigUint64(b + 1320, true),
      outMulticastOctets: v.getBigUint64(b + 1328, true),
      outBroadcastOctets: v.getBigUint64(b + 1336, true),
      outQLen: v.getBigUint64(b + 1344, true),
    });
  }
  return rows;
}

// (a) for MIB_UNICASTIPADDRESS_ROW, MIB_IPFORWARD_ROW2 and MIB_IPNET_ROW2. Offsets as
// x86_64-w64-mingw32-gcc's offsetof on <netioapi.h> printed them (run under Wine):
// sizeof 80 / 104 / 88, every table's rows at 8; SOCKADDR_INET 28 bytes (sin_addr at
// +4, sin6_addr at +8), IP_ADDRESS_PREFIX 32 (PrefixLength at +28).
const NET_FIRST = 8;
const UNICAST_STRIDE = 80;
const FORWARD_STRIDE = 104;
const IPNET_STRIDE = 88;

// RFC 5952: lowercase hex without leading zeros; the first longest run of two or
// more zero groups as '::'; IPv4-mapped addresses (::ffff:0:0/96) as ::ffff:a.b.c.d.
function ipv6(v, o) {
  const g = [];
  for (let i = 0; i < 8; i++) g.push(v.getUint16(o + 2 * i, false));
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff) {
    return `::ffff:${v.getUint8(o + 12)}.${v.getUint8(o + 13)}.${v.getUint8(o + 14)}.${v.getUint8(o + 15)}`;
  }
  let start = -1;
  let len = 0;
  for (let i = 0; i < 8; i++) {
    if (g[i] !== 0) continue;
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > len) {
      start = i;
      len = j - i;
    }
    i = j;
  }
  if (len < 2) return g.map((x) => x.toString(16)).join(':');
  const head = g.slice(0, start).map((x) => x.toString(16)).join(':');
  const tail = g.slice(start + len).map((x) => x.toString(16)).join(':');
  return `${head}::${tail}`;
}
// SOCKADDR_INET: si_family at +0 (USHORT); AF_INET (2) sin_addr at +4, AF_INET6 (23) sin6_addr at +8.
function inet(v, o) {
  const family = v.getUint16(o, true);
  if (family === 2) return `${v.getUint8(o + 4)}.${v.getUint8(o + 5)}.${v.getUint8(o + 6)}.${v.getUint8(o + 7)}`;
  if (family === 23) return ipv6(v, o + 8);
  return family === 0 ? '' : family;
}
const PREFIX_ORIGIN = { 0: 'other', 1: 'manual', 2: 'wellKnown', 3: 'dhcp', 4: 'routerAdvertisement', 16: 'unchanged' };
const SUFFIX_ORIGIN = { 0: 'other', 1: 'manual', 2: 'wellKnown', 3: 'dhcp', 4: 'linkLayerAddress', 5: 'random', 16: 'unchanged' };
const DAD_STATE = { 0: 'invalid', 1: 'tentative', 2: 'duplicate', 3: 'deprecated', 4: 'preferred' };
const ROUTE_PROTOCOL = {
  1: 'other', 2: 'local', 3: 'netMgmt', 4: 'icmp', 5: 'egp', 6: 'ggp', 7: 'hello', 8: 'rip', 9: 'isIs', 10: 'esIs', 11: 'cisco',
  12: 'bbn', 13: 'ospf', 14: 'bgp', 15: 'idpr', 16: 'eigrp', 17: 'dvmrp', 18: 'rpl', 19: 'dhcp',
  10002: 'ntAutostatic', 10006: 'ntStatic', 10007: 'ntStaticNonDod',
};
const ROUTE_ORIGIN = { 0: 'manual', 1: 'wellKnown', 2: 'dhcp', 3: 'routerAdvertisement', 4: '6to4' };
const NEIGHBOR_STATE = { 0: 'unreachable', 1: 'incomplete', 2: 'probe', 3: 'delay', 4: 'stale', 5: 'reachable', 6: 'permanent' };
const name = (names, x) => names[x] ?? x;

function handWrittenUnicast(bytes) {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = v.getUint32(0, true);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const b = NET_FIRST + i * UNICAST_STRIDE;
    rows.push({
      address: inet(v, b),
      interfaceLuid: v.getBigUint64(b + 32, true),
      interfaceIndex: v.getUint32(b + 40, true),
      prefixOrigin: name(PREFIX_ORIGIN, v.getInt32(b + 44, true)),
      suffixOrigin: name(SUFFIX_ORIGIN, v.getInt32(b + 48, true)),
      validLifetime: v.getUint32(b + 52, true),
      preferredLifetime: v.getUint32(b + 56, true),
      onLinkPrefixLength: v.getUint8(b + 60),
      skipAsSource: v.getUint8(b + 61) !== 0,
      dadState: name(DAD_STATE, v.getInt32(b + 64, true)),
      scopeId: v.getUint32(b + 68, true),
      creationTimeStamp: v.getBigInt64(b + 72, true),
    });
  }
  return rows;
}

function handWrittenForward(bytes) {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = v.getUint32(0, true);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const b = NET_FIRST + i * FORWARD_STRIDE;
    rows.push({
      interfaceLuid: v.getBigUint64(b, true),
      interfaceIndex: v.getUint32(b + 8, true),
      destinationPrefix: { address: inet(v, b + 12), prefixLength: v.getUint8(b + 40) },
      nextHop: inet(v, b + 44),
      sitePrefixLength: v.getUint8(b + 72),
      validLifetime: v.getUint32(b + 76, true),
      preferredLifetime: v.getUint32(b + 80, true),
      metric: v.getUint32(b + 84, true),
      protocol: name(ROUTE_PROTOCOL, v.getInt32(b + 88, true)),
      loopback: v.getUint8(b + 92) !== 0,
      autoconfigureAddress: v.getUint8(b + 93) !== 0,
      publish: v.getUint8(b + 94) !== 0,
      immortal: v.getUint8(b + 95) !== 0,
      age: v.getUint32(b + 96, true),
      origin: name(ROUTE_ORIGIN, v.getInt32(b + 100, true)),
    });
  }
  return rows;
}

function handWrittenIpnet(bytes) {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = v.getUint32(0, true);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const b = NET_FIRST + i * IPNET_STRIDE;
    const len = v.getUint32(b + 72, true);
    const f = v.getUint8(b + 80);
    rows.push({
      address: inet(v, b),
      interfaceIndex: v.getUint32(b + 28, true),
      interfaceLuid: v.getBigUint64(b + 32, true),
      physicalAddress: mac(v, b + 40, len),
      physicalAddressLength: len,
      state: name(NEIGHBOR_STATE, v.getInt32(b + 76, true)),
      isRouter: (f & 1) !== 0,
      isUnreachable: (f & 2) !== 0,
      reachabilityTime: v.getUint32(b + 84, true),
    });
  }
  return rows;
}


// The connection tables (tcpmib.h, udpmib.h): DWORD dwNumEntries, rows from offset 4. MIB_TCPROW_OWNER_PID
// is 24 bytes (dwState, dwLocalAddr, dwLocalPort, dwRemoteAddr, dwRemotePort, dwOwningPid), MIB_TCP6ROW_OWNER_PID
// 56 (ucLocalAddr[16] 0, dwLocalScopeId 16, dwLocalPort 20, ucRemoteAddr[16] 24, dwRemoteScopeId 40,
// dwRemotePort 44, dwState 48, dwOwningPid 52), MIB_UDPROW_OWNER_PID 12, MIB_UDP6ROW_OWNER_PID 28 (ucLocalAddr
// 0, dwLocalScopeId 16, dwLocalPort 20, dwOwningPid 24). An address DWORD holds the address in network
// order; a port DWORD the port in network order in its low 16 bits.
const TCP_STATE = [undefined, 'closed', 'listen', 'synSent', 'synReceived', 'established', 'finWait1', 'finWait2', 'closeWait', 'closing', 'lastAck', 'timeWait', 'deleteTcb'];
const dotted = (v, o) => `${v.getUint8(o)}.${v.getUint8(o + 1)}.${v.getUint8(o + 2)}.${v.getUint8(o + 3)}`;
const port = (v, o) => (v.getUint8(o) << 8) | v.getUint8(o + 1);
const tcpState = (v, o) => {
  const x = v.getInt32(o, true);
  return TCP_STATE[x] ?? x;
};
function rowsOf(bytes, stride, read) {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = v.getUint32(0, true);
  const rows = [];
  for (let i = 0; i < n; i++) rows.push(read(v, 4 + i * stride));
  return rows;
}
const handWrittenTcp = (bytes) =>
  rowsOf(bytes, 24, (v, b) => ({
    family: 'ipv4',
    state: tcpState(v, b),
    localAddress: dotted(v, b + 4),
    localPort: port(v, b + 8),
    remoteAddress: dotted(v, b + 12),
    remotePort: port(v, b + 16),
    owningPid: v.getUint32(b + 20, true),
  }));
const handWrittenTcp6 = (bytes) =>
  rowsOf(bytes, 56, (v, b) => ({
    family: 'ipv6',
    localAddress: ipv6(v, b),
    localScopeId: v.getUint32(b + 16, true),
    localPort: port(v, b + 20),
    remoteAddress: ipv6(v, b + 24),
    remoteScopeId: v.getUint32(b + 40, true),
    remotePort: port(v, b + 44),
    state: tcpState(v, b + 48),
    owningPid: v.getUint32(b + 52, true),
  }));
const handWrittenUdp = (bytes) => rowsOf(bytes, 12, (v, b) => ({ family: 'ipv4', localAddress: dotted(v, b), localPort: port(v, b + 4), owningPid: v.getUint32(b + 8, true) }));
const handWrittenUdp6 = (bytes) =>
  rowsOf(bytes, 28, (v, b) => ({ family: 'ipv6', localAddress: ipv6(v, b), localScopeId: v.getUint32(b + 16, true), localPort: port(v, b + 20), owningPid: v.getUint32(b + 24, true) }));

/** Each table's hand reader, by the struct it reads. */
module.exports = {
  MIB_TCPROW_OWNER_PID: handWrittenTcp,
  MIB_TCP6ROW_OWNER_PID: handWrittenTcp6,
  MIB_UDPROW_OWNER_PID: handWrittenUdp,
  MIB_UDP6ROW_OWNER_PID: handWrittenUdp6,
  MIB_IPINTERFACE_ROW: handWritten,
  MIB_IF_ROW2: handWrittenIf2,
  MIB_UNICASTIPADDRESS_ROW: handWrittenUnicast,
  MIB_IPFORWARD_ROW2: handWrittenForward,
  MIB_IPNET_ROW2: handWrittenIpnet,
};
