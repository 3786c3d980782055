// Tier 2: the real koffi calls in Windows Node under Wine, against the stand-in
// iphlpapi.dll built by MinGW from fixtures/c/standin-iphlpapi.c.
import { beforeAll, expect, it } from 'vitest';
import { tableJson } from '../helpers.js';
import { describeWithTools, wineTools } from './support.js';
import { runWindowsNode, WINE_ARCH, type Attempt, type ErrorInfo } from './windows-node.js';

type Row = Record<string, unknown>;
interface Counters {
  handedOut: number;
  freed: number;
  outstanding: number;
  badFrees: number;
}
interface Report {
  crashed?: ErrorInfo;
  platform: string;
  arch: string;
  importLoadsKoffi: boolean;
  esmSameFunction: boolean;
  families: Record<string, Attempt<Row[]>>;
  defaultFamily: Attempt<Row[]>;
  asyncFamilies: Record<string, Attempt<Row[]>>;
  badFamily: Attempt<unknown>[];
  badFamilyAsync: Attempt<unknown>;
  countersAfterBadFamily: Counters;
  scenarios: Record<string, { sync: Attempt<Row[]>; async: Attempt<Row[]>; counters: Counters }>;
  mixed: { outcomes: Record<string, number>; counters: Counters };
  concurrent: { fulfilled: number; rowCounts: number[]; firstRows: Row[]; counters: Counters; ms: number; ticks: number };
  syncBlocking: { ms: number; ticks: number };
  missingDll: Attempt<unknown>;
  missingExport: Attempt<unknown>;
  missingExportAgain: Attempt<unknown>;
  capture: { rows: Row[]; same: boolean; metadata: Record<string, unknown> };
  finalCounters: Counters;
}

// What the C program printed for the rows the stand-in serves (same rows.h).
const realistic = tableJson('realistic').rows!;
const byFamily = (family: string) => realistic.filter((r) => family === 'all' || r.family === family);

describeWithTools(`getIpInterfaceTable in Windows Node + koffi win32-${WINE_ARCH} under Wine (stand-in iphlpapi.dll)`, wineTools, () => {
  let r: Report;
  beforeAll(async () => {
    r = (await runWindowsNode<Report>('table.cjs', { timeoutMs: 120_000 })).report;
    expect(r.crashed).toBeUndefined();
  });

  it(`runs as Windows ${WINE_ARCH}, and importing the package loads no native code`, () => {
    expect([r.platform, r.arch]).toEqual(['win32', WINE_ARCH]);
    expect(r.importLoadsKoffi).toBe(false);
    expect(r.esmSameFunction).toBe(true);
  });

  it('rows equal the C-printed rows for every family, named or numbered, sync and async', () => {
    for (const [family, names] of [['all', ['all', '0']], ['ipv4', ['ipv4', '2']], ['ipv6', ['ipv6', '23']]] as const) {
      for (const name of names) expect(r.families[name]?.ok, name).toEqual(byFamily(family));
      expect(r.asyncFamilies[family]?.ok, family).toEqual(byFamily(family));
    }
    expect(r.defaultFamily.ok).toEqual(byFamily('all'));
    expect(byFamily('ipv4').length).toBeGreaterThan(0);
    expect(byFamily('ipv6').length).toBeGreaterThan(0);
  });

  it('a bad family is a TypeError naming the value, before any native call', () => {
    for (const attempt of r.badFamily) {
      expect(attempt.error?.isTypeError).toBe(true);
      expect(attempt.error?.message).toMatch(/^Expected `family` to be 'ipv4', 'ipv6', 'all', AF_INET \(2\), AF_INET6 \(23\) or AF_UNSPEC \(0\), got /);
    }
    expect(r.badFamily[0]?.error?.message).toMatch(/got `7` \(number\)$/);
    expect(r.badFamily[1]?.error?.message).toMatch(/got `10` \(number\)$/); // Linux's AF_INET6 is not Windows'
    expect(r.badFamilyAsync.error?.isTypeError).toBe(true);
    expect(r.countersAfterBadFamily.handedOut).toBe(0);
  });

  it.each([
    ['error:87', 'ERROR_INVALID_PARAMETER', 87, undefined],
    ['error:8', 'ERROR_NOT_ENOUGH_MEMORY', 8, undefined],
    ['error:50', 'ERROR_NOT_SUPPORTED', 50, undefined],
    ['error:5', 'ERROR_ACCESS_DENIED', 5, undefined],
    ['error:2', 'ERROR_FILE_NOT_FOUND', 2, undefined],
    ['error:0xC000000D', 'ERROR_INVALID_PARAMETER', 0xc000000d, 'STATUS_INVALID_PARAMETER'],
    ['error:0xC0000017', 'ERROR_NOT_ENOUGH_MEMORY', 0xc0000017, 'STATUS_NO_MEMORY'],
    ['error:0xC000009A', 'ERROR_NOT_ENOUGH_MEMORY', 0xc000009a, 'STATUS_INSUFFICIENT_RESOURCES'],
    ['error:0xC00000BB', 'ERROR_NOT_SUPPORTED', 0xc00000bb, 'STATUS_NOT_SUPPORTED'],
  ] as const)('%s → IpHelperError %s, sync and async', (scenario, code, errno, status) => {
    const s = r.scenarios[scenario]!;
    for (const attempt of [s.sync, s.async]) {
      expect(attempt.error).toMatchObject({ name: 'IpHelperError', code, errno, syscall: 'GetIpInterfaceTable' });
      expect(attempt.error?.status).toBe(status);
      expect(attempt.error?.message).toContain(status ?? code);
    }
    expect(s.counters.outstanding).toBe(0);
  });

  it('ERROR_NOT_SUPPORTED says the function is not available; ACCESS_DENIED says elevation is needed', () => {
    expect(r.scenarios['error:50']!.sync.error?.message).toMatch(/GetIpInterfaceTable is not available on this system/);
    expect(r.scenarios['error:5']!.sync.error?.message).toMatch(/administrator/);
  });

  it('ERROR_NOT_FOUND and STATUS_NOT_FOUND ("no entries") give [], sync and async', () => {
    for (const name of ['error:1168', 'error:0xC0000225', 'empty']) {
      const s = r.scenarios[name]!;
      expect(s.sync.ok, name).toEqual([]);
      expect(s.async.ok, name).toEqual([]);
    }
  });

  it('codes without a known name take their text from FormatMessageW', () => {
    const known = r.scenarios['error:31']!.sync.error!;
    expect(known).toMatchObject({ code: 'WIN32_31', errno: 31 });
    expect(known.message).toMatch(/^GetIpInterfaceTable failed with code 31: \S.+/); // the system's text
    const unknown = r.scenarios['error:1234567']!.sync.error!;
    expect(unknown.message).toBe('GetIpInterfaceTable failed with code 0x0012D687'); // the system has none
  });

  it('success with a NULL table, or an absurd NumEntries, is an error, not a crash', () => {
    for (const name of ['null-table', 'huge-count']) {
      const s = r.scenarios[name]!;
      expect(s.sync.error?.code, name).toBe('ERR_IPHLPAPI_BAD_RESULT');
      expect(s.async.error?.code, name).toBe('ERR_IPHLPAPI_BAD_RESULT');
    }
    expect(r.scenarios['huge-count']!.counters).toMatchObject({ handedOut: 2, freed: 2, outstanding: 0 });
  });

  it('a row that fails validation names the row and field; the table is still freed', () => {
    const s = r.scenarios['bad-enum']!;
    expect(s.sync.error).toMatchObject({ name: 'IpInterfaceDecodeError', code: 'ERR_IPINTERFACE_INVALID_ROW', rowIndex: 1, field: 'routerDiscoveryBehavior', rawValue: 9 });
    expect(s.async.error?.code).toBe('ERR_IPINTERFACE_INVALID_ROW');
    expect(s.counters).toEqual({ handedOut: 2, freed: 2, outstanding: 0, badFrees: 0 });
  });

  it('every table handed out is freed exactly once, on every path', () => {
    for (const [name, s] of Object.entries(r.scenarios)) {
      expect(s.counters.outstanding, name).toBe(0);
      expect(s.counters.badFrees, name).toBe(0);
      expect(s.counters.freed, name).toBe(s.counters.handedOut);
    }
  });

  it('10,000 calls mixing successes, each error and forced decode failures leave 0 tables outstanding', () => {
    const total = Object.values(r.mixed.outcomes).reduce((a, b) => a + b, 0);
    expect(total).toBe(10_000);
    for (const code of ['ERROR_INVALID_PARAMETER', 'ERR_IPINTERFACE_INVALID_ROW', 'ERR_IPHLPAPI_BAD_RESULT', 'ERROR_NOT_SUPPORTED', 'ERROR_NOT_ENOUGH_MEMORY']) {
      expect(r.mixed.outcomes[code], code).toBeGreaterThan(0);
    }
    expect(r.mixed.counters.handedOut).toBeGreaterThan(4000);
    expect(r.mixed.counters).toMatchObject({ outstanding: 0, badFrees: 0 });
    expect(r.mixed.counters.freed).toBe(r.mixed.counters.handedOut);
  });

  it('100 concurrent async calls all succeed, leave 0 outstanding, and never block the event loop', () => {
    const c = r.concurrent;
    expect(c.fulfilled).toBe(100);
    expect(c.rowCounts).toEqual([realistic.length]);
    expect(c.firstRows).toEqual(realistic);
    expect(c.counters).toEqual({ handedOut: 100, freed: 100, outstanding: 0, badFrees: 0 });
    // Each call sleeps 20 ms inside the DLL: the loop's 5 ms timer kept firing meanwhile,
    // while 10 sync calls of the same kind starved it.
    expect(c.ticks).toBeGreaterThan(c.ms / 5 / 4);
    expect(r.syncBlocking.ticks).toBeLessThanOrEqual(2);
    expect(r.syncBlocking.ms).toBeGreaterThanOrEqual(190);
  });

  it('a missing DLL or export is ERROR_NOT_SUPPORTED, remembered', () => {
    expect(r.missingDll.error).toMatchObject({ code: 'ERROR_NOT_SUPPORTED', errno: 50, syscall: 'Nothing' });
    expect(r.missingExport.error).toMatchObject({ code: 'ERROR_NOT_SUPPORTED', syscall: 'NoSuchExport' });
    expect(r.missingExport.error?.message).toMatch(/does not export NoSuchExport/);
    expect(r.missingExportAgain.error?.code).toBe('ERROR_NOT_SUPPORTED');
  });

  it('captureIpInterfaceTable writes a capture that decodes to the live rows', () => {
    expect(r.capture.same).toBe(true);
    expect(r.capture.rows).toEqual(byFamily('ipv6'));
    expect(r.capture.metadata).toMatchObject({ arch: WINE_ARCH, rowSize: 168, firstRowOffset: 8, family: 'ipv6' });
    expect(r.finalCounters.outstanding).toBe(0);
  });
});
