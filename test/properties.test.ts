// Property-based tests (fast-check): the classes of defect issue 20 found by hand, searched for
// by generated input rather than listed case by case.
//   1. every table kind: arbitrary rows of every member kind (strings of every code point class,
//      address families, prefix lengths, counts, garbage) decode to rows that re-encode
//      consistently, or throw the package's typed error — nothing else;
//   2. arbitrary capture bytes and mutated captures: decoded, or a typed error;
//   3. every CLI view on generated captures: exit 0, 1 or 2, at most one line on stderr, no raw
//      control or bidi character on stdout or stderr;
//   4. every export called with arbitrary values (Proxies, revoked Proxies, throwing getters, huge
//      strings): a result, a TypeError/RangeError naming an argument in a bounded message, or the
//      package's typed error — never an engine error from inside.
// The seed is printed; replay a run with FC_SEED=<seed> (and FC_RUNS=<n> for more runs).
import { fc, test } from '@fast-check/vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { main, type ChangeLike } from '../src/cli/main.js';
import { packKey } from '../src/cli/render.js';
import { IpHelperError, IpInterfaceDecodeError } from '../src/errors.js';
import * as api from '../src/index.js';
import { IpInterfaceCaptureError } from '../src/capture/format.js';
import { decodeTable, type Struct } from '../src/struct/define.js';
import { memberWriter } from '../src/struct/writer.js';
import { TABLES } from '../src/tables/index.js';
import { root } from './helpers.js';

const seed = process.env.FC_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FC_SEED);
const runs = Number(process.env.FC_RUNS ?? 200);
fc.configureGlobal({ seed, numRuns: runs });
console.log(`properties: fast-check seed ${seed}, ${runs} runs each (replay: FC_SEED=${seed} npx vitest run test/properties.test.ts)`);

const scratch = mkdtempSync(join(tmpdir(), 'ipinterface-properties-'));
void ({} as ChangeLike);

/* ---- Generators ---- */

/** UTF-16 code units of every class: ASCII, C0/C1 controls, DEL, bidi controls, invisible characters, CJK, lone and paired surrogates, emoji with ZWJ. */
const codeUnits = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.integer({ min: 1, max: 0x1f }),
  fc.integer({ min: 0x7f, max: 0x9f }),
  fc.constantFrom(0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0xfeff, 0x2028, 0x2029, 0x00ad),
  fc.integer({ min: 0x4e00, max: 0x9fff }),
  fc.integer({ min: 0xd800, max: 0xdfff }),
  fc.constantFrom(0xd83c, 0xdff3, 0xfe0f, 0x200d, 0xd83c, 0xdf08), // 🏳️‍🌈 in pieces
  fc.integer({ min: 0, max: 0xffff }),
);

type Field = ReturnType<Struct['layout']>['fields'][number];

/** Mostly `valid`, sometimes `invalid`: `weight` times likelier (per member) — lower for the decoding property, higher where the views should see rows. */
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>, weight: number) => fc.oneof({ arbitrary: valid, weight }, { arbitrary: invalid, weight: 1 });

/** The bytes one member may hold: kind-aware values (valid ones mostly, then the edges), written over random bytes. */
function memberBytes(field: Field, lengthOf: ReadonlyMap<string, number>, weight: number): fc.Arbitrary<(row: Uint8Array) => void> {
  const { offset, size } = field;
  const put = (bytes: readonly number[]) => (row: Uint8Array) => row.set(bytes.slice(0, size), offset);
  const le = (value: number, n: number) => Array.from({ length: n }, (_, i) => Math.floor(value / 2 ** (8 * i)) & 0xff);
  const kind = field.kind;
  switch (kind.t) {
    case 'enum':
      return mostly(fc.constantFrom(...Object.values(kind.values)), fc.integer({ min: -2, max: 300 }), weight).map((v) => put(le(v >>> 0, kind.size)));
    case 'bool':
      return fc.constantFrom(0, 1, 2, 0x80, 0xff).map((v) => put([v]));
    case 'wstr':
      return fc
        .tuple(fc.array(codeUnits, { maxLength: kind.length - 1 }), mostly(fc.constant(false), fc.constant(true), weight))
        .map(([units, unterminated]) => (row: Uint8Array) => {
          const view = new DataView(row.buffer, row.byteOffset);
          const all = unterminated ? [...units, ...Array<number>(kind.length - units.length).fill(0x41)] : units;
          all.forEach((u, i) => view.setUint16(offset + 2 * i, u === 0 ? 0x41 : u, true));
          if (all.length < kind.length) view.setUint16(offset + 2 * all.length, 0, true);
        });
    case 'sockaddr':
    case 'prefix':
      return fc
        .tuple(mostly(fc.constantFrom(2, 23), fc.constantFrom(0, 7, 0xffff), weight), fc.integer({ min: 0, max: 128 }), fc.constantFrom(33, 129, 255))
        .map(([family, length, tooLong]) => (row: Uint8Array) => {
          new DataView(row.buffer, row.byteOffset).setUint16(offset, family, true);
          if (kind.t === 'prefix') row[offset + 28] = length > (family === 2 ? 32 : 128) ? tooLong : length;
        });
    case 'uint': {
      const capacity = lengthOf.get(field.cName);
      if (capacity !== undefined) return mostly(fc.integer({ min: 0, max: capacity }), fc.integer({ min: capacity + 1, max: 0xffff }), weight).map((v) => put(le(v, size)));
      if (field.cName === 'OnLinkPrefixLength') return mostly(fc.integer({ min: 0, max: 32 }), fc.constantFrom(33, 128, 129, 255), weight).map((v) => put([v]));
      // Small values matter most (counts, lengths); extremes too.
      return fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(32, 33, 128, 129, 255, 256, 257), fc.integer({ min: 0, max: 2 ** 32 - 1 })).map((v) => put(le(v, Math.min(size, 4))));
    }
    default:
      return fc.constant(() => {});
  }
}

/** A table of `struct`: a count (true, or lying), rows of random bytes with kind-aware members, garbage after. */
function tableOf(struct: Struct, weight = 30): fc.Arbitrary<Uint8Array> {
  const layout = struct.layout();
  const lengthOf = new Map(layout.fields.flatMap((f) => (f.kind.t === 'bytes' ? [[f.kind.lengthMember, f.kind.length] as const] : [])));
  const members = fc.tuple(...layout.fields.map((f) => memberBytes(f, lengthOf, weight)));
  const row = fc.tuple(fc.uint8Array({ minLength: layout.rowSize, maxLength: layout.rowSize }), members).map(([bytes, sets]) => {
    const out = bytes.slice();
    for (const set of sets) set(out);
    return out;
  });
  return fc
    .tuple(fc.array(row, { maxLength: 12 }), mostly(fc.constant(0), fc.constantFrom(1, -1, 1000), weight), fc.uint8Array({ maxLength: 16 }))
    .map(([rows, lie, tail]) => {
      const out = new Uint8Array(layout.firstRowOffset + rows.length * layout.rowSize + tail.length);
      new DataView(out.buffer).setUint32(layout.numEntriesOffset, Math.max(0, rows.length + lie), true);
      rows.forEach((r, i) => out.set(r, layout.firstRowOffset + i * layout.rowSize));
      out.set(tail, layout.firstRowOffset + rows.length * layout.rowSize);
      return out;
    });
}

const structs = TABLES.flatMap((t) => t.structs).filter((s, i, all) => all.indexOf(s) === i);

/* ---- 1. decoding ---- */

describe('1. decoding arbitrary tables of every struct', () => {
  for (const struct of structs) {
    const layout = struct.layout();
    const writer = memberWriter(layout, struct.keys as string[], `${struct.name}_property`);
    /** Rows written back into a table (a fresh one: zero padding), as bytes. */
    const encode = (rows: readonly Record<string, unknown>[]) => {
      const out = new Uint8Array(layout.firstRowOffset + Math.max(rows.length, 1) * layout.rowSize);
      const view = new DataView(out.buffer);
      view.setUint32(layout.numEntriesOffset, rows.length, true);
      rows.forEach((r, i) => writer(view, layout.firstRowOffset + i * layout.rowSize, r));
      return out;
    };
    test.prop([tableOf(struct)])(`${struct.name}: rows that re-encode to the same rows and bytes, or the typed error`, (bytes) => {
      let rows: Record<string, unknown>[];
      try {
        rows = decodeTable(struct, bytes) as Record<string, unknown>[];
      } catch (error) {
        expect(error).toBeInstanceOf(IpInterfaceDecodeError);
        expect(['ERR_IPINTERFACE_TRUNCATED', 'ERR_IPINTERFACE_INVALID_ROW']).toContain((error as IpInterfaceDecodeError).code);
        return;
      }
      for (const row of rows) expect(struct.schema().safeParse(row).success).toBe(true);
      const again = encode(rows);
      expect(decodeTable(struct, again)).toStrictEqual(rows);
      expect(encode(decodeTable(struct, again) as Record<string, unknown>[])).toStrictEqual(again);
    });
  }
});

/* ---- 2. captures ---- */

const example = new Uint8Array(readFileSync(join(root, 'examples', 'laptop.ipcap')));
/** A capture of generated tables (those encodeCaptureTables accepts), or null. */
const generatedCapture = fc
  .subarray(structs, { minLength: 1, maxLength: 4 })
  .chain((chosen) => fc.tuple(...chosen.map((s) => tableOf(s, 3000).map((bytes) => ({ struct: s.name, bytes })))))
  .map((tables) => {
    try {
      return api.encodeCaptureTables(tables, { family: 'all', capturedAt: new Date(0) });
    } catch (error) {
      expect(error instanceof IpInterfaceDecodeError || error instanceof IpInterfaceCaptureError, String(error)).toBe(true);
      return null;
    }
  });

/** A capture's bytes changed: bytes flipped, cut short, extended, or its header's lengths rewritten. */
const mutated = fc
  .tuple(
    fc.oneof(fc.constant(example), generatedCapture.map((c) => c ?? example)),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
    fc.oneof(fc.constant(null), fc.nat()),
    fc.uint8Array({ maxLength: 8 }),
  )
  .map(([file, flips, cut, tail]) => {
    let out = file.slice();
    for (const [at, value] of flips) if (out.length > 0) out[at % out.length] = value;
    if (cut !== null) out = out.slice(0, cut % (out.length + 1));
    const joined = new Uint8Array(out.length + tail.length);
    joined.set(out);
    joined.set(tail, out.length);
    return joined;
  });

describe('2. decoding arbitrary capture bytes', () => {
  const typed = (error: unknown) => error instanceof IpInterfaceCaptureError || error instanceof IpInterfaceDecodeError;
  test.prop([fc.oneof(fc.uint8Array({ maxLength: 64 }), mutated, generatedCapture.filter((c) => c !== null))])('decoded, or a typed error', (bytes) => {
    try {
      api.decodeCapture(bytes!);
    } catch (error) {
      expect(typed(error), String(error)).toBe(true);
      expect((error as Error).message.length).toBeLessThan(1000);
    }
  });
});

/* ---- 3. the CLI ---- */

/** Characters never printed raw: C0 (but the newline), DEL, C1, bidi controls, invisible ones (a ZWJ inside an emoji sequence aside). */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200c\u200e\u200f\u2028-\u202e\u2060-\u206f\ufeff]/;
const withoutEmojiJoins = (text: string) => text.replace(/(\p{Extended_Pictographic}[\uFE0F\u{1F3FB}-\u{1F3FF}]?)\u200D(?=\p{Extended_Pictographic})/gu, '$1');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const stream = (append: (s: string) => void) => ({ write: (s: string) => (append(String(s)), true), once: () => undefined, isTTY: false });
  const code = await main(args, {
    stdout: stream((s) => (stdout += s)) as never,
    stderr: stream((s) => (stderr += s)) as never,
    env: {},
    platform: 'linux',
  });
  return { code, stdout, stderr };
}

const VIEW_ARGS = [['interfaces'], ['adapters'], ['addresses'], ['routes'], ['neighbors'], ['connections'], ['udp'], ['route-to', '8.8.8.8'], ['port', '80']];

describe('3. every CLI view on generated captures', () => {
  let n = 0;
  test.prop([fc.oneof(generatedCapture, mutated), fc.constantFrom([], ['--json'], ['--ndjson'])], { numRuns: Math.max(10, Math.floor(runs / 3)) })(
    'exit 0, 1 or 2; at most one line on stderr; no raw control or bidi character',
    async (file, mode) => {
      const path = join(scratch, `cap-${n++}.ipcap`);
      writeFileSync(path, file ?? example);
      for (const view of VIEW_ARGS) {
        const r = await cli([...view, ...mode, '--from', path]);
        expect([0, 1, 2], `${view.join(' ')} ${mode.join(' ')}: ${r.stderr}`).toContain(r.code);
        const errorLines = r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('Run `ipinterface --help`'));
        expect(errorLines.length, r.stderr).toBeLessThanOrEqual(1);
        expect(r.stderr).not.toMatch(RAW);
        expect(withoutEmojiJoins(r.stdout)).not.toMatch(RAW);
        if (r.code === 0 && mode[0] === '--json') JSON.parse(r.stdout);
      }
    },
  );
});

describe('3b. the table views order rows by a packed key', () => {
  // Keys of one shape (as a view's sortKey gives them): strings of every code point class, and integers.
  const shape = fc.array(fc.constantFrom<'s' | 'n'>('s', 'n'), { minLength: 1, maxLength: 5 });
  const part = (t: 's' | 'n') => (t === 's' ? fc.string({ unit: fc.oneof(fc.constantFrom('\u0000', '\u0001', 'a', 'b', ':', '\uffff'), fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 6 }) : fc.oneof(fc.integer({ min: 0, max: 300 }), fc.maxSafeNat()));
  test.prop([shape.chain((kinds) => fc.array(fc.tuple(...kinds.map(part)), { maxLength: 40 }))])('packed keys sort as the keys do, member by member', (keys) => {
    const tuple = (a: readonly (string | number)[], b: readonly (string | number)[]) => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
      return 0;
    };
    const byTuple = keys.map((k, i) => ({ k, i })).sort((a, b) => tuple(a.k, b.k) || a.i - b.i).map((x) => x.i);
    const packed = keys.map((k) => packKey(k)!);
    const byPacked = keys.map((_, i) => i).sort((a, b) => (packed[a]! < packed[b]! ? -1 : packed[a]! > packed[b]! ? 1 : a - b));
    expect(byPacked).toEqual(byTuple);
  });
});

/* ---- 4. every export with arbitrary arguments ---- */

/** Values fast-check must not touch itself (a revoked Proxy throws on any look): made in the test from their names. */
const EXOTIC = {
  revoked: () => {
    const p = Proxy.revocable({}, {});
    p.revoke();
    return p.proxy;
  },
  trapping: () => new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); }, has: () => { throw new Error('trap'); } }),
  throwingGetters: () => ({ get family() { throw new Error('getter'); }, get index() { throw new Error('getter'); }, get routes() { throw new Error('getter'); } }),
} as const;
type Spec = { value: unknown } | { exotic: keyof typeof EXOTIC };
const make = (spec: Spec): unknown => ('exotic' in spec ? EXOTIC[spec.exotic]() : spec.value);

/** Values a careless or hostile caller passes (as specs; see make). */
const hostile: fc.Arbitrary<Spec> = fc.oneof(
  fc.anything({ withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }).map((value) => ({ value })),
  fc.constantFrom('x'.repeat(1 << 20), '\u001b]0;x\u0007', '\u202e', 'fe80::1%17%12', '::ffff:1.2.3.4', 'all', 'ipv4', NaN, Infinity, -0, 2 ** 53, 2n ** 64n).map((value) => ({ value })),
  fc.constantFrom<keyof typeof EXOTIC>('revoked', 'trapping', 'throwingGetters').map((exotic) => ({ exotic })),
  fc
    .record({ family: fc.constantFrom('ipv4', 'ipv6', 'all', 7, undefined), index: fc.oneof(fc.integer(), fc.constant('1')), luid: fc.oneof(fc.bigInt(), fc.integer()), interfaceIndex: fc.integer() }, { requiredKeys: [] })
    .map((value) => ({ value })),
);

/** Exports that are functions a caller calls (not classes, not the file-writing one). */
const callable = Object.entries(api).filter(
  ([name, value]) => typeof value === 'function' && !/^class\b/.test(Function.prototype.toString.call(value)) && name !== 'saveCapture' && !name.endsWith('Schema'),
) as [string, (...args: unknown[]) => unknown][];

/** What an export may do with bad arguments: return, or throw one of these. */
function acceptable(error: unknown): string | null {
  if (error instanceof IpHelperError || error instanceof IpInterfaceDecodeError || error instanceof IpInterfaceCaptureError) return null;
  if (error instanceof TypeError || error instanceof RangeError) {
    if (error.message.length > 1000) return `a ${error.message.length}-character message`;
    if (!/`[^`]+`/.test(error.message)) return `a ${error.name} naming nothing: ${error.message}`;
    return null;
  }
  if (error instanceof Error && typeof (error as { code?: unknown }).code === "string" && /^E[A-Z]+$/.test((error as unknown as { code: string }).code)) return null; // Node's own file errors (loadCapture of a path)
  return `${(error as Error)?.name ?? typeof error}: ${String((error as Error)?.message ?? error)}`;
}

describe('4. every export with arbitrary arguments', () => {
  test.prop([fc.constantFrom(...callable), fc.array(hostile, { maxLength: 3 })], { numRuns: runs * 5 })('a result, or a bounded TypeError/RangeError naming an argument, or a typed error', async ([name, fn], specs) => {
    const args = specs.map(make);
    let outcome: unknown;
    try {
      outcome = fn(...args);
      if (outcome instanceof Promise) outcome = await outcome;
    } catch (error) {
      expect(acceptable(error), `${name}(${specs.map((a) => ('exotic' in a ? a.exotic : typeof a.value)).join(', ')})`).toBeNull();
      return;
    }
    // A watcher started by a watch function (on Linux it reports needing Windows): closed at once.
    if (outcome && typeof (outcome as { close?: unknown }).close === 'function') {
      (outcome as { on?: (e: string, f: () => void) => void }).on?.('error', () => {});
      await (outcome as { close: () => Promise<void> }).close();
    }
  });
});
