/**
 * The one way a Get…Table call is made, for every table: call, copy the table
 * out of native memory, free it with FreeMibTable exactly once on every path,
 * decode the copy. Synchronous and asynchronous calls are built from the same
 * definition (`tableCall`), so they cannot differ but in the thread they use.
 */
import { IpHelperError, WIN32 } from './errors.js';
import { bound, call, callAsync, checkStatus, FreeMibTable, type DllFunction } from './functions.js';
import { runAsync, runSync, step, type Plan, type Step } from './plan.js';
import { allocNative, assertWindows, copyBytes, freeNative, readUint32, type NativePointer } from './native.js';
import { toAddressFamily } from './family.js';
import { decodeTable, type Struct } from './struct/define.js';
import { AF_INET, AF_INET6, AF_UNSPEC, processArch as currentArch } from './struct/ctypes.js';

const STATUS_NOT_FOUND = 0xc0000225;

/**
 * The most rows a table may claim before it is treated as corrupt rather than
 * read: far above any real machine, far below what would exhaust memory.
 */
export const MAX_TABLE_ROWS = 1_000_000;

/** What takeTable needs from native memory; tests give it a fake. */
export interface NativeMemory {
  readUint32(table: NativePointer, offset: number): number;
  copyBytes(table: NativePointer, length: number): Uint8Array;
  free(table: NativePointer): void;
}

const nativeMemory: NativeMemory = {
  readUint32,
  copyBytes,
  free: (table) => void call(FreeMibTable, table),
};

/**
 * Turns what a Get…Table call returned into the table's bytes, freeing the
 * native table exactly once whatever happens. `null` means "no entries"
 * (ERROR_NOT_FOUND, or its NTSTATUS spelling).
 */
export function takeTable(
  syscall: string,
  struct: Struct,
  status: number,
  table: NativePointer | null | undefined,
  memory: NativeMemory = nativeMemory,
): Uint8Array | null {
  try {
    if (status === WIN32.ERROR_NOT_FOUND || status >>> 0 === STATUS_NOT_FOUND) return null;
    checkStatus(syscall, status);
    if (table === null || table === undefined) {
      throw new IpHelperError(`${syscall} reported success but returned no table (a NULL pointer)`, {
        code: 'ERR_IPHLPAPI_BAD_RESULT',
        syscall,
        errno: 0,
      });
    }
    const layout = struct.layout(currentArch());
    const count = memory.readUint32(table, layout.numEntriesOffset);
    if (count > MAX_TABLE_ROWS) {
      throw new IpHelperError(`${syscall} returned a table claiming ${count} rows (more than ${MAX_TABLE_ROWS}); refusing to read it`, {
        code: 'ERR_IPHLPAPI_BAD_RESULT',
        syscall,
        errno: 0,
      });
    }
    return memory.copyBytes(table, Math.max(layout.numEntriesOffset + 4, layout.firstRowOffset + count * layout.rowSize));
  } finally {
    if (table !== null && table !== undefined) memory.free(table);
  }
}

/** A table call: sync and async twins from one definition. */
export interface TableCall<I extends unknown[]> {
  /** Calls on this thread; the table's bytes, or null for no entries. */
  readonly sync: (...input: I) => Uint8Array | null;
  /** Calls on one of koffi's worker threads. */
  readonly async: (...input: I) => Promise<Uint8Array | null>;
}

/**
 * Defines a Get…Table call: `args` validates the caller's input (before
 * anything platform-specific) and returns the arguments that precede the
 * table out-pointer.
 */
export function tableCall<I extends unknown[]>(fn: DllFunction, struct: Struct, args: (...input: I) => unknown[]): TableCall<I> {
  const prepare = (input: I) => {
    const before = args(...input);
    assertWindows(fn.name);
    return [...before, [null] as (NativePointer | null)[]] as const;
  };
  const finish = (status: number, out: (NativePointer | null)[]) => takeTable(fn.name, struct, status, out[0]);
  return {
    sync: (...input) => {
      const callArgs = prepare(input);
      const out = callArgs[callArgs.length - 1] as (NativePointer | null)[];
      return finish(call(fn, ...callArgs) as number, out);
    },
    async: async (...input) => {
      const callArgs = prepare(input);
      const out = callArgs[callArgs.length - 1] as (NativePointer | null)[];
      return finish(await callAsync(fn, ...callArgs), out);
    },
  };
}

/** A call that fills one row buffer (Get…Entry): sync and async twins from one definition. */
export interface RowCall<I extends unknown[]> {
  readonly sync: (...input: I) => Uint8Array;
  readonly async: (...input: I) => Promise<Uint8Array>;
}

/**
 * Defines a Get…Entry call: `check` validates the input (before anything
 * platform-specific), `row` makes the keyed row buffer the function fills; a
 * non-zero status throws its coded error.
 */
export function rowCall<I extends unknown[], K>(fn: DllFunction, check: (...input: I) => K, row: (key: K) => Buffer): RowCall<I> {
  const prepare = (input: I) => {
    const key = check(...input);
    assertWindows(fn.name);
    bound(fn); // a missing export fails here, before the row is made
    return row(key);
  };
  return {
    sync: (...input) => {
      const buffer = prepare(input);
      checkStatus(fn.name, call(fn, buffer) as number);
      return buffer;
    },
    async: async (...input) => {
      const buffer = prepare(input);
      checkStatus(fn.name, await callAsync(fn, buffer));
      return buffer;
    },
  };
}

/**
 * The most bytes a caller-allocated table may ask for: MAX_TABLE_ROWS rows of
 * the struct, beyond which a size is treated as corrupt rather than allocated.
 */
function maxTableBytes(struct: Struct): number {
  const { firstRowOffset, rowSize } = struct.layout(currentArch());
  return firstRowOffset + MAX_TABLE_ROWS * rowSize;
}

/** How many times a caller-allocated table call is retried when the table grew between the size query and the call. */
export const MAX_SIZE_ATTEMPTS = 5;

/** One call of a declared function as a plan step. */
function callStep(fn: DllFunction, args: readonly unknown[]): Step<number> {
  return { sync: () => call(fn, ...args) as number, async: () => callAsync(fn, ...args) };
}

/** A buffer a sized call fills: its bytes, and its address when it is native memory (allocNative). */
interface Filled {
  readonly buffer: Uint8Array;
  readonly address?: bigint;
}

/** How a caller-allocated call is made (see sizedPlan). */
interface SizedCall<T> {
  readonly fn: DllFunction;
  /** The call's arguments, given the buffer (null: none yet), the size's ULONG/DWORD in/out and the caller's other arguments. */
  readonly args: (buffer: unknown, sizeRef: Buffer, rest: readonly unknown[]) => readonly unknown[];
  /** The status that says "too small, here is the size": ERROR_INSUFFICIENT_BUFFER, or ERROR_BUFFER_OVERFLOW (GetAdaptersAddresses). */
  readonly overflow: number;
  /** The first buffer's size; 0 asks the size first with no buffer. */
  readonly firstSize: number;
  /** The least size worth allocating, and the most, beyond which a size is treated as corrupt. */
  readonly minSize: number;
  readonly maxSize: number;
  /** Native memory whose address the result needs (pointers into it), instead of Node's pool. */
  readonly native: boolean;
  /** The result from the filled buffer (the native memory is freed after). */
  readonly take: (filled: Filled) => T;
}

/**
 * A caller-allocated call: `fn(…buffer, &size…)` with a buffer of the size it asked for, or
 * `firstSize`. One that needs more answers `overflow` with the new size (it grew in between): the
 * call is retried, at most MAX_SIZE_ATTEMPTS times, then a clear error. ERROR_NOT_FOUND and
 * ERROR_NO_DATA mean no entries (null). Native memory is freed on every path.
 */
function* sizedPlan<T>(call: SizedCall<T>, rest: readonly unknown[]): Plan<T | null> {
  const { fn } = call;
  let size = call.firstSize;
  const sizeRef = Buffer.allocUnsafe(4); // the DWORD *pdwSize; from the pool, like the buffer
  for (let attempt = 0; attempt <= MAX_SIZE_ATTEMPTS; attempt++) {
    const native = size > 0 && call.native ? allocNative(size) : undefined;
    try {
      // Zeroed, from Node's pool when small: a fresh zeroed ArrayBuffer per call costs more than the call under Wine.
      const buffer = size === 0 ? null : native ? native.ptr : Buffer.allocUnsafe(size).fill(0);
      sizeRef.writeUInt32LE(size, 0);
      const status = yield* step(callStep(fn, call.args(buffer, sizeRef, rest)));
      if (status === WIN32.ERROR_NOT_FOUND || status === WIN32.ERROR_NO_DATA) return null;
      if (status === 0) {
        if (buffer === null) return null; // nothing to return, and it said so
        return call.take(native ? { buffer: copyBytes(native.ptr, size), address: native.address } : { buffer: buffer as Buffer });
      }
      if (status !== call.overflow) checkStatus(fn.name, status);
      const needed = sizeRef.readUInt32LE(0);
      if (needed > call.maxSize) {
        throw new IpHelperError(`${fn.name} asked for a ${needed}-byte buffer (more than ${call.maxSize}); refusing to allocate it`, {
          code: 'ERR_IPHLPAPI_BAD_RESULT',
          syscall: fn.name,
          errno: 0,
        });
      }
      size = Math.max(needed, call.minSize);
    } finally {
      if (native) freeNative(native.ptr);
    }
  }
  const name = call.overflow === WIN32.ERROR_BUFFER_OVERFLOW ? 'ERROR_BUFFER_OVERFLOW' : 'ERROR_INSUFFICIENT_BUFFER';
  throw new IpHelperError(
    `${fn.name} failed: ${name} (${call.overflow}): the table grew between the size query and the call ${MAX_SIZE_ATTEMPTS} times in a row; try again`,
    { code: name, syscall: fn.name, errno: call.overflow },
  );
}

/**
 * A caller-allocated table (GetExtendedTcpTable, GetExtendedUdpTable):
 * `fn(buffer, &size, ...rest)` asked first with no buffer, which answers
 * ERROR_INSUFFICIENT_BUFFER and the size it needs; then with a buffer of that
 * size (see sizedPlan). The buffer is the caller's own memory: nothing to free.
 */
function sizedTable(fn: DllFunction, struct: Struct): SizedCall<Uint8Array> {
  const { numEntriesOffset, firstRowOffset, rowSize } = struct.layout(currentArch());
  return {
    fn,
    args: (buffer, sizeRef, rest) => [buffer, sizeRef, ...rest],
    overflow: WIN32.ERROR_INSUFFICIENT_BUFFER,
    firstSize: 0,
    minSize: numEntriesOffset + 4,
    maxSize: maxTableBytes(struct),
    native: false,
    take: ({ buffer }) => {
      const count = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength).getUint32(numEntriesOffset, true);
      if (count > MAX_TABLE_ROWS) {
        throw new IpHelperError(`${fn.name} returned a table claiming ${count} rows (more than ${MAX_TABLE_ROWS}); refusing to read it`, {
          code: 'ERR_IPHLPAPI_BAD_RESULT',
          syscall: fn.name,
          errno: 0,
        });
      }
      // Only the rows it says it holds: the rest of the buffer is not the table's.
      return new Uint8Array(buffer.buffer, buffer.byteOffset, Math.min(buffer.length, Math.max(numEntriesOffset + 4, firstRowOffset + count * rowSize)));
    },
  };
}

/** GetAdaptersAddresses' first buffer: the 15 KB Microsoft's page recommends, enough for most machines in one call. */
export const ADAPTER_LIST_FIRST_SIZE = 15 * 1024;
/** The most bytes an adapter list may ask for (64 MiB): far above any machine's, far below what would exhaust memory. */
export const ADAPTER_LIST_MAX_SIZE = 64 * 1024 * 1024;

/** A linked list's bytes as the call filled them, and where they were (captures keep both). */
export interface ListBytes {
  readonly bytes: Uint8Array;
  /** The address of bytes[0] in this process, and of the first node (the buffer's start). */
  readonly base: bigint;
  readonly head: bigint;
}

/**
 * GetAdaptersAddresses(Family, Flags, NULL, buffer, &size): a caller-allocated linked list whose
 * pointers point into the buffer, so the buffer is native memory whose address is kept (see
 * sizedPlan); null for ERROR_NO_DATA (no adapters).
 */
export function adapterListCall<I extends unknown[]>(fn: DllFunction, args: (...input: I) => readonly [family: number, flags: number]) {
  const call: SizedCall<ListBytes> = {
    fn,
    args: (buffer, sizeRef, [family, flags]) => [family, flags, null, buffer, sizeRef],
    overflow: WIN32.ERROR_BUFFER_OVERFLOW,
    firstSize: ADAPTER_LIST_FIRST_SIZE,
    // Then exactly the size it asks for, as Microsoft's example loop does.
    minSize: 1,
    maxSize: ADAPTER_LIST_MAX_SIZE,
    native: true,
    take: ({ buffer, address }) => ({ bytes: buffer, base: address!, head: address! }),
  };
  const plan = (input: I) => {
    const rest = args(...input);
    assertWindows(fn.name);
    return sizedPlan(call, rest);
  };
  return { sync: (...input: I) => runSync(plan(input)), async: (...input: I) => runAsync(plan(input)) };
}

/**
 * Defines a caller-allocated table call: `args` validates the caller's input
 * (before anything platform-specific) and returns the arguments after the
 * buffer and its size.
 */
export function sizedTableCall<I extends unknown[]>(fn: DllFunction, struct: Struct, args: (...input: I) => readonly unknown[]): TableCall<I> {
  let call: SizedCall<Uint8Array> | undefined; // made on the first call: importing computes no layout
  const plan = (input: I) => {
    const rest = args(...input);
    assertWindows(fn.name);
    return sizedPlan((call ??= sizedTable(fn, struct)), rest);
  };
  return { sync: (...input) => runSync(plan(input)), async: (...input) => runAsync(plan(input)) };
}

/** One table of a family call's answer, with the struct its rows are (for captures). */
export interface StructTable {
  readonly struct: Struct;
  readonly bytes: Uint8Array | null;
}

/** The rows of a table call per family, decoded: sync and async twins; and the raw tables, for captures. */
export interface FamilyTable<R> {
  readonly sync: (family: unknown) => R[];
  readonly async: (family: unknown) => Promise<R[]>;
  /** The tables' bytes, one per struct (for 'all', a struct's IPv4 and IPv6 rows together; null: no entries). */
  readonly tables: (family: unknown) => StructTable[];
}

/** A family the system does not serve: ERROR_NOT_SUPPORTED, or ERROR_INVALID_FUNCTION (Wine 8's GetIpNetTable2 for IPv6). */
function notSupported(error: unknown): boolean {
  return error instanceof IpHelperError && (error.errno === WIN32.ERROR_NOT_SUPPORTED || error.errno === WIN32.ERROR_INVALID_FUNCTION);
}

type Outcome = { af: number; bytes: Uint8Array | null } | { af: number; error: unknown };

/** The tables of each family that answered; an error unless the rules of familyTable excuse it. */
function answered(afs: number[], results: Outcome[]): { af: number; bytes: Uint8Array | null }[] {
  const tables: { af: number; bytes: Uint8Array | null }[] = [];
  for (const result of results) {
    if ('error' in result) {
      if (afs.length === 1 || !notSupported(result.error)) throw result.error;
      continue;
    }
    tables.push(result);
  }
  if (tables.length === 0) throw (results[0] as { error: unknown }).error;
  return tables;
}

/** Several tables of one struct as one: NumEntries the sum, rows one after the other. */
function concatTables(struct: Struct, tables: readonly (Uint8Array | null)[]): Uint8Array | null {
  const present = tables.filter((t): t is Uint8Array => t !== null);
  if (present.length <= 1) return present[0] ?? null;
  const { numEntriesOffset, firstRowOffset, rowSize } = struct.layout();
  const counts = present.map((t) => new DataView(t.buffer, t.byteOffset, t.byteLength).getUint32(numEntriesOffset, true));
  const total = counts.reduce((a, b) => a + b, 0);
  const out = new Uint8Array(firstRowOffset + Math.max(total, 1) * rowSize);
  new DataView(out.buffer).setUint32(numEntriesOffset, total, true);
  let at = firstRowOffset;
  present.forEach((t, i) => {
    out.set(t.subarray(firstRowOffset, firstRowOffset + counts[i]! * rowSize), at);
    at += counts[i]! * rowSize;
  });
  return out;
}

/**
 * A table asked for one family at a time, where 'all' is the IPv4 table
 * followed by the IPv6 one — never one AF_UNSPEC call, which some systems
 * mishandle (Wine 8's GetIpNetTable2 fills the IPv4 rows and still returns an
 * error; every table handed out is freed all the same). With 'all', a family
 * the system does not serve (ERROR_NOT_SUPPORTED, or ERROR_INVALID_FUNCTION as
 * Wine 8's GetIpNetTable2 answers for IPv6) contributes no rows; if neither
 * family is served, that error is thrown. `structFor` says which struct a
 * family's rows are (one for both, or one each: MIB_TCPROW_OWNER_PID and
 * MIB_TCP6ROW_OWNER_PID).
 */
export function familyTable(call: TableCall<[number]>, structFor: (af: number) => Struct): FamilyTable<Record<string, unknown>> {
  const families = (family: unknown): number[] => {
    const af = toAddressFamily(family);
    return af === AF_UNSPEC ? [AF_INET, AF_INET6] : [af];
  };
  const decode = (tables: { af: number; bytes: Uint8Array | null }[]) => {
    let rows: Record<string, unknown>[] = [];
    for (const { af, bytes } of tables) {
      if (bytes === null) continue;
      const part = decodeTable(structFor(af), bytes);
      rows = rows.length === 0 ? part : rows.concat(part); // concat, not flat(): cheaper for two small arrays
    }
    return rows;
  };
  const syncTables = (family: unknown) => {
    const afs = families(family);
    return answered(
      afs,
      afs.map((af): Outcome => {
        try {
          return { af, bytes: call.sync(af) };
        } catch (error) {
          return { af, error };
        }
      }),
    );
  };
  return {
    sync: (family) => decode(syncTables(family)),
    async: async (family) => {
      const afs = families(family);
      const results: Outcome[] = [];
      for (const af of afs) {
        try {
          results.push({ af, bytes: await call.async(af) });
        } catch (error) {
          results.push({ af, error });
        }
      }
      return decode(answered(afs, results));
    },
    tables: (family) => {
      const byStruct = new Map<Struct, (Uint8Array | null)[]>();
      for (const { af, bytes } of syncTables(family)) {
        const struct = structFor(af);
        byStruct.set(struct, [...(byStruct.get(struct) ?? []), bytes]);
      }
      return [...byStruct].map(([struct, tables]) => ({ struct, bytes: concatTables(struct, tables) }));
    },
  };
}
