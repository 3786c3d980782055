// Tier 2: getIfTable2 / getIfEntry2 in real Windows Node + koffi under Wine, against
// the stand-in iphlpapi.dll, which serves the same C-made MIB_IF_ROW2 rows as the
// fixtures (fixtures/c/rows-if2.h): the expected rows are the ones C printed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STRUCTS } from '../../src/structs/index.js';
import { beforeAll, expect, it } from 'vitest';
import { root } from '../helpers.js';
import { describeWithTools, wineTools } from './support.js';
import { runWindowsNode, type Attempt } from './windows-node.js';

type Rows = Record<string, unknown>[];
interface Report {
  crashed?: unknown;
  koffiLayouts: { name: string; same: boolean }[];
  [scenario: string]: unknown;
}
type Outcome = { sync: Attempt<Rows>; async: Attempt<Rows>; counters: { handedOut: number; freed: number; outstanding: number; badFrees: number } };

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(root, 'fixtures', 'c', 'structs', 'MIB_IF_ROW2', `${name}.json`), 'utf8')) as { rows?: Rows; error?: { row: number; field: string; raw: number } };

describeWithTools('getIfTable2 / getIfEntry2 in Windows Node under Wine (stand-in iphlpapi.dll)', wineTools, () => {
  let r: Report;
  const at = (key: string) => r[key] as Outcome;
  beforeAll(async () => {
    r = (await runWindowsNode<Report>('adapters.cjs')).report;
    expect(r.crashed).toBeUndefined();
  });

  it('koffi places every member of every declared struct where the pure layout does', () => {
    expect(r.koffiLayouts).toEqual(STRUCTS.map(({ name }) => ({ name, same: true })));
    expect(r.koffiLayouts.length).toBeGreaterThanOrEqual(10); // the five tables' structs, the four connection rows, MIB_TCPROW
  });

  it.each([
    ['realistic', 'if2-realistic'],
    ['if2-extremes', 'if2-extremes'],
    ['if2-statuses', 'if2-statuses'],
  ])('scenario %s: sync and async rows equal what C printed for %s; the table is freed once', (scenario, name) => {
    const expected = fixture(name).rows!;
    expect(at(scenario).sync.ok).toEqual(expected);
    expect(at(scenario).async.ok).toEqual(expected);
    expect(at(scenario).counters).toEqual({ handedOut: 2, freed: 2, outstanding: 0, badFrees: 0 });
  });

  it('an empty table is [], freed', () => {
    expect(at('empty').sync.ok).toEqual([]);
    expect(at('empty').async.ok).toEqual([]);
    expect(at('empty').counters).toMatchObject({ outstanding: 0, badFrees: 0 });
  });

  it('a row the schema rejects: ERR_IPINTERFACE_INVALID_ROW naming row, field and raw value, and the table is still freed', () => {
    const { error } = fixture('if2-bad-oper-status');
    for (const attempt of [at('if2-bad-oper-status').sync, at('if2-bad-oper-status').async]) {
      expect(attempt.error).toMatchObject({ code: 'ERR_IPINTERFACE_INVALID_ROW', rowIndex: error!.row, field: error!.field, rawValue: error!.raw });
    }
    expect(at('if2-bad-oper-status').counters).toEqual({ handedOut: 2, freed: 2, outstanding: 0, badFrees: 0 });
  });

  it.each([
    ['null-table', 'ERR_IPHLPAPI_BAD_RESULT'],
    ['huge-count', 'ERR_IPHLPAPI_BAD_RESULT'],
    ['error:8', 'ERROR_NOT_ENOUGH_MEMORY'],
    ['error:50', 'ERROR_NOT_SUPPORTED'],
  ])('%s: a coded error (%s) from GetIfTable2, nothing leaked', (scenario, code) => {
    for (const attempt of [at(scenario).sync, at(scenario).async]) expect(attempt.error).toMatchObject({ code, syscall: 'GetIfTable2' });
    expect(at(scenario).counters).toMatchObject({ outstanding: 0, badFrees: 0 });
  });

  it('ERROR_NOT_FOUND from the table is an empty list', () => {
    expect(at('error:1168').sync.ok).toEqual([]);
  });

  it('getIfEntry2 by index and by LUID, sync and async, gives the table row', () => {
    const rows = fixture('if2-realistic').rows!;
    const entries = r.entries as Record<string, Record<string, Attempt<Record<string, unknown>>>>;
    expect(Object.keys(entries)).toHaveLength(rows.length);
    for (const row of rows) {
      const e = entries[String(row.interfaceIndex)]!;
      for (const how of ['byIndex', 'byLuid', 'byIndexAsync', 'byLuidAsync']) expect(e[how]!.ok, how).toEqual(row);
    }
  });

  it('getIfEntry2 errors: the system\'s coded error for a missing interface; a TypeError for a bad argument; schema errors; access denied', () => {
    expect(r.missingIndex).toMatchObject({ error: { code: 'ERROR_FILE_NOT_FOUND', errno: 2, syscall: 'GetIfEntry2' } });
    expect(r.missingLuid).toMatchObject({ error: { code: 'ERROR_FILE_NOT_FOUND', errno: 2, syscall: 'GetIfEntry2' } });
    expect(r.badArgument).toMatchObject({ error: { isTypeError: true } });
    expect(r.badEntry).toMatchObject({ error: { code: 'ERR_IPINTERFACE_INVALID_ROW', field: 'operStatus', rawValue: 0 } });
    expect(r.deniedEntry).toMatchObject({ error: { code: 'ERROR_ACCESS_DENIED', errno: 5 } });
  });

  it('1,000 mixed sync/async calls: every table handed out freed exactly once', () => {
    const { outcomes, counters } = r.mixed as { outcomes: Record<string, number>; counters: Outcome['counters'] };
    expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(1000);
    expect(outcomes['rows:8']).toBeGreaterThan(0);
    expect(outcomes.ERR_IPINTERFACE_INVALID_ROW).toBeGreaterThan(0);
    expect(counters.outstanding).toBe(0);
    expect(counters.badFrees).toBe(0);
    expect(counters.freed).toBe(counters.handedOut);
  });
});
