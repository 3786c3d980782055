// Tier 2: addresses, routes, neighbours, the best route and the default routes in real
// Windows Node + koffi under Wine, against the stand-in iphlpapi.dll, which serves the
// C-made rows of fixtures/c/rows-net.h and implements GetBestRoute2 in C.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, tableJson } from '../helpers.js';
import { describeWithTools, wineTools } from './support.js';
import { runWindowsNode, type Attempt } from './windows-node.js';

type Row = Record<string, unknown>;
type PerFamily = Record<'all' | 'ipv4' | 'ipv6', { sync: Attempt<Row[]>; async: Attempt<Row[]> }>;
type Scenario = Record<'addresses' | 'routes' | 'neighbors', PerFamily> & { counters: { outstanding: number; badFrees: number; handedOut: number; freed: number } };

const cRows = (dir: string, name: string): Row[] => (JSON.parse(readFileSync(join(root, 'fixtures', 'c', 'structs', dir, `${name}.json`), 'utf8')) as { rows: Row[] }).rows;
const C = {
  addresses: cRows('MIB_UNICASTIPADDRESS_ROW', 'unicast-realistic'),
  routes: cRows('MIB_IPFORWARD_ROW2', 'forward-realistic'),
  neighbors: cRows('MIB_IPNET_ROW2', 'ipnet-realistic'),
};
const familyOf = (name: keyof typeof C, row: Row) => (String(name === 'routes' ? (row.destinationPrefix as Row).address : row.address).includes(':') ? 'ipv6' : 'ipv4');
/** What each family should return: the C rows of that family, in table order; 'all' is IPv4's then IPv6's. */
const expected = (name: keyof typeof C, family: 'all' | 'ipv4' | 'ipv6'): Row[] =>
  family === 'all' ? [...expected(name, 'ipv4'), ...expected(name, 'ipv6')] : C[name].filter((r) => familyOf(name, r) === family);

describeWithTools('addresses, routes and neighbours in Windows Node under Wine (stand-in iphlpapi.dll)', wineTools, () => {
  let r: Record<string, unknown> & { crashed?: unknown };
  const scenario = (name: string) => r[name] as Scenario;
  beforeAll(async () => {
    r = (await runWindowsNode<typeof r>('net.cjs', { timeoutMs: 90_000 })).report;
    expect(r.crashed).toBeUndefined();
  }, 100_000);

  describe.each(['addresses', 'routes', 'neighbors'] as const)('%s', (name) => {
    it.each(['all', 'ipv4', 'ipv6'] as const)('family %s, sync and async: the C-printed rows of that family', (family) => {
      const got = scenario('realistic')[name][family];
      expect(got.sync.ok).toEqual(expected(name, family));
      expect(got.async.ok).toEqual(expected(name, family));
    });

    it("'all' is asked family by family: a system that fails AF_UNSPEC (Wine 8) still answers", () => {
      expect(scenario('unspec-error')[name].all.sync.ok).toEqual(expected(name, 'all'));
      expect(scenario('unspec-error').counters).toMatchObject({ outstanding: 0, badFrees: 0 });
    });

    it('coded errors and nothing leaked: access denied, NULL table, absurd NumEntries; empty is []', () => {
      expect(scenario('error:5')[name].ipv4.sync.error).toMatchObject({ code: 'ERROR_ACCESS_DENIED', errno: 5 });
      expect(scenario('error:5')[name].all.async.error).toMatchObject({ code: 'ERROR_ACCESS_DENIED' });
      expect(scenario('null-table')[name].ipv6.sync.error).toMatchObject({ code: 'ERR_IPHLPAPI_BAD_RESULT' });
      expect(scenario('huge-count')[name].all.sync.error).toMatchObject({ code: 'ERR_IPHLPAPI_BAD_RESULT' });
      expect(scenario('empty')[name].all.sync.ok).toEqual([]);
      for (const s of ['error:5', 'null-table', 'huge-count', 'empty']) expect(scenario(s).counters).toMatchObject({ outstanding: 0, badFrees: 0 });
    });
  });

  it("Wine 8's GetIpNetTable2: IPv6 answers ERROR_INVALID_FUNCTION with a table; 'all' gives the IPv4 neighbours, and the table is freed", () => {
    const n = scenario('wine8-ipnet').neighbors;
    expect(n.all.sync.ok).toEqual(expected('neighbors', 'ipv4'));
    expect(n.all.async.ok).toEqual(expected('neighbors', 'ipv4'));
    expect(n.ipv6.sync.error).toMatchObject({ errno: 1, syscall: 'GetIpNetTable2' });
    expect(scenario('wine8-ipnet').counters).toMatchObject({ outstanding: 0, badFrees: 0 });
  });

  it('entries: every address and every route read back one by one; missing ones are ERROR_NOT_FOUND', () => {
    expect((r.addressEntries as Attempt<Row>[]).map((a) => a.ok)).toEqual(expected('addresses', 'all'));
    expect((r.addressEntryByLuid as Attempt<Row>).ok).toEqual(expected('addresses', 'all')[0]);
    expect(r.addressMissing).toMatchObject({ error: { code: 'ERROR_NOT_FOUND', errno: 1168, syscall: 'GetUnicastIpAddressEntry' } });
    expect((r.routeEntries as Attempt<Row>[]).map((a) => a.ok)).toEqual(expected('routes', 'all'));
    expect((r.routeEntryAsync as Attempt<Row>).ok).toMatchObject({ nextHop: '192.168.1.1', interfaceIndex: 12 });
    expect(r.routeMissing).toMatchObject({ error: { code: 'ERROR_NOT_FOUND', syscall: 'GetIpForwardEntry2' } });
  });

  type Best = Record<string, { system: Attempt<Row>; systemAsync: Attempt<Row>; viaWifi: Attempt<Row>; chosen: Attempt<Row>; chosenWifi: Attempt<Row> }>;
  const keyOf = (b: Attempt<Row>) => (b.ok ? { interfaceIndex: b.ok.interfaceIndex, nextHop: b.ok.nextHop, sourceAddress: b.ok.sourceAddress, route: b.ok.route } : { error: b.error?.code });

  it.each(['realistic', 'metric-tie'])('%s: getBestRoute (GetBestRoute2 in C) and chooseRoute (the rule in TypeScript) agree for every destination', (name) => {
    const best = (r.best as Record<string, Best>)[name]!;
    const destinations = Object.keys(best).filter((k) => k !== 'defaults' && k !== 'defaultsAsync');
    expect(destinations.length).toBeGreaterThanOrEqual(10);
    for (const dest of destinations) {
      const b = best[dest]!;
      expect(b.system.ok?.method, dest).toBe('GetBestRoute2');
      expect(keyOf(b.system), dest).toEqual(keyOf(b.chosen));
      expect(keyOf(b.systemAsync), dest).toEqual(keyOf(b.system));
      expect(keyOf(b.viaWifi), `${dest} via Wi-Fi`).toEqual(keyOf(b.chosenWifi));
    }
  });

  it('the interface metric decides between default routes: realistic → Ethernet (0 + 25 < 0 + 35); metric-tie → Ethernet (10 + 25) over Wi-Fi (2 + 35) and wg0 (40 + 0)', () => {
    const best = r.best as Record<string, Best>;
    expect(best.realistic!['8.8.8.8']!.system.ok).toMatchObject({ interfaceIndex: 12, nextHop: '192.168.1.1', routeMetric: 0, interfaceMetric: 25, effectiveMetric: 25, sourceAddress: '192.168.1.23' });
    expect(best['metric-tie']!['8.8.8.8']!.system.ok).toMatchObject({ interfaceIndex: 12, routeMetric: 10, interfaceMetric: 25, effectiveMetric: 35 });
    expect(best['metric-tie']!['198.51.100.7']!.system.ok).toMatchObject({ interfaceIndex: 12 }); // an exact tie: the lower index
  });

  it('getDefaultRoutes: every default route, best first, with alias, route, interface and effective metric (metrics from the C rows)', () => {
    const metric = new Map(tableJson('realistic').rows!.map((i) => [`${i.family}/${i.interfaceIndex}`, i.metric as number]));
    const defaults = C.routes.filter((x) => (x.destinationPrefix as Row).prefixLength === 0);
    const aliases = new Map(cRows('MIB_IF_ROW2', 'if2-realistic').map((a) => [a.interfaceLuid, a.alias]));
    const want = defaults
      .map((x) => {
        const family = familyOf('routes', x);
        const interfaceMetric = metric.get(`${family}/${x.interfaceIndex}`)!;
        return { family, gateway: x.nextHop, interfaceIndex: x.interfaceIndex, interfaceLuid: x.interfaceLuid, interfaceAlias: aliases.get(x.interfaceLuid), routeMetric: x.metric, interfaceMetric, effectiveMetric: (x.metric as number) + interfaceMetric, route: x };
      })
      .sort((a, b) => a.effectiveMetric - b.effectiveMetric || a.family.localeCompare(b.family));
    const best = (r.best as Record<string, Best & { defaults: Attempt<Row[]>; defaultsAsync: Attempt<Row[]> }>).realistic!;
    expect(best.defaults.ok).toEqual(want);
    expect(best.defaultsAsync.ok).toEqual(want.filter((d) => d.family === 'ipv4'));
    expect(want[0]).toMatchObject({ gateway: '192.168.1.1', interfaceAlias: 'Ethernet' });
  });

  it('where GetBestRoute2 is not supported: the same answers, found from the routing table, and said so', () => {
    const realistic = (r.best as Record<string, Best>).realistic!;
    for (const [dest, attempt] of Object.entries(r.fallback as Record<string, Attempt<Row>>)) {
      expect(attempt.ok?.method, dest).toBe('forwardTable');
      expect(keyOf(attempt), dest).toEqual(keyOf(realistic[dest]!.system));
    }
    expect((r.fallbackSource as Attempt<Row>).ok).toMatchObject({ interfaceIndex: 17, sourceAddress: '192.168.50.117', method: 'forwardTable' });
    expect((r.systemSource as Attempt<Row>).ok).toMatchObject({ interfaceIndex: 17, sourceAddress: '192.168.50.117', method: 'GetBestRoute2' });
    expect(r.unreachable).toMatchObject({ error: { code: 'ERROR_NETWORK_UNREACHABLE', errno: 1231, syscall: 'GetBestRoute2' } });
  });

  it('a 1,000-route table decodes whole; nothing is left allocated at the end', () => {
    expect((r.thousand as Attempt<number>).ok).toBe(1000);
    expect(r.finalCounters).toMatchObject({ outstanding: 0, badFrees: 0 });
  });
});
