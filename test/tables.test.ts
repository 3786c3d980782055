// Every registered table (src/tables/index.ts), now and later: its public functions exist and
// are the ones its declaration derives; its rows round-trip through a capture to what the C
// compiler printed; its CLI view exists and shows those rows; its reference page is current.
// And what the declarations derive per row — readers, member writers, key readers, family
// readers — gives the same answers compiled and interpreted (where code generation is refused),
// on the C-made fixtures.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { decodeCapture, encodeCaptureTables } from '../src/index.js';
import { VIEWS } from '../src/cli/views.js';
import { allowsEval } from '../src/struct/codegen.js';
import type { Struct } from '../src/struct/define.js';
import { readTable } from '../src/struct/define.js';
import { memberWriter } from '../src/struct/writer.js';
import { defineTable, type Table } from '../src/table/define.js';
import { tableReference } from '../src/table/docs.js';
import { TABLES } from '../src/tables/index.js';
import { root } from './helpers.js';

/** Where a struct's C-made fixtures are (MIB_IPINTERFACE_ROW's predate fixtures/c/structs/). */
function fixtureDir(struct: Struct): string {
  return struct.name === 'MIB_IPINTERFACE_ROW' ? join(root, 'fixtures', 'c', 'tables') : join(root, 'fixtures', 'c', 'structs', struct.name);
}
function fixture(struct: Struct, suffix: string): { bytes: Uint8Array; rows: Record<string, unknown>[] | undefined } {
  const dir = fixtureDir(struct);
  const name = readdirSync(dir).find((f) => f.endsWith(`${suffix}.json`))!.slice(0, -5);
  const json = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as { rows?: Record<string, unknown>[] };
  return { bytes: new Uint8Array(readFileSync(join(dir, `${name}.bin`))), rows: json.rows };
}
/** Every good C-made table of a struct (the ones C printed rows for). */
function goodFixtures(struct: Struct): { name: string; bytes: Uint8Array }[] {
  const dir = fixtureDir(struct);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { rows?: unknown }).rows)
    .map((f) => ({ name: f.slice(0, -5), bytes: new Uint8Array(readFileSync(join(dir, `${f.slice(0, -5)}.bin`))) }));
}
/** C prints 64-bit values as decimal strings; JSON of rows with bigints as strings compares with it. */
const asC = (rows: unknown) => JSON.parse(JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));

const tables = TABLES.map((t) => [t.name, t] as const);

/** A row's family as its C-printed text shows it: the ADDRESS_FAMILY name, or IPv6 text (with a colon) vs IPv4 text. */
function expectedFamily(table: Table, row: Record<string, unknown>): string | undefined {
  if (table.decl.family === undefined) return undefined;
  const value = row[table.decl.family];
  if (value === 'ipv4' || value === 'ipv6') return value;
  const text = typeof value === 'object' && value !== null ? (value as { address: string }).address : String(value);
  return text.includes(':') ? 'ipv6' : 'ipv4';
}

/** Every row of a table's bytes through a given reader. */
function readTableWith(struct: Struct, bytes: Uint8Array, read: ReturnType<Struct['reader']>): Record<string, unknown>[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { firstRowOffset, rowSize } = struct.layout();
  return Array.from({ length: view.getUint32(0, true) }, (_, i) => read(view, firstRowOffset + i * rowSize));
}

describe.each(tables)('table %s', (_name, table) => {
  const { api: names } = table.decl;

  it('its public functions and schema are exported, and are the ones its declaration derives', () => {
    const exports = api as unknown as Record<string, unknown>;
    expect(exports[names.get]).toBe(table.get);
    expect(exports[names.getAsync]).toBe(table.getAsync);
    // One struct per family: its decoder takes the family too (decodeTcpTable(bytes, 'ipv6')).
    if (table.structs.length === 1) expect(exports[names.decode]).toBe(table.decode);
    else expect(typeof exports[names.decode]).toBe('function');
    if (names.decodeRow) expect(exports[names.decodeRow]).toBe(table.decodeRow);
    if (names.entry) expect(exports[names.entry]).toBe(table.entry);
    if (names.entryAsync) expect(exports[names.entryAsync]).toBe(table.entryAsync);
    expect(typeof (exports[names.schema] as { safeParse?: unknown }).safeParse).toBe('function');
    if (table.decl.notify) {
      expect(typeof exports[names.watch!]).toBe('function');
      expect((exports[names.watcher!] as { name: string }).name).toBe(names.watcher);
    }
  });

  /** Each of the table's structs' C-made realistic table (IPv4's first), and every row C printed. */
  const realistic = () => {
    const parts = table.structs.map((struct) => ({ struct, ...fixture(struct, 'realistic') }));
    return { inputs: parts.map((p) => ({ struct: p.struct.name, bytes: p.bytes })), rows: parts.flatMap((p) => p.rows!) };
  };

  it('its rows round-trip through a capture (encode → decode) to what the C compiler printed', () => {
    const { inputs, rows } = realistic();
    const file = encodeCaptureTables(inputs, { family: 'all', capturedAt: new Date(0) });
    const capture = decodeCapture(file) as unknown as Record<string, unknown> & { tables: Record<string, { rows: unknown[] }> };
    expect(asC(table.structs.flatMap((s) => capture.tables[s.name]!.rows))).toEqual(rows);
    expect(asC(capture[table.decl.capture])).toEqual(rows);
  });

  it('its CLI view exists and shows the captured rows', () => {
    const view = VIEWS.get(table.decl.view!.command)!;
    expect(view.table).toBe(table);
    const { inputs, rows } = realistic();
    const capture = decodeCapture(encodeCaptureTables(inputs, { family: 'all' }));
    const shown = view.fromCapture(capture, { family: 'all', positionals: [] }) as Record<string, unknown>[];
    const keysOf = (r: Record<string, unknown>) => Object.keys(rows.find((c) => c.family === r.family) ?? rows[0]!);
    expect(asC(shown.map((r) => Object.fromEntries(keysOf(r).map((k) => [k, r[k]]))))).toEqual(rows);
    for (const column of view.columns) expect(view.fields).toContain(column.field);
  });

  it('its reference page docs/tables/NAME.md is current (npm run docs regenerates it)', () => {
    const page = join(root, 'docs', 'tables', `${table.name}.md`);
    expect(existsSync(page), page).toBe(true);
    expect(readFileSync(page, 'utf8')).toBe(tableReference(table));
  });

  it('the family of each row and the notified key: the same compiled and interpreted, and what the full reader reads', () => {
    const built = (allowsEval() ? (['compiled', 'interpreted'] as const) : (['interpreted'] as const)).map((mode) => defineTable(table.decl, mode) as Table);
    const { bytes } = fixture(table.struct, 'realistic');
    const rows = readTable<Record<string, unknown>>(table.struct, bytes);
    const { firstRowOffset, rowSize } = table.struct.layout();
    rows.forEach((row, i) => {
      const family = built[0]!.familyOf(row);
      for (const t of built) expect(t.familyOf(row)).toBe(family);
      expect(family).toBe(expectedFamily(table, row));
      if (!table.decl.notify) return;
      const key = built[0]!.notifiedKey(bytes.subarray(firstRowOffset + i * rowSize, firstRowOffset + (i + 1) * rowSize));
      for (const t of built) expect(t.notifiedKey(bytes.subarray(firstRowOffset + i * rowSize, firstRowOffset + (i + 1) * rowSize))).toStrictEqual(key);
      expect(key.family).toBe(family);
      for (const k of table.decl.key) if (!(k === 'nextHop' && row[k] === '')) expect(key[k], k).toStrictEqual(row[k]);
      for (const t of built) expect(t.changeId(key)).toBe(built[0]!.changeId(key));
    });
  });
});

describe('the registry', () => {
  it('lists each struct once, and each view, capture slot and reference page once', () => {
    for (const pick of [(t: Table) => t.structs.map((s) => s.name), (t: Table) => [t.decl.capture], (t: Table) => [t.name], (t: Table) => [t.decl.view?.command]]) {
      const values = TABLES.flatMap(pick);
      expect(new Set(values).size).toBe(values.length);
    }
  });
});

describe('capture files written by earlier releases still read', () => {
  it('format version 1 (fixtures/captures/v1-realistic.ipcap): the C-made interface table', () => {
    const file = new Uint8Array(readFileSync(join(root, 'fixtures', 'captures', 'v1-realistic.ipcap')));
    const capture = decodeCapture(file);
    expect(capture.version).toBe(1);
    expect(asC(capture.rows)).toEqual(fixture(TABLES[0]!.struct, 'realistic').rows);
    expect(Object.values(capture.metadata.interfaces ?? {})).toEqual([{ alias: 'Wi-Fi', name: 'wireless_32768' }]);
    expect(Object.keys(capture.tables)).toEqual(['MIB_IPINTERFACE_ROW']);
  });

  it('format version 2 (fixtures/captures/v2-laptop.ipcap): the five C-made tables it was written with', () => {
    const capture = decodeCapture(new Uint8Array(readFileSync(join(root, 'fixtures', 'captures', 'v2-laptop.ipcap'))));
    expect(capture.version).toBe(2);
    expect(Object.keys(capture.tables)).toEqual(['MIB_IPINTERFACE_ROW', 'MIB_IF_ROW2', 'MIB_UNICASTIPADDRESS_ROW', 'MIB_IPFORWARD_ROW2', 'MIB_IPNET_ROW2']);
    for (const table of TABLES.filter((t) => capture.tables[t.struct.name])) {
      expect(asC(capture.tables[table.struct.name]!.rows), table.name).toEqual(fixture(table.struct, 'realistic').rows);
    }
  });
});

describe('compiled and interpreted code give the same answers', () => {
  it(`this process ${allowsEval() ? 'allows' : 'refuses'} code generation from strings, as its project says (pure-no-eval refuses it)`, () => {
    expect(allowsEval()).toBe(process.env.IPINTERFACE_EXPECT_NO_EVAL !== '1');
  });

  describe.each(TABLES.flatMap((t) => t.structs).map((s) => [s.name, s] as const))('%s', (_name, struct) => {
    it('readers: every C-made table reads the same both ways (where code generation is refused: the interpreted one is the one used)', () => {
      if (!allowsEval()) {
        expect(() => struct.reader('compiled')).toThrow(EvalError);
        for (const { bytes } of goodFixtures(struct)) expect(readTable(struct, bytes)).toStrictEqual(readTableWith(struct, bytes, struct.reader('interpreted')));
        return;
      }
      for (const { name, bytes } of goodFixtures(struct)) {
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        const { firstRowOffset, rowSize } = struct.layout();
        const count = view.getUint32(0, true);
        for (let i = 0, b = firstRowOffset; i < count; i++, b += rowSize) {
          expect(struct.reader('interpreted')(view, b), `${name} row ${i}`).toStrictEqual(struct.reader('compiled')(view, b));
        }
      }
    });

    it('the decoded-row check (what decoding runs per row) gives the decoded-row zod schema\'s verdict on 2,000 rows of random bytes', () => {
      let seed = 0x2545f491 ^ struct.layout().rowSize;
      const random = () => {
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        return seed >>> 0;
      };
      const { rowSize } = struct.layout();
      const checks = allowsEval() ? [struct.decodedCheck('compiled'), struct.decodedCheck('interpreted')] : [struct.decodedCheck('interpreted')];
      const families = [0, 2, 23, 2, 23, 7];
      const real = fixture(struct, 'realistic').bytes;
      const realRows = new DataView(real.buffer, real.byteOffset).getUint32(0, true);
      let rejected = 0;
      for (let n = 0; n < 2000; n++) {
        // Half the rows: random bytes; the other half: a C-made row with eight random bytes changed.
        const bytes = new Uint8Array(rowSize);
        if (n % 2 === 0) for (let i = 0; i < rowSize; i++) bytes[i] = random() & (n % 4 === 0 ? 0xff : 0x07);
        else {
          const at = struct.layout().firstRowOffset + (n % realRows) * rowSize;
          bytes.set(real.subarray(at, at + rowSize));
          for (let k = 0; k < 8; k++) bytes[random() % rowSize] = random() & 0xff;
        }
        const view = new DataView(bytes.buffer);
        // Addresses of every family (and of none) in each SOCKADDR_INET / IP_ADDRESS_PREFIX member.
        if (n % 2 === 0) for (const f of struct.layout().fields) if (f.kind.t === 'sockaddr' || f.kind.t === 'prefix') view.setUint16(f.offset, families[random() % families.length]!, true);
        const row = struct.reader()(view, 0);
        const verdict = struct.decodedSchema().safeParse(row).success;
        for (const check of checks) expect(check(row)).toBe(verdict);
        if (!verdict) rejected++;
      }
      // (A struct whose bytes cannot make a row invalid — UDP endpoints: addresses, ports and numbers only — rejects none.)
      const canBeInvalid = struct.layout().fields.some((f) => ['enum', 'sockaddr', 'prefix', 'bytes'].includes(f.kind.t));
      if (canBeInvalid) expect(rejected).toBeGreaterThan(0);
      else expect(rejected).toBe(0);
      expect(rejected).toBeLessThan(2000);
    });

    it('member writers: a row written from its decoded members reads back the same, and plain members are the bytes C wrote', () => {
      const layout = struct.layout();
      const { bytes } = fixture(struct, 'distinct');
      const rows = readTable<Record<string, unknown>>(struct, bytes);
      const writers = (allowsEval() ? (['compiled', 'interpreted'] as const) : (['interpreted', 'interpreted'] as const)).map((mode) => memberWriter(layout, struct.keys, struct.name, mode));
      rows.forEach((row, i) => {
        const original = bytes.subarray(layout.firstRowOffset + i * layout.rowSize, layout.firstRowOffset + (i + 1) * layout.rowSize);
        const written = writers.map((write) => {
          const out = new Uint8Array(layout.rowSize).fill(0xcc);
          write(new DataView(out.buffer), 0, row);
          return out;
        });
        expect(written[1]).toEqual(written[0]);
        expect(struct.reader()(new DataView(written[0]!.buffer), 0)).toStrictEqual(row);
        for (const f of layout.fields) {
          // A BOOLEAN holds any non-zero value for true (the C fixtures use 2 as well): written back as 1.
          if (f.kind.t === 'bool') expect(written[0]![f.offset] !== 0, `${struct.name} row ${i} ${f.cName}`).toBe(original[f.offset] !== 0);
          if (['uint', 'int', 'enum', 'array', 'guid'].includes(f.kind.t)) {
            expect(written[0]!.subarray(f.offset, f.offset + f.size), `${struct.name} row ${i} ${f.cName}`).toEqual(original.subarray(f.offset, f.offset + f.size));
          }
        }
      });
    });
  });
});
