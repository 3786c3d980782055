// Tier 2: createUnicastAddress / setUnicastAddress / deleteUnicastAddress in real Windows Node +
// koffi under Wine, against the stand-in iphlpapi.dll, which keeps the addresses it is given in
// memory (Wine 8 exports none of these writers). The row each create hands Windows is compared byte
// for byte with the one C built (fixtures/c/writes.c: InitializeUnicastIpAddressEntry's documented
// row, then the same members, through the real header); the address shows up in the table, the
// entry and the change feed, and goes away.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { root } from '../helpers.js';
import { describeWithTools, wineTools } from './support.js';
import { runWindowsNode, type Attempt } from './windows-node.js';

type Row = Record<string, unknown>;
type Change = { before: Row | null; after: Row | null };

const dir = join(root, 'fixtures', 'c', 'structs', 'MIB_UNICASTIPADDRESS_ROW');
const CASES = readdirSync(dir)
  .filter((f) => f.startsWith('write-') && f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { name: string; input: Row });

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
  createAsync: Attempt<Change>;
  unknownInterface: Attempt<Change>;
  changes: { type: string; address: string }[];
  calls: { create: number; set: number; delete: number };
  denied: Attempt<Change>;
}

describeWithTools('unicast address writes in Windows Node under Wine (stand-in iphlpapi.dll)', wineTools, () => {
  let r: Report;
  beforeAll(async () => {
    r = (await runWindowsNode<Report>('address-writes.cjs', { args: [JSON.stringify(CASES)], timeoutMs: 110_000 })).report;
    expect(r.crashed).toBeUndefined();
  }, 120_000);

  it('has the C-made rows', () => expect(CASES.length).toBeGreaterThanOrEqual(5));

  it.each(CASES.map((c) => c.name))('%s: the row CreateUnicastIpAddressEntry receives is the one C built, byte for byte', (name) => {
    expect(r.rows[name]!.received).toBe(readFileSync(join(dir, `${name}.bin`)).toString('hex'));
    expect(r.rows[name]!.result.error).toBeUndefined();
  });

  it('create: read back, in the table and the entry; again: ERROR_OBJECT_ALREADY_EXISTS; replace changes it', () => {
    expect(r.create.ok).toMatchObject({ before: null, after: { address: '10.0.0.5', onLinkPrefixLength: 24, interfaceIndex: 12 } });
    expect(r.afterCreate.table).toHaveLength(1);
    expect(r.afterCreate.entry.ok).toEqual(r.create.ok!.after);
    expect(r.createAgain.error).toMatchObject({ code: 'ERROR_OBJECT_ALREADY_EXISTS', errno: 5010, syscall: 'CreateUnicastIpAddressEntry' });
    expect(r.createAgain.error!.message).toContain('address 10.0.0.5/24 on interface 12');
    expect(r.replace.ok).toMatchObject({ after: { validLifetime: 7200, preferredLifetime: 3600 } });
  });

  it('set (async), delete returns the deleted row and it is gone; again ERROR_NOT_FOUND or null', () => {
    expect(r.set.ok).toMatchObject({ before: { skipAsSource: false }, after: { skipAsSource: true } });
    expect(r.delete.ok).toEqual(r.set.ok!.after);
    expect(r.afterDelete.table).toEqual([]);
    expect(r.deleteAgain.error).toMatchObject({ code: 'ERROR_NOT_FOUND', syscall: 'DeleteUnicastIpAddressEntry' });
    expect(r.deleteIgnore).toEqual({ ok: null });
  });

  it('IPv6 async; unknown interface ERROR_NOT_FOUND; not elevated ERROR_ACCESS_DENIED saying so', () => {
    expect(r.createAsync.ok).toMatchObject({ before: null, after: { address: '2001:db8:1::5', onLinkPrefixLength: 64, interfaceIndex: 17 } });
    expect(r.unknownInterface.error).toMatchObject({ code: 'ERROR_NOT_FOUND' });
    expect(r.denied.error).toMatchObject({ code: 'ERROR_ACCESS_DENIED', errno: 5 });
    expect(r.denied.error!.message).toMatch(/changing addresses needs administrator rights/);
  });

  it('every write shows up on watchUnicastAddresses: the add, the changes, the delete', () => {
    const ours = r.changes.filter((c) => c.address === '10.0.0.5').map((c) => c.type);
    expect(ours[0]).toBe('add');
    expect(ours.at(-1)).toBe('delete');
    expect(ours.slice(1, -1).every((t) => t === 'parameter-change')).toBe(true);
    expect(ours.length).toBeGreaterThanOrEqual(3);
    expect(r.changes.some((c) => c.address === '2001:db8:1::5' && c.type === 'add')).toBe(true);
  });
});
