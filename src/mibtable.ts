/**
 * The one way a Get…Table call is made, for every table: call, copy the table
 * out of native memory, free it with FreeMibTable exactly once on every path,
 * decode the copy. Synchronous and asynchronous calls are built from the same
 * definition (`tableCall`), so they cannot differ but in the thread they use.
 */
import { IpHelperError } from './errors.js';
import { bound, call, callAsync, FreeMibTable, type DllFunction } from './functions.js';
import { assertWindows, checkStatus, copyBytes, readUint32, type NativePointer } from './native.js';
import type { Struct } from './struct/define.js';

const ERROR_NOT_FOUND = 1168;
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
    if (status === ERROR_NOT_FOUND || status >>> 0 === STATUS_NOT_FOUND) return null;
    checkStatus(syscall, status);
    if (table === null || table === undefined) {
      throw new IpHelperError(`${syscall} reported success but returned no table (a NULL pointer)`, {
        code: 'ERR_IPHLPAPI_BAD_RESULT',
        syscall,
        errno: 0,
      });
    }
    const layout = struct.layout(process.arch === 'ia32' ? 'ia32' : process.arch === 'arm64' ? 'arm64' : 'x64');
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
