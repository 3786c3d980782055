// A hand-written pointer-walking DataView reader of a GetAdaptersAddresses buffer: the least any
// JavaScript reader can do for the list, to hold decodeAdaptersAddresses to (bench/adapters.mjs).
// Offsets written out by hand from MinGW's offsetof for x64 and ia32 (the same numbers
// test/c-layout.test.ts has the C compiler check for the declarations). Each pointer is checked to
// lie inside the buffer and lists are bounded by a count, as any careful reader would; there is no
// validation of values and no cycle check beyond that bound.
'use strict';

const OFF = {
  8: {
    size: 448, next: 8, adapterName: 16, unicast: 24, anycast: 32, multicast: 40, dns: 48, dnsSuffix: 56, description: 64, friendlyName: 72,
    mac: 80, macLength: 88, flags: 92, mtu: 96, ifType: 100, operStatus: 104, ipv6IfIndex: 108, zones: 112, prefix: 176, tx: 184, rx: 192,
    wins: 200, gateway: 208, v4Metric: 216, v6Metric: 220, luid: 224, dhcp4: 232, compartment: 248, guid: 252, connectionType: 268,
    tunnelType: 272, dhcp6: 280, duid: 296, duidLength: 428, iaid: 432, suffixes: 440,
    // nodes: Next at 8, SOCKET_ADDRESS at 16 (16 bytes); unicast's members after it; a prefix's length at 32; a suffix node's String at 8
    nodeAddress: 16, unicastSize: 64, uPrefixOrigin: 32, uSuffixOrigin: 36, uDad: 40, uValid: 44, uPreferred: 48, uLease: 52, uLength: 56,
    addressSize: 32, prefixSize: 40, prefixLength: 32, suffixSize: 520, suffixString: 8, suffixNext: 0,
  },
  4: {
    size: 376, next: 8, adapterName: 12, unicast: 16, anycast: 20, multicast: 24, dns: 28, dnsSuffix: 32, description: 36, friendlyName: 40,
    mac: 44, macLength: 52, flags: 56, mtu: 60, ifType: 64, operStatus: 68, ipv6IfIndex: 72, zones: 76, prefix: 140, tx: 144, rx: 152,
    wins: 160, gateway: 164, v4Metric: 168, v6Metric: 172, luid: 176, dhcp4: 184, compartment: 192, guid: 196, connectionType: 212,
    tunnelType: 216, dhcp6: 220, duid: 228, duidLength: 360, iaid: 364, suffixes: 368,
    nodeAddress: 12, unicastSize: 48, uPrefixOrigin: 20, uSuffixOrigin: 24, uDad: 28, uValid: 32, uPreferred: 36, uLease: 40, uLength: 44,
    addressSize: 24, prefixSize: 24, prefixLength: 20, suffixSize: 516, suffixString: 4, suffixNext: 0,
  },
};

const OPER = [undefined, 'up', 'down', 'testing', 'unknown', 'dormant', 'notPresent', 'lowerLayerDown'];
const PREFIX_ORIGIN = { 0: 'other', 1: 'manual', 2: 'wellKnown', 3: 'dhcp', 4: 'routerAdvertisement', 16: 'unchanged' };
const SUFFIX_ORIGIN = { 0: 'other', 1: 'manual', 2: 'wellKnown', 3: 'dhcp', 4: 'linkLayerAddress', 5: 'random', 16: 'unchanged' };
const DAD = ['invalid', 'tentative', 'duplicate', 'deprecated', 'preferred'];
const CONNECTION = [undefined, 'dedicated', 'passive', 'demand'];
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function ipv6(v, o) {
  const g = [];
  for (let i = 0; i < 8; i++) g.push(v.getUint16(o + 2 * i, false));
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLength) {
      best = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (best === 0 && bestLength === 5 && g[5] === 0xffff) return `::ffff:${v.getUint8(o + 12)}.${v.getUint8(o + 13)}.${v.getUint8(o + 14)}.${v.getUint8(o + 15)}`;
  let s = '';
  for (let i = 0; i < 8; i++) {
    if (i === best) {
      s += '::';
      i += bestLength - 1;
      continue;
    }
    s += (i === 0 || i === best + bestLength ? '' : ':') + g[i].toString(16);
  }
  return s;
}

const HEX_UPPER = HEX.map((h) => h.toUpperCase());
function guid(v, o) {
  const b = (i) => HEX_UPPER[v.getUint8(o + i)];
  return `{${b(3)}${b(2)}${b(1)}${b(0)}-${b(5)}${b(4)}-${b(7)}${b(6)}-${b(8)}${b(9)}-${b(10)}${b(11)}${b(12)}${b(13)}${b(14)}${b(15)}}`;
}

// The buffer being read: its view, its bytes as a Buffer (for strings), its address, the pointer size's offsets.
let v;
let buf;
let lo = 0;
let hi = 0;
let p = 8;
let O = OFF[8];
let end = 0;
let scope = 0;

  const ptr = (o) => {
    const l = v.getUint32(o, true);
    const h = p === 8 ? v.getUint32(o + 4, true) : 0;
    if (l === 0 && h === 0) return -1;
    const at = (h - hi) * 4294967296 + (l - lo);
    if (at < 0 || at >= end) throw new Error('pointer outside the buffer');
    return at;
  };
  const wstr = (o) => {
    const at = ptr(o);
    if (at < 0) return '';
    let n = at;
    while (v.getUint16(n, true) !== 0) n += 2;
    return buf.toString('utf16le', at, n);
  };
  const str = (o) => {
    const at = ptr(o);
    if (at < 0) return '';
    let n = at;
    while (v.getUint8(n) !== 0) n++;
    return buf.toString('latin1', at, n);
  };
  const sockaddr = (o, zone) => {
    scope = 0;
    const at = ptr(o);
    if (at < 0) return '';
    if (v.getUint16(at, true) === 2) return `${v.getUint8(at + 4)}.${v.getUint8(at + 5)}.${v.getUint8(at + 6)}.${v.getUint8(at + 7)}`;
    const text = ipv6(v, at + 8);
    scope = v.getUint32(at + 24, true);
    return zone && scope !== 0 ? `${text}%${scope}` : text;
  };
  const hex = (o, n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += (i === 0 ? '' : ':') + HEX[v.getUint8(o + i)];
    return s;
  };
  const walk = (first, size, read) => {
    const out = [];
    for (let at = first; at >= 0; at = ptr(at + (size === O.suffixSize ? O.suffixNext : 8))) {
      if (at + size > end || out.length > 16384) throw new Error('bad list');
      out.push(read(at));
    }
    return out;
  };
  const addresses = (o) => walk(ptr(o), O.addressSize, (at) => sockaddr(at + O.nodeAddress, true));
  const unicast = (at) => ({
    address: sockaddr(at + O.nodeAddress, false),
    scopeId: scope,
    prefixOrigin: PREFIX_ORIGIN[v.getInt32(at + O.uPrefixOrigin, true)],
    suffixOrigin: SUFFIX_ORIGIN[v.getInt32(at + O.uSuffixOrigin, true)],
    dadState: DAD[v.getInt32(at + O.uDad, true)],
    validLifetime: v.getUint32(at + O.uValid, true),
    preferredLifetime: v.getUint32(at + O.uPreferred, true),
    leaseLifetime: v.getUint32(at + O.uLease, true),
    prefixLength: v.getUint8(at + O.uLength),
  });
  const prefix = (at) => ({ address: sockaddr(at + O.nodeAddress, false), scopeId: scope, prefixLength: v.getUint32(at + O.prefixLength, true) });
  const suffix = (at) => {
    let n = at + O.suffixString;
    while (v.getUint16(n, true) !== 0) n += 2;
    return buf.toString('utf16le', at + O.suffixString, n);
  };
  const adapter = (a) => {
    const x = v.getUint32(a + O.flags, true);
    const f = {
      ddnsEnabled: (x & 1) !== 0,
      registerAdapterSuffix: (x & 2) !== 0,
      dhcpEnabled: (x & 4) !== 0,
      receiveOnly: (x & 8) !== 0,
      noMulticast: (x & 16) !== 0,
      ipv6OtherStatefulConfig: (x & 32) !== 0,
      netbiosOverTcpipEnabled: (x & 64) !== 0,
      ipv4Enabled: (x & 128) !== 0,
      ipv6Enabled: (x & 256) !== 0,
      ipv6ManagedAddressConfigurationSupported: (x & 512) !== 0,
    };
    const z = a + O.zones;
    const zones = [
      v.getUint32(z, true), v.getUint32(z + 4, true), v.getUint32(z + 8, true), v.getUint32(z + 12, true),
      v.getUint32(z + 16, true), v.getUint32(z + 20, true), v.getUint32(z + 24, true), v.getUint32(z + 28, true),
      v.getUint32(z + 32, true), v.getUint32(z + 36, true), v.getUint32(z + 40, true), v.getUint32(z + 44, true),
      v.getUint32(z + 48, true), v.getUint32(z + 52, true), v.getUint32(z + 56, true), v.getUint32(z + 60, true),
    ];
    return {
      ifIndex: v.getUint32(a + 4, true),
      adapterName: str(a + O.adapterName),
      unicastAddresses: walk(ptr(a + O.unicast), O.unicastSize, unicast),
      anycastAddresses: addresses(a + O.anycast),
      multicastAddresses: addresses(a + O.multicast),
      dnsServers: addresses(a + O.dns),
      dnsSuffix: wstr(a + O.dnsSuffix),
      description: wstr(a + O.description),
      friendlyName: wstr(a + O.friendlyName),
      physicalAddress: hex(a + O.mac, v.getUint32(a + O.macLength, true)),
      physicalAddressLength: v.getUint32(a + O.macLength, true),
      flags: f,
      mtu: v.getUint32(a + O.mtu, true),
      ifType: v.getUint32(a + O.ifType, true),
      operStatus: OPER[v.getInt32(a + O.operStatus, true)],
      ipv6IfIndex: v.getUint32(a + O.ipv6IfIndex, true),
      zoneIndices: zones,
      prefixes: walk(ptr(a + O.prefix), O.prefixSize, prefix),
      transmitLinkSpeed: v.getBigUint64(a + O.tx, true),
      receiveLinkSpeed: v.getBigUint64(a + O.rx, true),
      winsServers: addresses(a + O.wins),
      gateways: addresses(a + O.gateway),
      ipv4Metric: v.getUint32(a + O.v4Metric, true),
      ipv6Metric: v.getUint32(a + O.v6Metric, true),
      interfaceLuid: v.getBigUint64(a + O.luid, true),
      dhcpv4Server: sockaddr(a + O.dhcp4, true),
      compartmentId: v.getUint32(a + O.compartment, true),
      networkGuid: guid(v, a + O.guid),
      connectionType: CONNECTION[v.getInt32(a + O.connectionType, true)],
      tunnelType: v.getUint32(a + O.tunnelType, true),
      dhcpv6Server: sockaddr(a + O.dhcp6, true),
      dhcpv6ClientDuid: hex(a + O.duid, v.getUint32(a + O.duidLength, true)),
      dhcpv6ClientDuidLength: v.getUint32(a + O.duidLength, true),
      dhcpv6Iaid: v.getUint32(a + O.iaid, true),
      dnsSuffixes: walk(ptr(a + O.suffixes), O.suffixSize, suffix),
    };
  };

/** Every adapter of a GetAdaptersAddresses buffer: `base` its address, `head` its first adapter's (bigints), `pointerSize` 8 or 4. */
exports.readAdapters = (bytes, base, head, pointerSize) => {
  v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  lo = Number(base & 0xffffffffn);
  hi = Number(base >> 32n);
  p = pointerSize;
  O = OFF[pointerSize];
  end = v.byteLength;
  return walk(head === 0n ? -1 : Number(head - base), O.size, adapter);
};
