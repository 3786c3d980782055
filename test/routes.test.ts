// The best-route rule as Microsoft documents it for GetBestRoute2 and route
// selection (longest matching prefix, then the lowest route metric + interface
// metric), checked on small hand-made tables whose answers follow from that
// rule alone; the same function is compared with the stand-in's C
// GetBestRoute2 and with the Linux kernel's `ip route get` in the Wine tiers.
import { describe, expect, it } from 'vitest';
import {
  chooseRoute,
  getBestRoute,
  getDefaultRoutes,
  getIpForwardTable2,
  getIpNetTable2,
  getUnicastIpAddressEntry,
  getUnicastIpAddressTable,
  type IpForwardRow2,
  type UnicastIpAddressRow,
} from '../src/index.js';
import { parseIp } from '../src/ip.js';
import { formatIpv6 } from '../src/struct/reader.js';

function route(r: Partial<IpForwardRow2> & { destinationPrefix: IpForwardRow2['destinationPrefix']; interfaceIndex: number }): IpForwardRow2 {
  return {
    interfaceLuid: BigInt(r.interfaceIndex) << 24n,
    nextHop: '0.0.0.0',
    sitePrefixLength: 0,
    validLifetime: 0xffffffff,
    preferredLifetime: 0xffffffff,
    metric: 0,
    protocol: 'netMgmt',
    loopback: false,
    autoconfigureAddress: false,
    publish: false,
    immortal: false,
    age: 0,
    origin: 'manual',
    ...r,
  };
}
function address(text: string, interfaceIndex: number, extra: Partial<UnicastIpAddressRow> = {}): UnicastIpAddressRow {
  return {
    address: text,
    interfaceLuid: BigInt(interfaceIndex) << 24n,
    interfaceIndex,
    prefixOrigin: 'dhcp',
    suffixOrigin: 'dhcp',
    validLifetime: 86400,
    preferredLifetime: 86400,
    onLinkPrefixLength: 24,
    skipAsSource: false,
    dadState: 'preferred',
    scopeId: 0,
    creationTimeStamp: 0n,
    ...extra,
  };
}

const routes = [
  route({ destinationPrefix: { address: '0.0.0.0', prefixLength: 0 }, nextHop: '192.168.1.1', interfaceIndex: 12, metric: 0 }),
  route({ destinationPrefix: { address: '0.0.0.0', prefixLength: 0 }, nextHop: '192.168.50.1', interfaceIndex: 17, metric: 5 }),
  route({ destinationPrefix: { address: '192.168.1.0', prefixLength: 24 }, interfaceIndex: 12, metric: 256 }),
  route({ destinationPrefix: { address: '10.8.0.0', prefixLength: 16 }, nextHop: '10.8.0.1', interfaceIndex: 23, metric: 100 }),
  route({ destinationPrefix: { address: '10.8.1.0', prefixLength: 24 }, nextHop: '192.168.50.9', interfaceIndex: 17, metric: 500 }),
  route({ destinationPrefix: { address: '::', prefixLength: 0 }, nextHop: 'fe80::1', interfaceIndex: 17, metric: 0 }),
  route({ destinationPrefix: { address: 'fe80::', prefixLength: 64 }, nextHop: '::', interfaceIndex: 17, metric: 256 }),
  route({ destinationPrefix: { address: 'fe80::', prefixLength: 64 }, nextHop: '::', interfaceIndex: 12, metric: 256 }),
];
// Ethernet (12) is the better interface (25 against 35), though its default route's own metric is lower by less.
const interfaces = [
  { interfaceIndex: 12, metric: 25, family: 'ipv4' as const },
  { interfaceIndex: 17, metric: 35, family: 'ipv4' as const },
  { interfaceIndex: 23, metric: 0, family: 'ipv4' as const },
  { interfaceIndex: 12, metric: 25, family: 'ipv6' as const },
  { interfaceIndex: 17, metric: 35, family: 'ipv6' as const },
];
const addresses = [
  address('192.168.1.23', 12),
  address('192.168.50.7', 17),
  address('fe80::1234', 17, { scopeId: 17 }),
  address('2001:db8::7', 17),
  address('fe80::abcd', 12, { scopeId: 12 }),
  address('192.168.1.99', 12, { dadState: 'deprecated' }),
];
const tables = { routes, interfaces, addresses };

describe('chooseRoute (the documented rule)', () => {
  it('among default routes, route metric + interface metric decides (0 + 25 beats 5 + 35)', () => {
    const r = chooseRoute('8.8.8.8', tables);
    expect(r).toMatchObject({ interfaceIndex: 12, nextHop: '192.168.1.1', routeMetric: 0, interfaceMetric: 25, effectiveMetric: 25, method: 'forwardTable', sourceAddress: '192.168.1.23' });
  });

  it('the route metric alone would pick the other way: the interface metric is what tips it', () => {
    const flipped = [{ ...interfaces[0]!, metric: 41 }, ...interfaces.slice(1)];
    expect(chooseRoute('8.8.8.8', { ...tables, interfaces: flipped })).toMatchObject({ interfaceIndex: 17, effectiveMetric: 40 });
  });

  it('the longest prefix wins over any metric', () => {
    expect(chooseRoute('10.8.1.7', tables)).toMatchObject({ interfaceIndex: 17, nextHop: '192.168.50.9', routeMetric: 500 });
    expect(chooseRoute('10.8.2.7', tables)).toMatchObject({ interfaceIndex: 23, nextHop: '10.8.0.1' });
    expect(chooseRoute('192.168.1.40', tables)).toMatchObject({ interfaceIndex: 12, nextHop: '0.0.0.0' }); // on-link
  });

  it('equal effective metrics: the lower interface index', () => {
    const even = interfaces.map((i) => ({ ...i, metric: 10 }));
    const same = routes.map((r) => ({ ...r, metric: 0 }));
    expect(chooseRoute('8.8.8.8', { routes: same, interfaces: even }).interfaceIndex).toBe(12);
  });

  it('options restrict the interface: by index, or by the interface owning the source address', () => {
    expect(chooseRoute('8.8.8.8', tables, { interfaceIndex: 17 })).toMatchObject({ interfaceIndex: 17, nextHop: '192.168.50.1', sourceAddress: '192.168.50.7' });
    expect(chooseRoute('8.8.8.8', tables, { sourceAddress: '192.168.50.7' })).toMatchObject({ interfaceIndex: 17, sourceAddress: '192.168.50.7' });
    expect(() => chooseRoute('8.8.8.8', tables, { interfaceIndex: 99 })).toThrow(expect.objectContaining({ code: 'ERROR_NETWORK_UNREACHABLE', errno: 1231 }));
  });

  it('IPv6: a link-local destination takes a link-local source on the chosen interface; a global one a global source', () => {
    expect(chooseRoute('fe80::99', tables)).toMatchObject({ interfaceIndex: 12, sourceAddress: 'fe80::abcd' });
    expect(chooseRoute('fe80::99%17', tables)).toMatchObject({ interfaceIndex: 17, sourceAddress: 'fe80::1234' }); // the zone is the interface
    expect(chooseRoute('2606:4700::1111', tables)).toMatchObject({ interfaceIndex: 17, nextHop: 'fe80::1', sourceAddress: '2001:db8::7' });
  });

  it('without interface metrics (Wine): they count as 0 and are reported as null', () => {
    expect(chooseRoute('8.8.8.8', { routes })).toMatchObject({ interfaceIndex: 12, interfaceMetric: null, effectiveMetric: 0, sourceAddress: null });
  });

  it('no matching route: ERROR_NETWORK_UNREACHABLE; bad arguments: TypeErrors naming them', () => {
    expect(() => chooseRoute('8.8.8.8', { routes: routes.slice(2) })).toThrow(expect.objectContaining({ code: 'ERROR_NETWORK_UNREACHABLE' }));
    expect(() => chooseRoute('8.8.8', tables)).toThrow(/Expected `destination` to be an IPv4 or IPv6 address/);
    expect(() => chooseRoute('8.8.8.8', tables, { sourceAddress: '::1' })).toThrow(/same family/);
    expect(() => chooseRoute('8.8.8.8', tables, { interfaceIndex: 0 })).toThrow(/`options.interfaceIndex`/);
  });
});

describe('address arguments', () => {
  it('parse to the bytes the formatter writes back (WHATWG URL as the oracle for IPv6)', () => {
    for (const text of ['::', '::1', '2001:db8::1', '2001:DB8:0:0:0:0:0:1', 'fe80::1:2:3:4', '1:2:3:4:5:6:7:8', '::ffff:192.0.2.1', '64:ff9b::192.0.2.33', '2001:db8:0:1::']) {
      const ip = parseIp(text, 'x');
      const ours = formatIpv6(new DataView(ip.bytes.buffer, ip.bytes.byteOffset, 16), 0);
      const url = new URL(`http://[${text}]/`).hostname.slice(1, -1);
      if (!ours.includes('.')) expect(ours).toBe(url);
      else expect(new URL(`http://[${ours}]/`).hostname.slice(1, -1)).toBe(url);
    }
    expect([...parseIp('192.0.2.33', 'x').bytes]).toEqual([192, 0, 2, 33]);
    expect(parseIp('fe80::1%12', 'x')).toMatchObject({ family: 'ipv6', scopeId: 12 });
    for (const bad of ['192.0.2', '1.2.3.256', 'fe80::1%eth0', '::g', '', 7, null]) expect(() => parseIp(bad, 'x')).toThrow(TypeError);
  });
});

describe('the address, route and neighbour functions off Windows', () => {
  it('a bad family is a TypeError naming `family`, before anything platform-specific', () => {
    for (const fn of [getUnicastIpAddressTable, getIpForwardTable2, getIpNetTable2, getDefaultRoutes]) {
      expect(() => fn(10 as never)).toThrow(/Expected `family` to be 'ipv4', 'ipv6', 'all', AF_INET \(2\), AF_INET6 \(23\) or AF_UNSPEC \(0\), got `10` \(number\)/);
    }
    expect(() => getBestRoute('nope')).toThrow(TypeError);
    expect(() => getUnicastIpAddressEntry({ address: '192.0.2.1' } as never)).toThrow(/exactly one of `interfaceIndex` and `interfaceLuid`/);
  });
  it.runIf(process.platform !== 'win32')('needs Windows, with coded errors naming the call', () => {
    expect(() => getUnicastIpAddressTable()).toThrow(expect.objectContaining({ code: 'ERR_UNSUPPORTED_PLATFORM', syscall: 'GetUnicastIpAddressTable' }));
    expect(() => getIpForwardTable2('ipv4')).toThrow(expect.objectContaining({ code: 'ERR_UNSUPPORTED_PLATFORM', syscall: 'GetIpForwardTable2' }));
    expect(() => getIpNetTable2('ipv6')).toThrow(expect.objectContaining({ code: 'ERR_UNSUPPORTED_PLATFORM', syscall: 'GetIpNetTable2' }));
    expect(() => getBestRoute('8.8.8.8')).toThrow(expect.objectContaining({ code: 'ERR_UNSUPPORTED_PLATFORM', syscall: 'GetBestRoute2' }));
    expect(() => getDefaultRoutes()).toThrow(expect.objectContaining({ code: 'ERR_UNSUPPORTED_PLATFORM' }));
  });
});
