/**
 * A declared struct with everything derived from it: layouts per architecture,
 * the generated row reader, the zod schemas, and decoding of rows and tables.
 * Every table decodes through the functions here, walking rows by stride.
 */
import { types } from '../builtins.js';
import { describePath, describeValue, IpInterfaceDecodeError } from '../errors.js';
import { ARCHES, computeLayout, rowKeys, type Arch, type ListKind, type Member, type RowOf, type StructDecl, type StructLayout } from './ctypes.js';
import type { BuildMode } from './codegen.js';
import { compileReader, releaseStrings, walkList, withBase, type ListSpec, type RowReader } from './reader.js';
import { decodedRowCheck, decodedRowSchema, rowSchema, type RowSchema } from './schema.js';
import type { z } from 'zod';

/** A struct declaration and what derives from it. Heavy parts (reader, schemas) are built on first use. */
export interface Struct<M extends readonly Member[] = readonly Member[]> {
  readonly decl: StructDecl<M>;
  readonly name: string;
  /** The row's JS keys, in header order. */
  readonly keys: readonly string[];
  /** The Windows layout on an architecture (x64 by default; ia32 and arm64 are the same for every IP Helper row). */
  layout(arch?: Arch): StructLayout & { readonly offsets: Readonly<Record<M[number][0], number>> };
  /** The full zod schema of a row. */
  schema(): RowSchema<M>;
  /** The schema decoded rows are validated with (the members bytes can violate). */
  decodedSchema(): z.ZodType;
  /** The same verdict as one allocation-free predicate (see decodedRowCheck); `mode` as for the reader. */
  decodedCheck(mode?: BuildMode): (row: Record<string, unknown>) => boolean;
  /**
   * The reader of one row, without validation: compiled from source where the process allows
   * code generation, else interpreted (`mode` forces one; both give the same rows). `arch`
   * matters only to a struct that holds pointers (x64 by default).
   */
  reader(mode?: BuildMode, arch?: Arch): RowReader<Record<string, unknown>>;
  /** A reader of one member's value alone (no row object), for a list that picks it (see listSpec). */
  memberReader(key: string, mode?: BuildMode, arch?: Arch): RowReader<unknown>;
}

/** Declares a struct once; everything else about it derives from `decl`. */
export function defineStruct<const M extends readonly Member[]>(decl: StructDecl<M>): Struct<M> {
  const layouts = new Map<Arch, StructLayout>();
  let schema: RowSchema<M> | undefined;
  let decoded: z.ZodType | undefined;
  const readers = new Map<string, RowReader<Record<string, unknown>>>();
  const checks = new Map<BuildMode | undefined, (row: Record<string, unknown>) => boolean>();
  const struct: Struct<M> = {
    decl,
    name: decl.name,
    keys: Object.freeze(rowKeys(decl.members)),
    layout(arch = 'x64') {
      let layout = layouts.get(arch);
      if (!layout) layouts.set(arch, (layout = computeLayout(decl, arch)));
      return layout as ReturnType<Struct<M>['layout']>;
    },
    schema: () => (schema ??= rowSchema(decl)),
    decodedSchema: () => (decoded ??= decodedRowSchema(decl)),
    decodedCheck: (mode) => {
      let check = checks.get(mode);
      if (!check) checks.set(mode, (check = decodedRowCheck(decl, mode)));
      return check;
    },
    reader: (mode, arch = 'x64') => {
      const cacheKey = `${mode}:${arch}`;
      let reader = readers.get(cacheKey);
      if (!reader) {
        const lists = (kind: ListKind<unknown>) => listSpec(kind.node as Struct, arch, mode, kind.pick);
        readers.set(cacheKey, (reader = compileReader(struct.layout(arch), decl.name, mode, lists)));
      }
      return reader;
    },
    memberReader: (key, mode, arch = 'x64') => {
      const cacheKey = `${mode}:${arch}:${key}`;
      let reader = readers.get(cacheKey);
      if (!reader) {
        const lists = (kind: ListKind<unknown>) => listSpec(kind.node as Struct, arch, mode, kind.pick);
        readers.set(cacheKey, (reader = compileReader(struct.layout(arch), decl.name, mode, lists, key)));
      }
      return reader;
    },
  };
  return Object.freeze(struct);
}

/** A DataView over bytes; a TypeError naming `name` for anything else. */
export function toView(bytes: Uint8Array | ArrayBuffer, name = 'bytes'): DataView {
  // util.types looks at the value's internal slots: no Proxy trap or getter of the caller's runs.
  const { isUint8Array, isArrayBuffer } = types();
  if (isUint8Array(bytes)) return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isArrayBuffer(bytes)) return new DataView(bytes);
  throw new TypeError(`Expected \`${name}\` to be a Uint8Array or an ArrayBuffer, got ${describeValue(bytes)}`);
}

/** The table's NumEntries, after checking the bytes hold that many rows (ERR_IPINTERFACE_TRUNCATED otherwise). */
export function tableCount(struct: Struct, view: DataView): number {
  const layout = struct.layout();
  const table = struct.decl.table ?? `${struct.name} table`;
  const headerEnd = layout.numEntriesOffset + 4;
  if (view.byteLength < headerEnd) {
    throw new IpInterfaceDecodeError(`A ${table} needs at least ${headerEnd} bytes for NumEntries, got ${view.byteLength}`, {
      code: 'ERR_IPINTERFACE_TRUNCATED',
    });
  }
  const count = view.getUint32(layout.numEntriesOffset, true);
  const needed = count === 0 ? headerEnd : layout.firstRowOffset + count * layout.rowSize;
  if (view.byteLength < needed) {
    throw new IpInterfaceDecodeError(
      `The ${table} is truncated: NumEntries is ${count}, which needs ${needed} bytes ` +
        `(${layout.firstRowOffset} + ${count} × ${layout.rowSize}), got ${view.byteLength}`,
      { code: 'ERR_IPINTERFACE_TRUNCATED' },
    );
  }
  return count;
}

/** Reads every row of a table's bytes, by stride, without validation (`mode`: which reader; the benchmark runs both). */
export function readTable<R = Record<string, unknown>>(struct: Struct, bytes: Uint8Array | ArrayBuffer, mode?: BuildMode): R[] {
  const view = toView(bytes);
  const count = tableCount(struct, view);
  const { firstRowOffset, rowSize } = struct.layout();
  const read = struct.reader(mode) as unknown as RowReader<R>;
  const rows = new Array<R>(count);
  try {
    for (let i = 0, base = firstRowOffset; i < count; i++, base += rowSize) rows[i] = read(view, base);
  } finally {
    releaseStrings();
  }
  return rows;
}

/** A view of one whole row; ERR_IPINTERFACE_TRUNCATED if the bytes are fewer. */
export function rowView(struct: Struct, bytes: Uint8Array | ArrayBuffer): DataView {
  const view = toView(bytes);
  const { rowSize } = struct.layout();
  if (view.byteLength < rowSize) {
    throw new IpInterfaceDecodeError(`A ${struct.name} is ${rowSize} bytes, got ${view.byteLength}`, { code: 'ERR_IPINTERFACE_TRUNCATED' });
  }
  return view;
}

/**
 * Validates rows made by a reader; throws on the first invalid one, naming row, field and raw
 * value. Each row passes the decoded-row check (allocation-free, the schema's verdict); a row that
 * fails it is parsed by the decoded-row zod schema, whose first issue names the problem.
 */
export function validateRows<R>(struct: Struct, rows: readonly unknown[]): R[] {
  const check = struct.decodedCheck();
  for (let i = 0; i < rows.length; i++) {
    if (check(rows[i] as Record<string, unknown>)) continue;
    const result = struct.decodedSchema().safeParse(rows[i]);
    throw invalidRow(struct, i, rows[i], result.success ? undefined : result.error);
  }
  return rows as R[];
}

/** Validates one row made by a reader, `index` being its place in its table (for the error). */
export function validateRow<R>(struct: Struct, row: unknown, index: number): R {
  if (struct.decodedCheck()(row as Record<string, unknown>)) return row as R;
  throw invalidRowOf(struct, row, index);
}

/** The ERR_IPINTERFACE_INVALID_ROW of a row the decoded-row check rejected: zod names the member and the problem. */
function invalidRowOf(struct: Struct, row: unknown, index: number): IpInterfaceDecodeError {
  const result = struct.decodedSchema().safeParse(row);
  return invalidRow(struct, index, row, result.success ? undefined : result.error);
}

function invalidRow(struct: Struct, index: number, row: unknown, error: { issues: readonly { path: PropertyKey[]; message: string }[] } | undefined) {
  const issue = error?.issues[0];
  const path = issue?.path ?? [];
  let raw: unknown = row;
  for (const key of path) raw = raw != null && typeof raw === 'object' ? (raw as Record<PropertyKey, unknown>)[key] : undefined;
  // The failing leaf of a nested value (IP_ADDRESS_PREFIX.address) is blamed on the member.
  const field = path.length > 0 ? String(path[0]) : undefined;
  return new IpInterfaceDecodeError(
    `Row ${index} of the ${struct.decl.table ?? struct.name} is invalid: ` +
      (field === undefined ? '' : `${describePath(path)} has raw value ${describeValue(raw)}: `) +
      (issue?.message ?? 'rejected by the schema'),
    {
      code: 'ERR_IPINTERFACE_INVALID_ROW',
      rowIndex: index,
      ...(field === undefined ? {} : { field, rawValue: raw }),
      ...(error === undefined ? {} : { cause: error }),
    },
  );
}

/** Decodes a table's bytes into validated rows. */
export function decodeTable<M extends readonly Member[]>(struct: Struct<M>, bytes: Uint8Array | ArrayBuffer): RowOf<M>[] {
  return validateRows<RowOf<M>>(struct, readTable(struct, bytes));
}

/** Decodes one row's bytes (as a Get…Entry call fills it) into a validated row. */
export function decodeRow<M extends readonly Member[]>(struct: Struct<M>, bytes: Uint8Array | ArrayBuffer): RowOf<M> {
  const view = rowView(struct, bytes);
  let row: unknown;
  try {
    row = struct.reader()(view, 0);
  } finally {
    releaseStrings();
  }
  return validateRows<RowOf<M>>(struct, [row])[0]!;
}

const listSpecs = new WeakMap<Struct, Map<string, ListSpec>>();

/** What walking a list of `node` rows needs, on `arch` (each node validated as it is read); made once for each. */
function listSpec(node: Struct, arch: Arch, mode: BuildMode | undefined, pick: string | undefined): ListSpec {
  let specs = listSpecs.get(node);
  if (!specs) listSpecs.set(node, (specs = new Map()));
  const key = `${arch}:${mode}:${pick}`;
  let spec = specs.get(key);
  if (!spec) specs.set(key, (spec = makeListSpec(node, arch, mode, pick)));
  return spec;
}

function makeListSpec(node: Struct, arch: Arch, mode: BuildMode | undefined, pick: string | undefined): ListSpec {
  const layout = node.layout(arch);
  const next = layout.fields.find((f) => f.kind.t === 'next');
  if (!next) throw new Error(`${node.name}: a list's node struct needs a Next member`);
  const common = { name: node.name, size: layout.rowSize, next: next.offset, p32: arch === 'ia32', pick };
  const check = node.decodedCheck(mode);
  if (pick !== undefined && node.keys.length === 1 && node.keys[0] === pick) {
    // The node's row would be { [pick]: value }: read the value alone, and check it as that row (a
    // string passes: the check asks each member it checks to be one).
    return {
      ...common,
      read: node.memberReader(pick, mode, arch),
      picked: true,
      check: (value) => typeof value === 'string' || check({ [pick]: value }),
      invalid: (value, index) => invalidRowOf(node, { [pick]: value }, index),
    };
  }
  return {
    ...common,
    read: node.reader(mode, arch),
    picked: false,
    check: (row) => check(row as Record<string, unknown>),
    invalid: (row, index) => invalidRowOf(node, row, index),
  };
}

/** Where a linked list's buffer was in the process that filled it: its architecture, its address and its first node's. */
export interface ListOrigin {
  readonly arch: Arch;
  /** The address of the buffer's byte 0. */
  readonly base: bigint;
  /** The address of the first node, 0n for an empty list. */
  readonly head: bigint;
}

/** An address a list's origin names (a buffer's, a first node's): a bigint from 0 to 2^64 − 1; a TypeError naming `name` otherwise. */
export function checkListAddress(value: unknown, name: string): bigint {
  if (typeof value === 'bigint' && value >= 0n && value < 2n ** 64n) return value;
  throw new TypeError(`Expected \`${name}\` to be an address (a bigint from 0 to 2^64 - 1), got ${describeValue(value)}`);
}

/** The architecture a list was filled on, when it is one decodeList knows (x64, ia32, arm64). */
export function listArch(value: unknown): Arch | undefined {
  return (ARCHES as readonly unknown[]).includes(value) ? (value as Arch) : undefined;
}

/**
 * Decodes a linked list (GetAdaptersAddresses' buffer) into validated rows. The pointers in it
 * are absolute addresses in the process that filled it: each is taken against `origin.base`,
 * checked to lie inside the bytes, and followed; cycles, overlong lists and unterminated strings
 * are refused with typed errors. Pure: a capture decodes on any OS, for either architecture.
 */
export function decodeList<M extends readonly Member[]>(struct: Struct<M>, bytes: Uint8Array | ArrayBuffer, origin: ListOrigin, mode?: BuildMode): RowOf<M>[] {
  const view = toView(bytes);
  const head = origin.head === 0n ? -1 : origin.head - origin.base;
  if (typeof head === 'bigint' && (head < 0n || head >= BigInt(view.byteLength))) {
    throw new IpInterfaceDecodeError(`The list's first node (0x${origin.head.toString(16)}) is outside the ${view.byteLength}-byte buffer at 0x${origin.base.toString(16)}`, {
      code: 'ERR_IPINTERFACE_BAD_POINTER',
    });
  }
  return withBase(origin.base, () => {
    try {
      return walkList(view, Number(head), listSpec(struct, origin.arch, mode, undefined)) as RowOf<M>[];
    } finally {
      releaseStrings();
    }
  });
}
