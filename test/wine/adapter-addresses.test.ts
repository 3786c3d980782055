// Tier 2: GetAdaptersAddresses in real Windows Node + koffi under Wine, against the stand-in
// iphlpapi.dll (fixtures/c/standin-iphlpapi.c), which lays its adapters out as a linked list inside
// the buffer the package allocates: distinct DNS servers, suffixes and gateways per adapter (IPv4 and
// IPv6), ERROR_BUFFER_OVERFLOW on the first call, a list that grows between calls, ERROR_NO_DATA.
// The expected values are the stand-in's own C data; the unicast addresses are held to what the same
// stand-in's GetUnicastIpAddressTable returns for each interface.
import { beforeAll, expect, it } from 'vitest';
import { describeWithTools, wineTools } from './support.js';
import { runWindowsNode, WINE_ARCH, type Attempt } from './windows-node.js';

type Row = Record<string, unknown>;
type Adapter = Row & { friendlyName: string; ifIndex: number; ipv6IfIndex: number; unicastAddresses: Row[]; [list: string]: unknown };
type Calls = { calls: number; flags: number; family: number; size: number };

interface Report {
  crashed?: unknown;
  arch: string;
  all: { sync: Attempt<Adapter[]>; async: Attempt<Adapter[]> };
  allCalls: Calls;
  ipv4: Attempt<Adapter[]>;
  ipv6: Attempt<Adapter[]>;
  skipped: Attempt<Adapter[]>;
  skippedCalls: Calls;
  unicastTable: Attempt<Row[]>;
  dnsServers: { sync: Attempt<Row[]>; async: Attempt<Row[]>; ipv6: Attempt<Row[]> };
  dnsCalls: Calls;
  dnsConfiguration: { sync: Attempt<Row>; async: Attempt<Row> };
  capture: Attempt<{ adapterAddresses: Adapter[]; info: Row }>;
  scenarios: Record<string, { sync: Attempt<Adapter[]>; async: Attempt<Adapter[]>; calls: number; asyncCalls: number }>;
  many: Attempt<number>;
}

const LIST_KEYS = ['anycastAddresses', 'multicastAddresses', 'dnsServers', 'gateways', 'winsServers'];
const isV6 = (address: string) => address.includes(':');

describeWithTools('getAdaptersAddresses and DNS in Windows Node under Wine (stand-in iphlpapi.dll)', wineTools, () => {
  let r: Report;
  beforeAll(async () => {
    r = (await runWindowsNode<Report>('adapter-addresses.cjs', { timeoutMs: 110_000 })).report;
    expect(r.crashed).toBeUndefined();
  }, 120_000);
  const adapters = () => r.all.sync.ok!;
  const byName = (name: string) => adapters().find((a) => a.friendlyName === name)!;

  it('every adapter, in the stand-in\'s order, sync and async alike', () => {
    expect(adapters().map((a) => [a.friendlyName, a.ifIndex, a.ipv6IfIndex])).toEqual([
      ['Ethernet', 12, 12],
      ['Wi-Fi', 17, 17],
      ['Ethernet 2', 9, 9],
      ['wg0', 23, 0],
      ['Loopback Pseudo-Interface 1', 1, 1],
      ['Teredo Tunneling Pseudo-Interface', 14, 14],
      ['isatap.{8A1F5C2E-3B7D-4E19-9C6A-2F0D1B4E7A93}', 31, 31],
    ]);
    expect(r.all.async).toEqual(r.all.sync);
  });

  it('distinct DNS servers, suffixes, gateways and DHCP per adapter, IPv4 and IPv6, scoped ones with their zone', () => {
    expect(byName('Ethernet')).toMatchObject({
      adapterName: '{5F2A9C47-E1B3-4D8A-A60C-7E9431BB58D2}',
      dnsServers: ['2001:db8:e1::53', '192.168.1.1', '9.9.9.9'],
      gateways: ['192.168.1.1'],
      dnsSuffix: 'eth.example',
      dnsSuffixes: ['eth.example', 'corp.example'],
      dhcpv4Server: '192.168.1.1',
      ipv4Metric: 25,
      physicalAddress: '02:5e:11:22:33:44',
      flags: expect.objectContaining({ dhcpEnabled: true }),
    });
    expect(byName('Wi-Fi')).toMatchObject({
      dnsServers: ['fe80::1%17', '192.168.50.1', '1.1.1.1'],
      gateways: ['fe80::1%17', '192.168.50.1'],
      dnsSuffix: 'wifi.example',
      dnsSuffixes: ['wifi.example'],
      ipv4Metric: 35,
      physicalAddress: '3a:8f:2b:ff:fe:11:0c:4d',
    });
    expect(byName('wg0')).toMatchObject({ dnsServers: ['10.8.0.1'], gateways: [], dnsSuffixes: ['wg.example', 'internal.example'], physicalAddress: '', flags: expect.objectContaining({ dhcpEnabled: false }) });
    expect(byName('Ethernet 2')).toMatchObject({ operStatus: 'down', dhcpv4Server: '', flags: expect.objectContaining({ dhcpEnabled: true }) });
  });

  it('each adapter\'s unicast addresses are what GetUnicastIpAddressTable gives for its interface', () => {
    const table = r.unicastTable.ok!;
    for (const a of adapters()) {
      const ours = a.unicastAddresses.map((u) => `${u.address}/${u.prefixLength} ${u.prefixOrigin} ${u.suffixOrigin} ${u.dadState}`).sort();
      const theirs = table
        .filter((t) => t.interfaceIndex === (isV6(t.address as string) ? a.ipv6IfIndex : a.ifIndex) && (t.address as string) !== undefined)
        .map((t) => `${t.address}/${t.onLinkPrefixLength} ${t.prefixOrigin} ${t.suffixOrigin} ${t.dadState}`)
        .sort();
      expect(ours, a.friendlyName).toEqual(theirs);
    }
  });

  it('one call each when the first 15 KB buffer is enough, with GAA_FLAG_INCLUDE_GATEWAYS | GAA_FLAG_INCLUDE_PREFIX', () => {
    expect(r.allCalls).toEqual({ calls: 2, flags: 0x80 | 0x10, family: 0, size: 15 * 1024 });
  });

  it('a family lists only its addresses (and, as the stand-in documents, only adapters that have it)', () => {
    for (const [family, list] of [['ipv4', r.ipv4.ok!], ['ipv6', r.ipv6.ok!]] as const) {
      expect(list.length).toBeGreaterThan(0);
      for (const a of list) {
        for (const u of a.unicastAddresses) expect(isV6(u.address as string)).toBe(family === 'ipv6');
        for (const key of LIST_KEYS) for (const address of a[key] as string[]) expect(isV6(address), `${a.friendlyName} ${key}`).toBe(family === 'ipv6');
      }
    }
    expect(r.ipv6.ok!.map((a) => a.friendlyName)).not.toContain('wg0');
  });

  it('options skip their parts: the flags say so, and the lists are empty', () => {
    expect(r.skippedCalls.flags).toBe(0x90 | 0x1 | 0x2 | 0x4 | 0x8 | 0x20);
    for (const a of r.skipped.ok!) {
      expect(a).toMatchObject({ unicastAddresses: [], anycastAddresses: [], multicastAddresses: [], dnsServers: [], friendlyName: '' });
    }
    expect(r.skipped.ok!.some((a) => (a.gateways as string[]).length > 0)).toBe(true);
  });

  it('getDnsServers: adapters that are up, per family, lowest metric first (then index, IPv4 first)', () => {
    expect(r.dnsServers.sync.ok!.map((e) => [e.alias, e.family, e.interfaceIndex, e.servers])).toEqual([
      ['Teredo Tunneling Pseudo-Interface', 'ipv4', 14, []],
      ['wg0', 'ipv4', 23, ['10.8.0.1']],
      ['Ethernet', 'ipv4', 12, ['192.168.1.1', '9.9.9.9']],
      ['Ethernet', 'ipv6', 12, ['2001:db8:e1::53']],
      ['Wi-Fi', 'ipv4', 17, ['192.168.50.1', '1.1.1.1']],
      ['Wi-Fi', 'ipv6', 17, ['fe80::1%17']],
      ['Teredo Tunneling Pseudo-Interface', 'ipv6', 14, []],
      ['Loopback Pseudo-Interface 1', 'ipv4', 1, []],
      ['Loopback Pseudo-Interface 1', 'ipv6', 1, ['fec0:0:0:ffff::1%1', 'fec0:0:0:ffff::2%1', 'fec0:0:0:ffff::3%1']],
    ]);
    expect(r.dnsServers.async).toEqual(r.dnsServers.sync);
    expect(r.dnsServers.ipv6.ok!.every((e) => e.family === 'ipv6')).toBe(true);
    // One GetAdaptersAddresses each, without the address lists it does not need.
    expect(r.dnsCalls).toMatchObject({ calls: 3, flags: 0x90 | 0x2 | 0x4 });
  });

  it('getDnsConfiguration: the servers in that order, each once, without Windows\' fec0 placeholders; the suffixes each once', () => {
    expect(r.dnsConfiguration.sync.ok).toEqual({
      servers: ['10.8.0.1', '192.168.1.1', '9.9.9.9', '2001:db8:e1::53', '192.168.50.1', '1.1.1.1', 'fe80::1%17'],
      suffixes: ['wg.example', 'internal.example', 'eth.example', 'corp.example', 'wifi.example'],
    });
    expect(r.dnsConfiguration.async).toEqual(r.dnsConfiguration.sync);
  });

  it('a capture holds the list with its architecture and addresses, and decodes to the same adapters', () => {
    expect(r.capture.ok!.adapterAddresses).toEqual(adapters());
    expect(r.capture.ok!.info).toMatchObject({ struct: 'IP_ADAPTER_ADDRESSES_LH', arch: WINE_ARCH, rowSize: WINE_ARCH === 'x64' ? 448 : 376, base: expect.stringMatching(/^0x[0-9a-f]+$/) });
    expect(r.capture.ok!.info.head).toBe(r.capture.ok!.info.base);
  });

  it('ERROR_BUFFER_OVERFLOW on the first call: asked again with the size it gave, the list', () => {
    const s = r.scenarios['gaa-overflow-first']!;
    expect(s.sync.ok).toEqual(adapters());
    expect(s.async.ok).toEqual(adapters());
    expect([s.calls, s.asyncCalls]).toEqual([2, 2]);
  });

  it('a list that grows between calls: asked again with the new size, the grown list', () => {
    const s = r.scenarios['gaa-grow-once']!;
    expect(s.sync.ok!.map((a) => a.friendlyName)).toEqual([...adapters().map((a) => a.friendlyName), 'Ethernet 3']);
    expect(s.async.ok).toEqual(s.sync.ok);
    expect([s.calls, s.asyncCalls]).toEqual([3, 3]);
  });

  it('a list that keeps growing: a bounded number of calls, then ERROR_BUFFER_OVERFLOW', () => {
    const s = r.scenarios['gaa-grow-always']!;
    for (const attempt of [s.sync, s.async]) {
      expect(attempt.error).toMatchObject({ code: 'ERROR_BUFFER_OVERFLOW', errno: 111, syscall: 'GetAdaptersAddresses' });
      expect(attempt.error!.message).toMatch(/grew between the size query and the call 5 times/);
    }
    expect([s.calls, s.asyncCalls]).toEqual([6, 6]);
  });

  it('ERROR_NO_DATA is no adapters; other errors are typed', () => {
    expect(r.scenarios.empty!.sync).toEqual({ ok: [] });
    expect(r.scenarios.empty!.async).toEqual({ ok: [] });
    expect(r.scenarios['error:8']!.sync.error).toMatchObject({ code: 'ERROR_NOT_ENOUGH_MEMORY', errno: 8, syscall: 'GetAdaptersAddresses' });
    expect(r.scenarios['error:87']!.async.error).toMatchObject({ code: 'ERROR_INVALID_PARAMETER', errno: 87 });
  });

  it('64 adapters (a buffer several times the first 15 KB)', () => {
    expect(r.many).toEqual({ ok: 64 });
  });
});
