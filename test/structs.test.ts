// Every declared struct that has C-made fixtures (fixtures/c/structs/<NAME>/, written by
// fixtures/c/tables-*.c through the real headers): decoding each table equals what C
// printed from its structs; invalid tables fail naming the row, member and raw value;
// and in each "-distinct" table no two members of one kind agree in every row, so a
// member read at another's offset cannot pass.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IpInterfaceDecodeError } from '../src/errors.js';
import { decodeTable, readTable, type Struct } from '../src/struct/define.js';
import { STRUCTS } from '../src/structs/index.js';
import { root } from './helpers.js';

interface Fixture {
  numEntries: number;
  rows?: Record<string, unknown>[];
  error?: { row: number; field: string; raw: number };
}

/** Structs of tables (a row struct alone, like SetTcpEntry's MIB_TCPROW, has its own C-made row: test/connections.test.ts). */
const TABLE_STRUCTS = (STRUCTS as readonly Struct[]).filter((s) => s.decl.table !== undefined);
const withFixtures = TABLE_STRUCTS.filter((s) => existsSync(join(root, 'fixtures', 'c', 'structs', s.name)));

/** Whether bytes can make a row of the struct invalid (an enum with no name for a value, an address of another family, a length larger than its array). */
const canBeInvalid = (struct: Struct) => struct.layout().fields.some((f) => ['enum', 'sockaddr', 'prefix', 'bytes'].includes(f.kind.t));

/** 64-bit members: C prints them as decimal strings (JSON numbers lose precision above 2^53). */
function reviver(struct: Struct) {
  const big = new Set(struct.layout().fields.filter((f) => (f.kind.t === 'uint' || f.kind.t === 'int') && f.kind.size === 8).map((f) => f.key));
  return (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, big.has(k) ? BigInt(v as string) : v]));
}

const json = (value: unknown) => JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));

/** Where each struct's distinct-value table lives (MIB_IPINTERFACE_ROW's fixtures predate fixtures/c/structs/). */
function distinctTable(struct: Struct): { bin: string; json: string } | undefined {
  const dir = join(root, 'fixtures', 'c', 'structs', struct.name);
  if (struct.name === 'MIB_IPINTERFACE_ROW') return { bin: join(root, 'fixtures', 'c', 'tables', 'distinct.bin'), json: join(root, 'fixtures', 'c', 'tables', 'distinct.json') };
  if (!existsSync(dir)) return undefined;
  const name = readdirSync(dir).find((f) => f.endsWith('-distinct.bin'));
  return name ? { bin: join(dir, name), json: join(dir, name.replace(/\.bin$/, '.json')) } : undefined;
}

describe('every declared struct, now and later, has a C-made distinct-value table that pins every member to its offset', () => {
  it.each(TABLE_STRUCTS.map((s) => [s.name, s] as const))('%s', (_name, struct) => {
    const table = distinctTable(struct);
    expect(table, `${struct.name} has no C-made *-distinct table: add one to fixtures/c (see tables-net.c)`).toBeDefined();
    const rows = readTable<Record<string, unknown>>(struct, new Uint8Array(readFileSync(table!.bin)));
    expect(rows.length).toBeGreaterThan(1);
    // Every member of one kind must differ from every other member of that kind in at least one row.
    const fields = struct.layout().fields.filter((f) => f.kind.t !== 'flags');
    for (const a of fields) {
      for (const b of fields) {
        if (a === b || a.kind.t !== b.kind.t) continue;
        expect(rows.every((r) => json(r[a.key]) === json(r[b.key])), `${struct.name}: ${a.key} and ${b.key} are equal in every row`).toBe(false);
      }
      // Arrays and bit groups: their elements must not all move together either.
      if (a.kind.t === 'array' || a.kind.t === 'bits') {
        const parts = (r: Record<string, unknown>) => Object.values(r[a.key] as object).map(json);
        const n = parts(rows[0]!).length;
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(rows.every((r) => parts(r)[i] === parts(r)[j]), `${struct.name}.${a.key}[${i}] and [${j}]`).toBe(false);
      }
    }
  });
});

describe.each(withFixtures.map((s) => [s.name, s] as const))('%s on C-made tables', (name, struct) => {
  const dir = join(root, 'fixtures', 'c', 'structs', name);
  const names = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
  const fixture = (n: string): Fixture => JSON.parse(readFileSync(join(dir, `${n}.json`), 'utf8'));
  const bytes = (n: string) => new Uint8Array(readFileSync(join(dir, `${n}.bin`)));
  const good = names.filter((n) => fixture(n).rows);
  const bad = names.filter((n) => fixture(n).error);

  it('has realistic, distinct, empty and (where bytes can make a row invalid) invalid tables', () => {
    expect(good.some((n) => n.endsWith('-realistic'))).toBe(true);
    expect(good.some((n) => n.endsWith('-distinct'))).toBe(true);
    expect(good.some((n) => n.endsWith('-empty'))).toBe(true);
    if (canBeInvalid(struct)) expect(bad.length).toBeGreaterThanOrEqual(2);
  });

  it.each(names.filter((n) => (fixture(n) as { truncated?: boolean }).truncated))('%s: NumEntries claims more rows than the bytes hold: ERR_IPINTERFACE_TRUNCATED, no row read', (n) => {
    expect(() => decodeTable(struct, bytes(n))).toThrow(expect.objectContaining({ code: 'ERR_IPINTERFACE_TRUNCATED' }));
  });

  it.each(good)('%s: every member of every row equals what C printed, keys in header order', (n) => {
    const rows = decodeTable(struct, bytes(n));
    const expected = fixture(n);
    expect(rows).toHaveLength(expected.numEntries);
    expect(rows).toStrictEqual(expected.rows!.map(reviver(struct)));
    for (const row of rows) expect(Object.keys(row)).toEqual(struct.keys);
  });

  it.each(bad)('%s: rejected, naming the row, the member and the raw value', (n) => {
    const { error } = fixture(n);
    let thrown: unknown;
    try {
      decodeTable(struct, bytes(n));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(IpInterfaceDecodeError);
    expect(thrown).toMatchObject({ code: 'ERR_IPINTERFACE_INVALID_ROW', rowIndex: error!.row, field: error!.field, rawValue: error!.raw });
  });

  it('the -distinct table: no two members of one kind hold the same value in every row', () => {
    const rows = readTable<Record<string, unknown>>(struct, bytes(good.find((n) => n.endsWith('-distinct'))!));
    const fields = struct.layout().fields.filter((f) => f.kind.t !== 'flags');
    for (const a of fields) {
      for (const b of fields) {
        if (a === b || a.kind.t !== b.kind.t) continue;
        expect(rows.every((r) => json(r[a.key]) === json(r[b.key])), `${a.key} and ${b.key} are equal in every row`).toBe(false);
      }
    }
  });

  it('every row the schema accepts; the decoded-row schema and the full one agree on them', () => {
    for (const n of good) for (const row of decodeTable(struct, bytes(n))) expect(struct.schema().safeParse(row).success).toBe(true);
  });
});
