// The real-system tier for addresses, routes, neighbours and the best route:
// getUnicastIpAddressTable/Entry, getIpForwardTable2, getIpNetTable2, getBestRoute
// and getDefaultRoutes in Windows Node under Wine 8's own iphlpapi.dll, inside a
// private network namespace built by scripts/netns-run.sh (setup_addresses_routes_neighbours).
// Every expected value comes from the kernel's own view of that namespace
// (ip -j addr / route / neigh / route get, sysfs) — never from the package's output.
// Where Wine 8 differs from Windows (or from the kernel), the assertion states
// Wine's real behaviour and a comment says so.
// Wine's source: dlls/nsiproxy.sys/ip.c (unicast_fill_entry, ipv4_neighbour_enumerate_all,
// ipv4_forward_enumerate_all), dlls/iphlpapi/iphlpapi_main.c.
//
// This file and realsystem.test.ts each run the script once; vitest runs files in
// parallel, and the script's flock on the namespace prefix makes the runs take turns.
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { describeInNetns, runInNetns, type IpRouteGet, type KernelView, type NetnsRun } from './netns.js';
import type { Attempt } from './windows-node.js';

type Family = 'all' | 'ipv4' | 'ipv6';
type Both<T> = { sync: Attempt<T>; async: Attempt<T> };

/** Rows as harness.cjs reports them (bigints as decimal strings). */
interface AddressRow {
  address: string;
  interfaceLuid: string;
  interfaceIndex: number;
  prefixOrigin: string;
  suffixOrigin: string;
  validLifetime: number;
  preferredLifetime: number;
  onLinkPrefixLength: number;
  skipAsSource: boolean;
  dadState: string;
  scopeId: number;
  creationTimeStamp: string;
}
interface RouteRow {
  interfaceLuid: string;
  interfaceIndex: number;
  destinationPrefix: { address: string; prefixLength: number };
  nextHop: string;
  sitePrefixLength: number;
  validLifetime: number;
  preferredLifetime: number;
  metric: number;
  protocol: string;
  loopback: boolean;
  autoconfigureAddress: boolean;
  publish: boolean;
  immortal: boolean;
  age: number;
  origin: string;
}
interface NeighbourRow {
  address: string;
  interfaceIndex: number;
  interfaceLuid: string;
  physicalAddress: string;
  physicalAddressLength: number;
  state: string;
  isRouter: boolean;
  isUnreachable: boolean;
  reachabilityTime: number;
}
interface BestRoute {
  destination: string;
  family: string;
  interfaceIndex: number;
  interfaceLuid: string;
  nextHop: string;
  sourceAddress: string | null;
  routeMetric: number;
  interfaceMetric: number | null;
  effectiveMetric: number;
  method: string;
  route: RouteRow;
}
interface DefaultRoute {
  family: string;
  gateway: string;
  interfaceIndex: number;
  interfaceLuid: string;
  interfaceAlias: string | null;
  routeMetric: number;
  interfaceMetric: number | null;
  effectiveMetric: number;
  route: RouteRow;
}
type RawStatus = { status: number; rows: number | null };
interface Report {
  crashed?: unknown;
  stack?: string;
  raw: Attempt<
    Record<'GetUnicastIpAddressTable' | 'GetIpForwardTable2' | 'GetIpNetTable2', Record<'unspec' | 'ipv4' | 'ipv6', RawStatus>> & {
      GetBestRoute2: { status: number };
    }
  >;
  addresses: Record<Family, Both<AddressRow[]>>;
  routes: Record<Family, Both<RouteRow[]>>;
  neighbours: Record<Family, Both<NeighbourRow[]>>;
  addressEntries: { address: string; interfaceIndex: number; byIndex: Attempt<AddressRow>; byLuid: Attempt<AddressRow>; byIndexAsync: Attempt<AddressRow> }[];
  missingEntry: Attempt<AddressRow>;
  missingEntryAsync: Attempt<AddressRow>;
  bestRoutes: Record<string, Both<BestRoute>>;
  defaultRoutes: Record<Family, Both<DefaultRoute[]>>;
  ms: number;
}

/**
 * getBestRoute calls: `kernel` names the scripts/netns-run.sh `route_gets` capture
 * that is the expected answer (ip -j route get with the same destination).
 */
const BEST_ROUTES: { name: string; destination: string; options?: Record<string, unknown>; kernel: string }[] = [
  { name: 'specific', destination: '198.51.100.20', kernel: 'specific' },
  { name: 'host', destination: '203.0.113.9', kernel: 'host' },
  { name: 'host-onlink', destination: '203.0.113.50', kernel: 'host-onlink' },
  { name: 'onlink-route', destination: '203.0.113.77', kernel: 'onlink-route' },
  { name: 'default', destination: '198.18.0.1', kernel: 'default' },
  { name: 'connected', destination: '192.0.2.77', kernel: 'connected' },
  { name: 'connected2', destination: '10.71.0.9', kernel: 'connected2' },
  { name: 'connected3', destination: '10.71.8.5', kernel: 'connected3' },
  { name: 'linkdown', destination: '172.31.5.5', kernel: 'linkdown' },
  { name: 'loopback', destination: '127.0.0.1', kernel: 'loopback' },
  // interfaceIndex is filled in beforeAll from the kernel (ipi-br0), compared with `ip route get … oif ipi-br0`
  { name: 'default-br', destination: '198.18.0.1', kernel: 'default-br' },
  // Windows' strong host model: a source address restricts the choice to its interface. Linux (weak host)
  // would still route 198.18.0.1 from 192.0.2.10 via ipi-veth2, so the expected answer is `oif ipi-br0`.
  { name: 'source-br', destination: '198.18.0.1', options: { sourceAddress: '192.0.2.10' }, kernel: 'default-br' },
  { name: 'v6-connected', destination: '2001:db8:71::9', kernel: 'v6-connected' },
  { name: 'v6-unreachable', destination: '2001:db8:4242::1', kernel: 'v6-unreachable' },
];
/** Destinations where the package's answer equals `ip route get` in every member. */
const MATCHING = ['specific', 'host', 'host-onlink', 'onlink-route', 'default', 'connected', 'connected2', 'connected3', 'linkdown', 'default-br', 'source-br'];

/** An address ipi-veth2 does not have on lo (for getUnicastIpAddressEntry's not-found case). */
const MISSING_ENTRY = { address: '10.71.0.2', interfaceIndex: 1 };
/** Wine 8's synthetic ARP entries: added for every interface (dlls/nsiproxy.sys/ip.c ipv4_multicast_addresses). */
const SYNTHETIC_NEIGHBOURS = ['224.0.0.22', '239.255.255.250'];
const INFINITE = 0xffffffff;
const ERROR_INVALID_FUNCTION = 1;
const ERROR_NOT_SUPPORTED = 50;

/**
 * Wine 8 reads /proc/net/route's Metric column — printed in decimal by the kernel —
 * with strtoul(…, 16): the route metric Wine returns is the kernel's decimal digits
 * read as hex (7 → 7, 15 → 21, 20 → 32, 100 → 256). Windows has no such translation.
 * The order of metrics is kept (digit strings compare the same in both bases), so
 * route choices agree with the kernel's.
 */
const wineMetric = (kernelMetric: number): number => parseInt(String(kernelMetric), 16);

const IF_TYPE_ETHERNET_CSMACD = 6;
const IF_TYPE_SOFTWARE_LOOPBACK = 24;
const ARPHRD_LOOPBACK = 772;

interface IpAddr {
  ifindex: number;
  ifname: string;
  addr_info: { family: 'inet' | 'inet6'; local: string; prefixlen: number; scope: string; tentative?: boolean }[];
}
interface IpRoute {
  type?: string;
  dst: string;
  gateway?: string;
  dev: string;
  metric?: number;
  protocol?: string;
  flags: string[];
}
interface IpNeigh {
  dst: string;
  dev: string;
  lladdr?: string;
  state: string[];
}

/** The kernel's view, as the assertions use it. */
class Kernel {
  readonly links: { name: string; ifindex: number; arpType: number }[];
  constructor(readonly view: KernelView) {
    this.links = view.link.map((l) => ({ name: l.ifname, ifindex: l.ifindex, arpType: Number(view.sys[l.ifname]!.attrs.type) }));
  }
  ifindex(name: string): number {
    const link = this.links.find((l) => l.name === name);
    if (!link) throw new Error(`the kernel has no interface ${name}`);
    return link.ifindex;
  }
  /** NET_LUID as Wine builds it: IfType in bits 48-63, the ifindex as NetLuidIndex in bits 24-47. */
  luid(ifindex: number): string {
    const link = this.links.find((l) => l.ifindex === ifindex)!;
    const ifType = link.arpType === ARPHRD_LOOPBACK ? IF_TYPE_SOFTWARE_LOOPBACK : IF_TYPE_ETHERNET_CSMACD;
    return String((BigInt(ifType) << 48n) | (BigInt(ifindex) << 24n));
  }
  addresses(): { address: string; family: 'ipv4' | 'ipv6'; ifindex: number; ifname: string; prefixlen: number; scope: string }[] {
    return (this.view.json.addr as IpAddr[]).flatMap((i) =>
      i.addr_info.map((a) => ({ address: a.local, family: a.family === 'inet' ? ('ipv4' as const) : ('ipv6' as const), ifindex: i.ifindex, ifname: i.ifname, prefixlen: a.prefixlen, scope: a.scope })),
    );
  }
  /** IPv4 main-table routes: destination prefix, next hop, interface, metric (0 when ip prints none). */
  routes4(): { address: string; prefixLength: number; nextHop: string; ifindex: number; metric: number; gateway: boolean; flags: string[] }[] {
    return (this.view.json.route as IpRoute[]).map((r) => {
      const [address, length] = r.dst === 'default' ? ['0.0.0.0', '0'] : r.dst.includes('/') ? r.dst.split('/') : [r.dst, '32'];
      return { address: address!, prefixLength: Number(length), nextHop: r.gateway ?? '0.0.0.0', ifindex: this.ifindex(r.dev), metric: r.metric ?? 0, gateway: r.gateway !== undefined, flags: r.flags };
    });
  }
  routes6(): IpRoute[] {
    return this.view.json.route6 as IpRoute[];
  }
  neighbours(): IpNeigh[] {
    return this.view.json.neigh as IpNeigh[];
  }
  routeGet(name: string): { ok: IpRouteGet } | { error: string } {
    const get = this.view.routeGet[name];
    if (!get) throw new Error(`scripts/netns-run.sh captured no \`ip route get\` named ${name}`);
    return get;
  }
}

const byKey = <T>(key: (row: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));
const routeKey = (r: { address: string; prefixLength: number; nextHop: string; ifindex: number }) => `${r.address}/${r.prefixLength} ${r.nextHop} ${r.ifindex}`;
/** A Windows FILETIME (100 ns since 1601) in ms since 1970. */
const filetimeToMs = (ft: string) => Number(BigInt(ft) / 10_000n - 11_644_473_600_000n);

describeInNetns('real system: addresses, routes, neighbours and the best route in a private network namespace (Wine 8 built-in iphlpapi)', () => {
  let run: NetnsRun<Report>;
  let kernel: Kernel;
  let started: number;
  let ended: number;
  const ok = <T>(attempt: Attempt<T>, what: string): T => {
    expect(attempt.error, what).toBeUndefined();
    return attempt.ok!;
  };

  beforeAll(async () => {
    // The bridge's ifindex for the interfaceIndex option: the script builds the same interfaces in the same order every
    // run, and the test checks below that the kernel gave ipi-br0 this index.
    const calls = BEST_ROUTES.map(({ name, destination, options }) => ({ name, destination, options: name === 'default-br' ? { interfaceIndex: 6 } : options }));
    started = Date.now();
    run = await runInNetns<Report>('realsystem-net.cjs', { args: [JSON.stringify({ bestRoutes: calls, missingEntry: MISSING_ENTRY })] });
    ended = Date.now();
    console.info(`real-system tier (net): namespace run ${run.ms} ms (phases, ms since start: ${JSON.stringify(run.phases)}; program ${run.report.ms} ms)`);
    expect(run.report.crashed, `${JSON.stringify(run.report.crashed)}\n${run.report.stack}\n${run.stderr}`).toBeUndefined();
    expect(run.nodeExitCode, run.stderr).toBe(0);
    kernel = new Kernel(run.before);
  });

  it('the namespace holds the addresses, routes and neighbours the script set up (a check of the setup, not of the package)', () => {
    for (const name of ['addr', 'route', 'route6', 'neigh'] as const) {
      expect(run.after.json[name], `${name} changed while the program ran`).toEqual(run.before.json[name]);
    }
    expect(run.after.routeGet).toEqual(run.before.routeGet);
    expect(kernel.ifindex('ipi-br0')).toBe(6); // the interfaceIndex given for 'default-br'
    const addresses = kernel.addresses();
    for (const [address, ifname, prefixlen] of [
      ['10.71.0.2', 'ipi-veth2', 24],
      ['10.71.8.2', 'ipi-veth2', 28],
      ['192.0.2.10', 'ipi-br0', 24],
      ['172.31.71.2', 'ipi-veth0', 16],
      ['2001:db8:71::2', 'ipi-veth2', 64],
      ['2001:db8:72::10', 'ipi-br0', 56],
    ] as const) {
      expect(addresses, address).toContainEqual(expect.objectContaining({ address, ifname, prefixlen }));
    }
    expect(addresses.some((a) => a.address.startsWith('fe80:'))).toBe(true); // link-local addresses too
    const tentative = (run.before.json.addr as IpAddr[]).flatMap((i) => i.addr_info.filter((a) => a.tentative));
    expect(tentative).toEqual([]); // DAD finished before the program ran
    const metrics = kernel.routes4().map((r) => r.metric);
    expect(metrics).toEqual(expect.arrayContaining([7, 9, 15, 3, 100, 20, 30]));
    expect(kernel.routes4().filter((r) => r.prefixLength === 0)).toHaveLength(2);
    expect(kernel.routes4().filter((r) => r.flags.includes('linkdown'))).toHaveLength(1);
    expect(kernel.routes6().length).toBeGreaterThan(0);
    expect(kernel.neighbours().map((n) => [n.dst, n.state])).toEqual(
      expect.arrayContaining([
        ['10.71.0.5', ['PERMANENT']],
        ['192.0.2.20', ['PERMANENT']],
        ['2001:db8:71::5', ['PERMANENT']],
      ]),
    );
  });

  it("what Wine 8's iphlpapi itself returns per family (raw statuses, for the assertions below)", () => {
    const raw = ok(run.report.raw, 'raw calls');
    const ipv4Neighbours = kernel.neighbours().filter((n) => n.dst.includes('.')).length + SYNTHETIC_NEIGHBOURS.length * kernel.links.length;
    expect(raw.GetUnicastIpAddressTable).toEqual({
      unspec: { status: 0, rows: kernel.addresses().length },
      ipv4: { status: 0, rows: kernel.addresses().filter((a) => a.family === 'ipv4').length },
      ipv6: { status: 0, rows: kernel.addresses().filter((a) => a.family === 'ipv6').length },
    });
    // IPv6 routes: success with an empty table (Wine 8 has no IPv6 route enumeration on Linux).
    expect(raw.GetIpForwardTable2).toEqual({
      unspec: { status: 0, rows: kernel.routes4().length },
      ipv4: { status: 0, rows: kernel.routes4().length },
      ipv6: { status: 0, rows: 0 },
    });
    // IPv6 neighbours: nsiproxy's ipv6_neighbour_enumerate_all returns STATUS_NOT_IMPLEMENTED, which reaches the
    // caller as ERROR_INVALID_FUNCTION (1) — not ERROR_NOT_SUPPORTED (50). Wine still hands out a table (0 rows for
    // IPv6; the IPv4 rows for AF_UNSPEC) with the error, which the caller must free.
    expect(raw.GetIpNetTable2).toEqual({
      unspec: { status: ERROR_INVALID_FUNCTION, rows: ipv4Neighbours },
      ipv4: { status: 0, rows: ipv4Neighbours },
      ipv6: { status: ERROR_INVALID_FUNCTION, rows: 0 },
    });
    expect(raw.GetBestRoute2).toEqual({ status: ERROR_NOT_SUPPORTED }); // a stub in Wine 8
  });

  /* ---- addresses ---- */

  it("getUnicastIpAddressTable lists exactly the kernel's IPv4 and IPv6 addresses, with interface index, LUID and prefix length", () => {
    const rows = ok(run.report.addresses.all.sync, 'all');
    const expected = kernel.addresses().map((a) => ({ address: a.address, interfaceIndex: a.ifindex, interfaceLuid: kernel.luid(a.ifindex), onLinkPrefixLength: a.prefixlen }));
    const got = rows.map((r) => ({ address: r.address, interfaceIndex: r.interfaceIndex, interfaceLuid: r.interfaceLuid, onLinkPrefixLength: r.onLinkPrefixLength }));
    const key = byKey<{ address: string; interfaceIndex: number }>((r) => `${r.interfaceIndex} ${r.address}`);
    expect(got.sort(key)).toEqual(expected.sort(key));
    // per family: the same rows, IPv4 first in 'all'
    const v4 = ok(run.report.addresses.ipv4.sync, 'ipv4');
    const v6 = ok(run.report.addresses.ipv6.sync, 'ipv6');
    expect(v4.every((r) => r.address.includes('.'))).toBe(true);
    expect(v6.every((r) => r.address.includes(':'))).toBe(true);
    expect(rows).toEqual([...v4, ...v6]);
  });

  it('Wine 8 fills origins, lifetimes, DAD state and the creation time with fixed values; the scope id is the link-local zone', () => {
    const rows = ok(run.report.addresses.all.sync, 'all');
    for (const row of rows) {
      const k = kernel.addresses().find((a) => a.address === row.address && a.ifindex === row.interfaceIndex)!;
      const loopback = k.ifname === 'lo';
      expect(row, row.address).toMatchObject({
        // Wine: 'manual' on loopback, 'dhcp' everywhere else — for static and link-local addresses alike
        // (Windows: manual/manual for a static address, wellKnown/linkLayerAddress or random for link-local).
        prefixOrigin: loopback ? 'manual' : 'dhcp',
        suffixOrigin: loopback ? 'manual' : 'dhcp',
        // Wine: 60000 s for every address; the kernel says forever (Windows: 0xffffffff for a static address).
        validLifetime: 60000,
        preferredLifetime: 60000,
        skipAsSource: false,
        // Wine: always preferred (the kernel's tentative/deprecated flags are not read).
        dadState: 'preferred',
        // sin6_scope_id from getifaddrs: the ifindex for link-local IPv6, 0 otherwise (and for IPv4).
        scopeId: k.scope === 'link' ? k.ifindex : 0,
      });
    }
    expect(kernel.addresses().filter((a) => a.scope === 'link').length).toBeGreaterThan(0);
    // CreationTimeStamp: Wine's "boot time" (the time its server started, here inside the run), the same for every
    // address — not when the address was added (Windows).
    const stamps = new Set(rows.map((r) => r.creationTimeStamp));
    expect(stamps.size).toBe(1);
    const stampMs = filetimeToMs([...stamps][0]!);
    expect(stampMs, `creationTimeStamp ${new Date(stampMs).toISOString()}`).toBeGreaterThanOrEqual(started - 2_000);
    expect(stampMs).toBeLessThanOrEqual(ended + 2_000);
    // (not the Linux boot time, which is long before this run)
    const btime = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))![1]) * 1000;
    expect(btime).toBeLessThan(started - 10_000);
  });

  it('getUnicastIpAddressTableAsync gives the same rows, for every family', () => {
    for (const family of ['all', 'ipv4', 'ipv6'] as const) {
      expect(ok(run.report.addresses[family].async, family), family).toEqual(ok(run.report.addresses[family].sync, family));
    }
  });

  it('getUnicastIpAddressEntry by index and by LUID (and async) gives the table row; an address the interface lacks is ERROR_NOT_FOUND', () => {
    const rows = ok(run.report.addresses.all.sync, 'all');
    expect(run.report.addressEntries).toHaveLength(rows.length);
    for (const entry of run.report.addressEntries) {
      const row = rows.find((r) => r.address === entry.address && r.interfaceIndex === entry.interfaceIndex);
      for (const way of ['byIndex', 'byLuid', 'byIndexAsync'] as const) {
        expect(ok(entry[way], `${entry.address} ${way}`), `${entry.address} ${way}`).toEqual(row);
      }
    }
    expect(kernel.addresses().some((a) => a.address === MISSING_ENTRY.address && a.ifindex === MISSING_ENTRY.interfaceIndex)).toBe(false);
    for (const attempt of [run.report.missingEntry, run.report.missingEntryAsync]) {
      expect(attempt.ok).toBeUndefined();
      expect(attempt.error).toMatchObject({ name: 'IpHelperError', code: 'ERROR_NOT_FOUND', errno: 1168, syscall: 'GetUnicastIpAddressEntry' });
    }
  });

  /* ---- routes ---- */

  it("getIpForwardTable2('ipv4') lists the kernel's IPv4 main table: prefix, next hop, interface; the metric read as hex", () => {
    const rows = ok(run.report.routes.ipv4.sync, 'ipv4');
    const got = rows.map((r) => ({ address: r.destinationPrefix.address, prefixLength: r.destinationPrefix.prefixLength, nextHop: r.nextHop, ifindex: r.interfaceIndex, metric: r.metric }));
    const expected = kernel.routes4().map((r) => ({ address: r.address, prefixLength: r.prefixLength, nextHop: r.nextHop, ifindex: r.ifindex, metric: wineMetric(r.metric) }));
    expect(got.sort(byKey(routeKey))).toEqual(expected.sort(byKey(routeKey)));
    // Wine 8 reads the decimal metric column as hex: not vacuous — the kernel's 100 comes back as 256, its 7 as 7.
    const metricOf = (address: string, prefixLength: number, nextHop: string) =>
      rows.find((r) => r.destinationPrefix.address === address && r.destinationPrefix.prefixLength === prefixLength && r.nextHop === nextHop)!.metric;
    expect(kernel.routes4().find((r) => r.address === '203.0.113.0' && r.prefixLength === 24)!.metric).toBe(100);
    expect(metricOf('203.0.113.0', 24, '0.0.0.0')).toBe(256);
    expect(metricOf('198.51.100.0', 24, '10.71.0.1')).toBe(7);
    // The local table (127.0.0.0/8, the namespace's own addresses) is not in /proc/net/route: Wine 8 lists none of it
    // (Windows lists 127.0.0.0/8, 127.0.0.1/32 … on the loopback interface; later Wine adds the two loopback routes).
    expect(rows.some((r) => r.destinationPrefix.address.startsWith('127.'))).toBe(false);
  });

  it('route rows: protocol from the gateway flag, loopback for a gateway-less /32, fixed lifetimes and origin; LUID from the kernel', () => {
    const rows = ok(run.report.routes.ipv4.sync, 'ipv4');
    for (const row of rows) {
      const k = kernel.routes4().find((r) => routeKey(r) === routeKey({ ...row.destinationPrefix, nextHop: row.nextHop, ifindex: row.interfaceIndex }))!;
      const what = routeKey(k);
      expect(row.interfaceLuid, what).toBe(kernel.luid(k.ifindex));
      expect(row, what).toMatchObject({
        // Wine: RTF_GATEWAY → MIB_IPPROTO_NETMGMT, else MIB_IPPROTO_LOCAL — whatever the kernel's protocol
        // (kernel, boot or static); a route added without a gateway is 'local' like a connected one.
        protocol: k.gateway ? 'netMgmt' : 'local',
        // Wine: Loopback = no gateway and a /32 — so an on-link host route on an Ethernet interface is 'loopback'.
        loopback: !k.gateway && k.prefixLength === 32,
        origin: 'manual',
        sitePrefixLength: 0,
        validLifetime: INFINITE,
        preferredLifetime: INFINITE,
        autoconfigureAddress: true,
        publish: false,
        immortal: true,
        age: 0,
      });
    }
    expect(rows.find((r) => r.destinationPrefix.address === '203.0.113.50')!.loopback).toBe(true);
  });

  it("IPv6 routes: the kernel has some, Wine 8 returns none; 'all' is the IPv4 rows; async gives the same rows", () => {
    expect(kernel.routes6().length).toBeGreaterThan(0);
    expect(ok(run.report.routes.ipv6.sync, 'ipv6')).toEqual([]); // Wine 8: no IPv6 route enumeration (Windows lists them)
    expect(ok(run.report.routes.all.sync, 'all')).toEqual(ok(run.report.routes.ipv4.sync, 'ipv4'));
    for (const family of ['all', 'ipv4', 'ipv6'] as const) {
      expect(ok(run.report.routes[family].async, family), family).toEqual(ok(run.report.routes[family].sync, family));
    }
  });

  /* ---- neighbours ---- */

  it("getIpNetTable2('ipv4'): the kernel's permanent neighbours with their MAC, plus Wine's two synthetic multicast entries per interface", () => {
    const rows = ok(run.report.neighbours.ipv4.sync, 'ipv4');
    const real = rows.filter((r) => !SYNTHETIC_NEIGHBOURS.includes(r.address));
    const kernel4 = kernel.neighbours().filter((n) => n.dst.includes('.'));
    expect(kernel4).toHaveLength(2);
    const key = byKey<{ address: string }>((r) => r.address);
    expect(real.sort(key)).toEqual(
      kernel4
        .map((n) => ({
          address: n.dst,
          interfaceIndex: kernel.ifindex(n.dev),
          interfaceLuid: kernel.luid(kernel.ifindex(n.dev)),
          physicalAddress: n.lladdr!.toLowerCase(),
          physicalAddressLength: 6,
          // /proc/net/arp ATF_PERM → permanent (ATF_COM → reachable, else stale)
          state: n.state.includes('PERMANENT') ? 'permanent' : 'unexpected',
          isRouter: false, // Wine never sets it on Linux
          isUnreachable: false,
          reachabilityTime: 0,
        }))
        .sort(key),
    );
    // Wine adds 224.0.0.22 and 239.255.255.250 for every interface (up or down, loopback included), "permanent",
    // with no MAC (Windows shows these with their multicast MAC, 01-00-5e-…).
    const synthetic = rows.filter((r) => SYNTHETIC_NEIGHBOURS.includes(r.address));
    const expected = kernel.links.flatMap((l) =>
      SYNTHETIC_NEIGHBOURS.map((address) => ({
        address,
        interfaceIndex: l.ifindex,
        interfaceLuid: kernel.luid(l.ifindex),
        physicalAddress: '',
        physicalAddressLength: 0,
        state: 'permanent',
        isRouter: false,
        isUnreachable: false,
        reachabilityTime: 0,
      })),
    );
    const synthKey = byKey<{ address: string; interfaceIndex: number }>((r) => `${r.interfaceIndex} ${r.address}`);
    expect(synthetic.sort(synthKey)).toEqual(expected.sort(synthKey));
    expect(ok(run.report.neighbours.ipv4.async, 'ipv4 async')).toEqual(ok(run.report.neighbours.ipv4.sync, 'ipv4'));
  });

  it("IPv6 neighbours: the kernel has one, Wine 8 answers ERROR_INVALID_FUNCTION: 'ipv6' fails with it, 'all' gives the IPv4 rows", () => {
    expect(kernel.neighbours().filter((n) => n.dst.includes(':'))).toHaveLength(1);
    for (const way of ['sync', 'async'] as const) {
      // Asked for alone, the family the system does not serve is an error (Windows would list the NDP cache).
      const attempt = run.report.neighbours.ipv6[way];
      expect(attempt.ok, way).toBeUndefined();
      expect(attempt.error, way).toMatchObject({ name: 'IpHelperError', errno: ERROR_INVALID_FUNCTION, syscall: 'GetIpNetTable2', code: 'ERROR_INVALID_FUNCTION' });
      // With 'all', IPv4 then IPv6 are asked separately and the IPv6 answer contributes no rows.
      expect(ok(run.report.neighbours.all[way], `all ${way}`), `all ${way}`).toEqual(ok(run.report.neighbours.ipv4.sync, 'ipv4'));
    }
  });

  /* ---- the best route ---- */

  it('getBestRoute equals `ip route get` (interface, gateway or on-link, source address) for each destination with a route, computed from the table', () => {
    const routes = ok(run.report.routes.ipv4.sync, 'ipv4');
    for (const name of MATCHING) {
      const call = BEST_ROUTES.find((b) => b.name === name)!;
      const k = kernel.routeGet(call.kernel);
      if (!('ok' in k)) throw new Error(`${name}: the kernel has no route: ${k.error}`);
      for (const way of ['sync', 'async'] as const) {
        const best = ok(run.report.bestRoutes[name]![way], `${name} ${way}`);
        const what = `${name} (${call.destination}) ${way}`;
        expect(best, what).toMatchObject({
          destination: call.destination,
          family: 'ipv4',
          interfaceIndex: kernel.ifindex(k.ok.dev),
          interfaceLuid: kernel.luid(kernel.ifindex(k.ok.dev)),
          nextHop: k.ok.gateway ?? '0.0.0.0',
          sourceAddress: k.ok.prefsrc,
          // Wine 8: GetBestRoute2 is a stub (ERROR_NOT_SUPPORTED), so the package computes the route from the table.
          method: 'forwardTable',
          // GetIpInterfaceTable is a stub too: no interface metric, the route metric alone decides.
          interfaceMetric: null,
          routeMetric: best.route.metric,
          effectiveMetric: best.route.metric,
        });
        expect(routes, what).toContainEqual(best.route);
      }
    }
    // not vacuous: gateways, on-link routes, a host route, the metric decision (7 beats 9) and the default routes
    expect(kernel.routeGet('specific')).toMatchObject({ ok: { gateway: '10.71.0.1', dev: 'ipi-veth2' } });
    expect(kernel.routeGet('host')).toMatchObject({ ok: { gateway: '192.0.2.1', dev: 'ipi-br0' } });
    expect(kernel.routeGet('connected')).toMatchObject({ ok: { dev: 'ipi-br0', prefsrc: '192.0.2.10' } });
    expect(kernel.routeGet('default-br')).toMatchObject({ ok: { gateway: '192.0.2.1', dev: 'ipi-br0' } });
    expect(ok(run.report.bestRoutes.host!.sync, 'host').route.destinationPrefix).toEqual({ address: '203.0.113.9', prefixLength: 32 });
    expect(ok(run.report.bestRoutes['host-onlink']!.sync, 'host-onlink').route.destinationPrefix).toEqual({ address: '203.0.113.50', prefixLength: 32 });
    expect(ok(run.report.bestRoutes.default!.sync, 'default').route.destinationPrefix).toEqual({ address: '0.0.0.0', prefixLength: 0 });
  });

  it('a second address on the interface: the source is the one whose subnet holds the destination, as the kernel (and RFC 6724) choose', () => {
    const k = kernel.routeGet('connected3');
    if (!('ok' in k)) throw new Error(k.error);
    expect(k.ok).toMatchObject({ dev: 'ipi-veth2', prefsrc: '10.71.8.2' });
    const first = kernel.addresses().find((a) => a.ifname === 'ipi-veth2' && a.family === 'ipv4')!.address;
    expect(first).not.toBe(k.ok.prefsrc); // the interface's first address is not the answer
    for (const way of ['sync', 'async'] as const) {
      const best = ok(run.report.bestRoutes.connected3![way], way);
      expect(best).toMatchObject({ interfaceIndex: kernel.ifindex(k.ok.dev), nextHop: '0.0.0.0', method: 'forwardTable', sourceAddress: k.ok.prefsrc });
      expect(best.route.destinationPrefix).toEqual({ address: '10.71.8.0', prefixLength: 28 });
    }
  });

  it("127.0.0.1: the kernel answers from its local table, which Wine 8 does not list — so the table's best default route wins", () => {
    const k = kernel.routeGet('loopback');
    if (!('ok' in k)) throw new Error(k.error);
    expect(k.ok).toMatchObject({ type: 'local', dev: 'lo' });
    // Expected from the kernel's main table: the default route with the lowest metric.
    const bestDefault = kernel
      .routes4()
      .filter((r) => r.prefixLength === 0)
      .sort((a, b) => a.metric - b.metric)[0]!;
    for (const way of ['sync', 'async'] as const) {
      // Wine 8 differs from Windows (127.0.0.0/8 on the loopback interface) and from the kernel here.
      expect(ok(run.report.bestRoutes.loopback![way], way)).toMatchObject({ interfaceIndex: bestDefault.ifindex, nextHop: bestDefault.nextHop, method: 'forwardTable' });
    }
  });

  it('IPv6 destinations: Wine 8 has no IPv6 routes, so both are ERROR_NETWORK_UNREACHABLE (errno 1231); the kernel has a route for one', () => {
    const connected = kernel.routeGet('v6-connected');
    expect(connected).toMatchObject({ ok: { dev: 'ipi-veth2', prefsrc: '2001:db8:71::2' } }); // Wine differs from the kernel here
    expect(kernel.routeGet('v6-unreachable')).toEqual({ error: expect.stringMatching(/Network is unreachable/) });
    for (const name of ['v6-connected', 'v6-unreachable']) {
      for (const way of ['sync', 'async'] as const) {
        const attempt = run.report.bestRoutes[name]![way];
        expect(attempt.ok, `${name} ${way}`).toBeUndefined();
        // Chosen by Windows' rule from the routing table (Wine's GetBestRoute2 answers ERROR_NOT_SUPPORTED): the error names that table.
        expect(attempt.error, `${name} ${way}`).toMatchObject({ name: 'IpHelperError', code: 'ERROR_NETWORK_UNREACHABLE', errno: 1231, syscall: 'GetIpForwardTable2' });
      }
    }
  });

  /* ---- default routes ---- */

  it("getDefaultRoutes lists the kernel's default routes, best first by Wine's (hex-read) metric", () => {
    const defaults = kernel
      .routes4()
      .filter((r) => r.prefixLength === 0)
      .sort((a, b) => a.metric - b.metric);
    expect(defaults.map((d) => d.metric)).toEqual([20, 30]);
    expect(kernel.routes6().some((r) => r.dst === 'default')).toBe(false); // so 'all' has no IPv6 default to miss
    const routes = ok(run.report.routes.ipv4.sync, 'ipv4');
    const expected = defaults.map((d) => ({
      family: 'ipv4',
      gateway: d.nextHop,
      interfaceIndex: d.ifindex,
      interfaceLuid: kernel.luid(d.ifindex),
      interfaceAlias: kernel.links.find((l) => l.ifindex === d.ifindex)!.name, // Wine: the alias is the Linux name
      routeMetric: wineMetric(d.metric), // 20 → 32, 30 → 48
      interfaceMetric: null, // GetIpInterfaceTable is a stub in Wine 8
      effectiveMetric: wineMetric(d.metric),
    }));
    for (const family of ['all', 'ipv4'] as const) {
      for (const way of ['sync', 'async'] as const) {
        const got = ok(run.report.defaultRoutes[family][way], `${family} ${way}`);
        expect(got.map(({ route: _route, ...rest }) => rest), `${family} ${way}`).toEqual(expected);
        for (const d of got) expect(routes).toContainEqual(d.route);
      }
    }
    for (const way of ['sync', 'async'] as const) expect(ok(run.report.defaultRoutes.ipv6[way], `ipv6 ${way}`)).toEqual([]);
  });
});
