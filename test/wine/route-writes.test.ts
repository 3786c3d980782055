// Tier 2: createRoute / setRoute / deleteRoute in real Windows Node + koffi under Wine, against the
// stand-in iphlpapi.dll, which keeps the routes it is given in memory (Wine 8 exports none of these
// writers). The row each write hands Windows is compared byte for byte with the one C built from
// Wine's own InitializeIpForwardEntry and the same members (fixtures/c/writes.c); the route shows up
// in the table, the entry and the change feed, and goes away.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { root } from '../helpers.js';
import { describeWithTools, wineTools } from './support.js';
import { runWindowsNode, type Attempt } from './windows-node.js';

type Row = Record<string, unknown> & { metric: number; destinationPrefix: { address: string; prefixLength: number } };
type Change = { before: Row | null; after: Row | null };

const dir = join(root, 'fixtures', 'c', 'structs', 'MIB_IPFORWARD_ROW2');
const CASES = readdirSync(dir)
  .filter((f) => f.startsWith('write-') && f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { name: string; input: Record<string, unknown> });
const bytesOf = (name: string) => readFileSync(join(dir, `${name}.bin`)).toString('hex');

interface Report {
  crashed?: unknown;
  rows: Record<string, { result: Attempt<Change>; received: string }>;
  create: Attempt<Change>;
  afterCreate: { table: Row[]; entry: Attempt<Row> };
  createAgain: Attempt<Change>;
  replace: Attempt<Change>;
  set: Attempt<Change>;
  delete: Attempt<Row | null>;
  afterDelete: { table: Row[]; entry: Attempt<Row> };
  deleteAgain: Attempt<Row | null>;
  deleteIgnore: Attempt<Row | null>;
  setMissing: Attempt<Change>;
  createAsync: Attempt<Change>;
  unknownInterface: Attempt<Change>;
  changes: { type: string; prefix: { address: string }; metric?: number }[];
  calls: { create: number; set: number; delete: number };
  denied: { create: Attempt<Change>; delete: Attempt<Row | null> };
  invalid: Attempt<Change>;
}

describeWithTools('route writes in Windows Node under Wine (stand-in iphlpapi.dll)', wineTools, () => {
  let r: Report;
  beforeAll(async () => {
    r = (await runWindowsNode<Report>('route-writes.cjs', { args: [JSON.stringify(CASES.map(({ name, input }) => ({ name, input })))], timeoutMs: 110_000 })).report;
    expect(r.crashed).toBeUndefined();
  }, 120_000);

  it('has the C-made rows', () => expect(CASES.length).toBeGreaterThanOrEqual(6));

  it.each(CASES.map((c) => c.name))('%s: the row CreateIpForwardEntry2 receives is the one C built, byte for byte', (name) => {
    expect(r.rows[name]!.received).toBe(bytesOf(name));
  });

  it('create: { before: null, after } read back; the route is in the table and the entry', () => {
    expect(r.create.ok).toMatchObject({ before: null, after: { destinationPrefix: { address: '10.99.0.0', prefixLength: 16 }, nextHop: '192.168.1.1', interfaceIndex: 12, metric: 7 } });
    expect(r.afterCreate.table).toHaveLength(1);
    expect(r.afterCreate.entry.ok).toEqual(r.create.ok!.after);
  });

  it('create of an existing route: ERROR_OBJECT_ALREADY_EXISTS naming the route; ifExists replace changes it', () => {
    expect(r.createAgain.error).toMatchObject({ code: 'ERROR_OBJECT_ALREADY_EXISTS', errno: 5010, syscall: 'CreateIpForwardEntry2' });
    expect(r.createAgain.error!.message).toContain('10.99.0.0/16 via 192.168.1.1 on interface 12');
    expect(r.replace.ok).toMatchObject({ before: { metric: 7 }, after: { metric: 9 } });
  });

  it('set (async): { before, after }; of a missing route: ERROR_NOT_FOUND', () => {
    expect(r.set.ok).toMatchObject({ before: { metric: 9 }, after: { metric: 11, validLifetime: 3600, preferredLifetime: 1800 } });
    expect(r.setMissing.error).toMatchObject({ code: 'ERROR_NOT_FOUND', errno: 1168 });
  });

  it('delete returns the deleted row; the route is gone; again: ERROR_NOT_FOUND, or null with ifMissing ignore', () => {
    expect(r.delete.ok).toEqual(r.set.ok!.after);
    expect(r.afterDelete.table).toEqual([]);
    expect(r.afterDelete.entry.error).toMatchObject({ code: 'ERROR_NOT_FOUND' });
    expect(r.deleteAgain.error).toMatchObject({ code: 'ERROR_NOT_FOUND', syscall: 'DeleteIpForwardEntry2' });
    expect(r.deleteIgnore).toEqual({ ok: null });
  });

  it('an IPv6 route async; an unknown interface is ERROR_NOT_FOUND', () => {
    expect(r.createAsync.ok).toMatchObject({ before: null, after: { destinationPrefix: { address: '2001:db8:77::', prefixLength: 48 }, nextHop: 'fe80::1', interfaceIndex: 17 } });
    expect(r.unknownInterface.error).toMatchObject({ code: 'ERROR_NOT_FOUND' });
  });

  it('every write shows up on watchRoutes: the add, the changes (the feed may merge the two), the delete', () => {
    const ours = r.changes.filter((c) => c.prefix.address === '10.99.0.0').map((c) => c.type);
    expect(ours[0]).toBe('add');
    expect(ours.at(-1)).toBe('delete');
    const between = ours.slice(1, -1);
    expect(between.length).toBeGreaterThanOrEqual(1);
    expect(between.every((t) => t === 'parameter-change')).toBe(true);
    expect(r.changes.some((c) => c.prefix.address === '2001:db8:77::' && c.type === 'add')).toBe(true);
  });

  it('as a non-administrator: ERROR_ACCESS_DENIED saying so; ERROR_INVALID_PARAMETER lists the values written', () => {
    expect(r.denied.create.error).toMatchObject({ code: 'ERROR_ACCESS_DENIED', errno: 5 });
    expect(r.denied.create.error!.message).toMatch(/administrator/);
    expect(r.denied.delete.error).toMatchObject({ code: 'ERROR_ACCESS_DENIED' });
    expect(r.invalid.error).toMatchObject({ code: 'ERROR_INVALID_PARAMETER' });
    expect(r.invalid.error!.message).toMatch(/values written: metric=7/);
  });
});
