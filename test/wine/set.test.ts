// Tier 2: setIpInterface (read, modify, write) against the stand-in, which keeps
// writes (visible to later reads) and behaves as Windows does: it refuses an IPv4
// SitePrefixLength above 32, and refuses writes from a process that is not elevated.
import { beforeAll, expect, it } from 'vitest';
import { tableJson } from '../helpers.js';
import { describeWithTools, wineTools } from './support.js';
import { runWindows, runWindowsNode, type Attempt } from './windows-node.js';

type Row = Record<string, unknown>;
interface Report {
  crashed?: unknown;
  roundTrips: { change: Record<string, unknown>; result: Attempt<{ before: Row; after: Row }>; entry: Attempt<Row>; table: Attempt<Row> }[];
  asyncMany: Attempt<{ before: Row; after: Row }>;
  ethBefore: Row;
  rawGet: number;
  rawSetUnclamped: number;
  ethSet: Attempt<{ before: Row; after: Row }>;
  denied: Attempt<unknown>;
  deniedAsync: Attempt<unknown>;
  invalid: Attempt<unknown>[];
  invalidAsync: Attempt<unknown>;
  callsDuringInvalid: { before: { gets: number; sets: number }; after: { gets: number; sets: number } };
  missing: Attempt<unknown>;
}

const realistic = tableJson('realistic').rows!;
const wifi4 = realistic.find((r) => r.interfaceIndex === 17 && r.family === 'ipv4')!;

/** The row fields a change is expected to touch (metric also flips useAutomaticMetric). */
function touched(change: Record<string, unknown>): string[] {
  const keys = Object.keys(change);
  return keys.includes('metric') ? [...keys.filter((k) => k !== 'metric'), 'metric', 'useAutomaticMetric'] : keys;
}

describeWithTools('setIpInterface under Wine (stand-in iphlpapi.dll)', wineTools, () => {
  let r: Report;
  beforeAll(async () => {
    r = (await runWindowsNode<Report>('set.cjs')).report;
    expect(r.crashed).toBeUndefined();
  });

  it('every writable field round-trips: set, then read back by entry and by table; nothing else changes', () => {
    expect(r.roundTrips).toHaveLength(19);
    let expected: Row = { ...wifi4 };
    for (const { change, result, entry, table } of r.roundTrips) {
      const label = JSON.stringify(change);
      expect(result.error, label).toBeUndefined();
      expect(result.ok!.before, label).toEqual(expected);
      const [key, value] = Object.entries(change)[0]!;
      if (key === 'metric') {
        expected = value === 'automatic' ? { ...expected, useAutomaticMetric: true } : { ...expected, metric: value, useAutomaticMetric: false };
      } else {
        expected = { ...expected, [key]: value };
      }
      expect(result.ok!.after, label).toEqual(expected);
      expect(entry.ok, label).toEqual(expected);
      expect(table.ok, label).toEqual(expected);
      const changed = Object.keys(expected).filter((k) => JSON.stringify(result.ok!.before[k]) !== JSON.stringify(result.ok!.after[k]));
      for (const k of changed) expect(touched(change), `${label} changed ${k}`).toContain(k);
    }
  });

  it('several fields at once, async, by LUID', () => {
    expect(r.asyncMany.ok?.after).toMatchObject({ metric: 7, useAutomaticMetric: false, nlMtu: 1280, weakHostSend: true, family: 'ipv6', interfaceIndex: 17 });
  });

  it('an IPv4 row with SitePrefixLength 64 decodes, and is clamped to 0 before the write (else ERROR_INVALID_PARAMETER)', () => {
    expect(r.ethBefore.sitePrefixLength).toBe(64);
    expect(r.rawGet).toBe(0);
    expect(r.rawSetUnclamped).toBe(87); // the row written back as read: refused
    expect(r.ethSet.error).toBeUndefined();
    expect(r.ethSet.ok?.before.sitePrefixLength).toBe(64);
    expect(r.ethSet.ok?.after).toMatchObject({ sitePrefixLength: 0, metric: 3, useAutomaticMetric: false });
  });

  it('not elevated: ERROR_ACCESS_DENIED from SetIpInterfaceEntry, saying administrator rights are needed', () => {
    for (const attempt of [r.denied, r.deniedAsync]) {
      expect(attempt.error).toMatchObject({ name: 'IpHelperError', code: 'ERROR_ACCESS_DENIED', errno: 5, syscall: 'SetIpInterfaceEntry' });
      expect(attempt.error?.message).toMatch(/administrator rights/);
    }
  });

  it('every invalid input is a TypeError naming the field and value, with no native call', () => {
    for (const attempt of [...r.invalid, r.invalidAsync]) expect(attempt.error?.isTypeError).toBe(true);
    const messages = r.invalid.map((a) => a.error!.message);
    expect(messages[0]).toBe('Invalid `changes.metric`: Too small: expected number to be >=0, got `-1` (number)');
    expect(messages[3]).toBe('Invalid `changes.nlMtu`: IPv4 needs at least 576 bytes, got `575` (number)');
    expect(messages[4]).toBe('Invalid `changes.nlMtu`: IPv6 needs at least 1280 bytes, got `1279` (number)');
    expect(messages[5]).toBe('`changes` has a field that cannot be set: `connected`');
    expect(messages[6]).toBe('`changes` has a field that cannot be set: `sitePrefixLength`');
    expect(r.callsDuringInvalid.after).toEqual(r.callsDuringInvalid.before);
    expect(r.missing.error?.code).toBe('ERROR_NOT_FOUND');
  });
});

describeWithTools('ipinterface set, in Windows Node under Wine', wineTools, () => {
  const bin = 'dist/cli.js';

  it('set <alias> --family ipv4 --metric 5 prints the row before and after', async () => {
    const run = await runWindows([bin, 'set', 'Wi-Fi', '--family', 'ipv4', '--metric', '5', '--mtu', '1400']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^Before:\r?\nifIndex .*\r?\n-+.*\r?\n17 +Wi-Fi +IPv4 +1500 +35 \(auto\)/);
    expect(run.stdout).toMatch(/After:\r?\nifIndex .*\r?\n-+.*\r?\n17 +Wi-Fi +IPv4 +1400 +5 +Connected/);
    expect(run.stdout).toContain('Changed: useAutomaticMetric true → false, metric 35 → 5, nlMtu 1500 → 1400');
  });

  it('set <index> --json prints { before, after }', async () => {
    const run = await runWindows([bin, 'set', '12', '--family', 'ipv6', '--forwarding', 'enabled', '--json']);
    expect(run.exitCode).toBe(0);
    const { before, after } = JSON.parse(run.stdout) as { before: Row; after: Row };
    expect([before.forwardingEnabled, after.forwardingEnabled, after.alias]).toEqual([false, true, 'Ethernet']);
  });

  it('not elevated: exit 1 with the code and message on stderr', async () => {
    const run = await runWindows([bin, 'set', '17', '--family', 'ipv4', '--metric', '5'], { env: { IPINTERFACE_STANDIN_SCENARIO: 'not-elevated' } });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^ipinterface: ERROR_ACCESS_DENIED: SetIpInterfaceEntry failed: .*administrator rights/);
  });

  it('an unknown alias exits 1; an invalid value exits 2', async () => {
    expect((await runWindows([bin, 'set', 'Nope', '--family', 'ipv4', '--metric', '5'])).exitCode).toBe(1);
    const bad = await runWindows([bin, 'set', '17', '--family', 'ipv4', '--mtu', '100']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('IPv4 needs at least 576 bytes');
  });
});
