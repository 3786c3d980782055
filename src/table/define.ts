/**
 * One declaration per IP Helper table. A table is declared once (src/tables/):
 * its row struct, its DLL functions (the table, the entry, the change
 * notification), its key members, the member its rows' family comes from, its
 * capture slot, its change feed and its CLI view. Everything a table needs
 * besides its rows derives from that here: the synchronous and asynchronous
 * table and entry functions, the keyed row an entry lookup (or a
 * notification's re-read) hands the system, the key of a notified row, the
 * family of a row, decoding of tables and rows. The registry of tables
 * (src/tables/index.ts) drives captures, the CLI's views, the feeds and the
 * docs.
 */
import type { z } from 'zod';
import { toAddressFamily, type FamilyOption } from '../family.js';
import type { DllFunction } from '../functions.js';
import { lazy } from '../lazy.js';
import { familyTable, rowCall, sizedTableCall, tableCall, type FamilyTable, type StructTable, type TableCall } from '../mibtable.js';
import { AF_INET6 } from '../struct/ctypes.js';
import { call } from '../functions.js';
import type { BuildMode } from '../struct/codegen.js';
import type { Member, RowOf } from '../struct/ctypes.js';
import { decodeRow, decodeTable, type Struct } from '../struct/define.js';
import type { RowSchema } from '../struct/schema.js';
import { memberWriter } from '../struct/writer.js';
import type { ViewDecl } from '../view/types.js';
import {
  changeIdentity,
  familyReader,
  keyInputMembers,
  notifiedKeyReader,
  parseKey,
  type FamilySource,
  type KeyInput,
  type KeyValues,
  type NotifiedKey,
} from './key.js';

/** How a Get…Table function is asked for families: not at all, 'all' as one AF_UNSPEC call, or one call per family. */
export type FamilyCalls = 'none' | 'unspec' | 'each';

/** The names of a table's public functions and schema (for the docs and the registry test). */
export interface TableApi {
  readonly get: string;
  readonly getAsync: string;
  readonly entry?: string;
  readonly entryAsync?: string;
  readonly decode: string;
  readonly decodeRow?: string;
  readonly schema: string;
  readonly watch?: string;
  readonly watcher?: string;
  /** The row type's name. */
  readonly row: string;
}

type KeyOf<M extends readonly Member[]> = keyof RowOf<M> & string;

/** A table as declared. `M6`: the members of the IPv6 rows' struct, where the table has one per family. */
export interface TableDecl<M extends readonly Member[], M6 extends readonly Member[] = M> {
  /** The registry's name for the table; also its reference page, docs/tables/NAME.md. */
  readonly name: string;
  /** What messages call one of its rows' tables: "This capture holds no `route` table". */
  readonly title: string;
  /** The rows' struct (the IPv4 rows', where `ipv6Struct` is given). */
  readonly struct: Struct<M>;
  /** The IPv6 rows' struct, where each family has its own (MIB_TCP6ROW_OWNER_PID beside MIB_TCPROW_OWNER_PID). */
  readonly ipv6Struct?: Struct<M6>;
  /**
   * The table function, and how it takes a family. By default the system allocates the table
   * (Get…Table(…, &Table), freed with FreeMibTable); with `caller`, the caller does
   * (fn(buffer, &size, ...caller(af)), sized first and retried while the table grows).
   */
  readonly get: { readonly fn: DllFunction; readonly family: FamilyCalls; readonly caller?: (af: number) => readonly unknown[] };
  /** The member whose address family is the row's (ADDRESS_FAMILY, SOCKADDR_INET or IP_ADDRESS_PREFIX); none for a table without one. */
  readonly family?: KeyOf<M> & KeyOf<M6>;
  /** The members that identify a row, in the order a change's key lists them. */
  readonly key: readonly (KeyOf<M> & KeyOf<M6>)[];
  /** Get…Entry(Row): the function, the function that initializes its row (else zeros), and how a caller names the row. */
  readonly entry?: { readonly fn: DllFunction; readonly initialize?: DllFunction; readonly input: KeyInput };
  /** Notify…Change, the change feed's registration. */
  readonly notify?: DllFunction;
  /** Set…Entry, and the members a caller may change through it. */
  readonly set?: { readonly fn: DllFunction; readonly members: readonly KeyOf<M>[] };
  /** The field of a decoded capture (`Capture`) that holds this table's rows. */
  readonly capture: string;
  /** The CLI view (the PowerShell cmdlet it mirrors). */
  readonly view?: ViewDecl<RowOf<M> | RowOf<M6>>;
  /** learn.microsoft.com pages: the table function and, where there is one, the entry function. */
  readonly docs: { readonly get: string; readonly entry?: string; readonly notify?: string; readonly table: string };
  readonly api: TableApi;
  /** One sentence on what the table is, for its reference page and the CLI's help. */
  readonly summary: string;
}

/** A declared table and everything derived from it. */
export interface Table<R = Record<string, unknown>> {
  readonly decl: TableDecl<readonly Member[], readonly Member[]>;
  readonly name: string;
  readonly struct: Struct;
  /** The table's rows, validated (no entries: []). */
  readonly get: (family?: FamilyOption) => R[];
  /** The same, each native call on a worker thread. */
  readonly getAsync: (family?: FamilyOption) => Promise<R[]>;
  /** The table's bytes, one table per struct (for 'all' with per-family calls, a struct's IPv4 and IPv6 rows together; null: no entries): for captures. */
  readonly tables: (family?: FamilyOption) => StructTable[];
  /** The structs its rows are: one, or one per family (IPv4's first). */
  readonly structs: readonly Struct[];
  /** One row by key (Get…Entry). */
  readonly entry: (key: unknown) => R;
  readonly entryAsync: (key: unknown) => Promise<R>;
  /** A table's bytes → validated rows; one row's bytes → a validated row. */
  readonly decode: (bytes: Uint8Array | ArrayBuffer) => R[];
  readonly decodeRow: (bytes: Uint8Array | ArrayBuffer) => R;
  /** The full zod schema of a row (built on first use). */
  readonly schema: RowSchema<readonly Member[]>;
  /** The family of a row (undefined for a table whose rows have none). */
  readonly familyOf: (row: object) => 'ipv4' | 'ipv6' | undefined;
  /** The keyed row an entry call (or a notification's re-read) hands the system, from key members. */
  readonly keyedRow: (key: KeyValues) => Buffer;
  /** The key of a notified row's bytes. */
  readonly notifiedKey: (bytes: Uint8Array) => NotifiedKey;
  /** What notifications of one row are merged by. */
  readonly changeId: (key: KeyValues) => string;
  /** Re-reads a row by the key of a notification (Get…Entry). */
  readonly entryByKey: (key: KeyValues) => R;
}

/** The family source of a declaration. */
function familySource(struct: Struct, key: string | undefined): FamilySource | undefined {
  if (key === undefined) return undefined;
  const field = struct.layout().fields.find((f) => f.key === key);
  if (!field) throw new Error(`${struct.name}: no member keyed ${key}`);
  return { key, kind: field.kind };
}

/**
 * Declares a table; everything else about it derives from `decl`. Per-row
 * functions (the keyed-row writer, the notification key reader, the family
 * of a row) are built on first use, compiled where the process allows it.
 * `mode` forces how (the tests build both).
 */
export function defineTable<const M extends readonly Member[], const M6 extends readonly Member[] = M>(
  decl: TableDecl<M, M6>,
  mode?: BuildMode,
): Table<RowOf<M> | RowOf<M6>> {
  type R = RowOf<M> | RowOf<M6>;
  const struct = decl.struct as unknown as Struct;
  const ipv6Struct = (decl.ipv6Struct ?? decl.struct) as unknown as Struct;
  const structs = ipv6Struct === struct ? [struct] : [struct, ipv6Struct];
  const structFor = (af: number) => (af === AF_INET6 ? ipv6Struct : struct);
  const family = familySource(struct, decl.family);
  const notifySyscall = decl.notify?.name ?? decl.get.fn.name;
  const { caller } = decl.get;

  /** One call for one family (or for none): the system's table freed with FreeMibTable, or a caller-allocated one. */
  const callFor = (s: Struct): TableCall<[unknown]> =>
    caller
      ? sizedTableCall(decl.get.fn, s, (af: unknown) => caller(af as number))
      : tableCall(decl.get.fn, s, decl.get.family === 'none' ? () => [] : (f: unknown) => [toAddressFamily(f)]);
  let made: FamilyTable<Record<string, unknown>> | undefined;
  const calls = (): FamilyTable<Record<string, unknown>> => {
    if (made) return made;
    if (decl.get.family === 'each') {
      const byStruct = new Map(structs.map((s) => [s, callFor(s)]));
      const perFamily: TableCall<[number]> = { sync: (af) => byStruct.get(structFor(af))!.sync(af), async: (af) => byStruct.get(structFor(af))!.async(af) };
      return (made = familyTable(perFamily, structFor));
    }
    const t = callFor(struct);
    const rowsOf = (bytes: Uint8Array | null) => (bytes === null ? [] : decodeTable(struct, bytes));
    return (made = {
      sync: (f) => rowsOf(t.sync(f)),
      async: async (f) => rowsOf(await t.async(f)),
      tables: (f) => [{ struct, bytes: t.sync(f) }],
    });
  };

  let writer: ReturnType<typeof memberWriter> | undefined;
  const keyedRow = (key: KeyValues): Buffer => {
    const { rowSize } = struct.layout();
    const row = Buffer.alloc(rowSize);
    if (decl.entry?.initialize) call(decl.entry.initialize, row);
    writer ??= memberWriter(struct.layout(), decl.entry ? keyInputMembers(decl.entry.input) : decl.key, `${struct.name}_key`, mode);
    writer(new DataView(row.buffer, row.byteOffset, row.byteLength), 0, key);
    return row;
  };

  const entryCall = decl.entry
    ? rowCall(decl.entry.fn, (key: unknown) => parseKey(decl.entry!.input, key), keyedRow)
    : undefined;
  const noEntry = () => {
    throw new Error(`${struct.name}: the table declares no entry function`);
  };
  const keyRowCall = decl.entry ? rowCall(decl.entry.fn, (key: KeyValues) => key, keyedRow) : undefined;

  let familyOf: ((row: object) => 'ipv4' | 'ipv6' | undefined) | undefined;
  let notified: ((bytes: Uint8Array) => NotifiedKey) | undefined;
  let changeId: ((key: KeyValues) => string) | undefined;

  const table: Table<R> = {
    decl: decl as unknown as TableDecl<readonly Member[], readonly Member[]>,
    name: decl.name,
    struct,
    structs,
    get: (f = 'all') => calls().sync(f) as R[],
    getAsync: async (f = 'all') => (await calls().async(f)) as R[],
    tables: (f = 'all') => calls().tables(f),
    entry: entryCall ? (key: unknown) => decodeRow(decl.struct, entryCall.sync(key)) : noEntry,
    entryAsync: entryCall ? async (key: unknown) => decodeRow(decl.struct, await entryCall.async(key)) : async () => noEntry(),
    decode: (bytes) => decodeTable(decl.struct, bytes) as R[],
    decodeRow: (bytes) => decodeRow(decl.struct, bytes) as R,
    schema: lazy(() => decl.struct.schema()) as unknown as RowSchema<readonly Member[]>,
    familyOf: (row) => (familyOf ??= familyReader(family, struct.name, mode))(row),
    keyedRow,
    notifiedKey: (bytes) => {
      if (!family) throw new Error(`${struct.name}: a table without a family member has no notifications`);
      return (notified ??= notifiedKeyReader(struct, decl.key, family, notifySyscall, mode))(bytes);
    },
    changeId: (key) => (changeId ??= changeIdentity(decl.key))(key),
    entryByKey: keyRowCall ? (key) => decodeRow(decl.struct, keyRowCall.sync(key)) : noEntry,
  };
  return Object.freeze(table);
}

/** The zod schema type of a declared table's row. */
export type TableSchema<M extends readonly Member[]> = z.ZodType<RowOf<M>>;
