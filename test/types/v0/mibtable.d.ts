import { type DllFunction } from './functions.js';
import { type NativePointer } from './native.js';
import type { Member, RowOf } from './struct/ctypes.js';
import { type Struct } from './struct/define.js';
/**
 * The most rows a table may claim before it is treated as corrupt rather than
 * read: far above any real machine, far below what would exhaust memory.
 */
export declare const MAX_TABLE_ROWS = 1000000;
/** What takeTable needs from native memory; tests give it a fake. */
export interface NativeMemory {
    readUint32(table: NativePointer, offset: number): number;
    copyBytes(table: NativePointer, length: number): Uint8Array;
    free(table: NativePointer): void;
}
/**
 * Turns what a Get…Table call returned into the table's bytes, freeing the
 * native table exactly once whatever happens. `null` means "no entries"
 * (ERROR_NOT_FOUND, or its NTSTATUS spelling).
 */
export declare function takeTable(syscall: string, struct: Struct, status: number, table: NativePointer | null | undefined, memory?: NativeMemory): Uint8Array | null;
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
export declare function tableCall<I extends unknown[]>(fn: DllFunction, struct: Struct, args: (...input: I) => unknown[]): TableCall<I>;
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
export declare function rowCall<I extends unknown[], K>(fn: DllFunction, check: (...input: I) => K, row: (key: K) => Buffer): RowCall<I>;
/** The rows of a table call per family, decoded: sync and async twins; and the raw table, for captures. */
export interface FamilyTable<R> {
    readonly sync: (family: unknown) => R[];
    readonly async: (family: unknown) => Promise<R[]>;
    /** The table's bytes as one MIB_…_TABLE (for 'all', the IPv4 and IPv6 rows together), or null for no entries. */
    readonly bytes: (family: unknown) => Uint8Array | null;
}
/**
 * A Get…Table2(Family, &Table) call where 'all' is the IPv4 table followed by
 * the IPv6 one — never one AF_UNSPEC call, which some systems mishandle (Wine
 * 8's GetIpNetTable2 fills the IPv4 rows and still returns an error; every
 * table handed out is freed all the same). With 'all', a family the system
 * does not serve (ERROR_NOT_SUPPORTED, or ERROR_INVALID_FUNCTION as Wine 8's
 * GetIpNetTable2 answers for IPv6) contributes no rows; if neither family is
 * served, that error is thrown.
 */
export declare function familyTable<M extends readonly Member[]>(fn: DllFunction, struct: Struct<M>): FamilyTable<RowOf<M>>;
/** One native step of a plan: how to do it on this thread, and on a worker thread. */
export interface Step<T> {
    readonly sync: () => T;
    readonly async: () => Promise<T>;
}
/** A function written once as a generator of steps, run synchronously or asynchronously. */
export type Plan<T> = Generator<Step<unknown>, T, unknown>;
/** Runs a plan on this thread. */
export declare function runSync<T>(plan: Plan<T>): T;
/** Runs a plan with each step's native call on a worker thread. */
export declare function runAsync<T>(plan: Plan<T>): Promise<T>;
/** `yield* step(s)` inside a plan: the step's value, typed. */
export declare function step<T>(s: Step<T>): Generator<Step<unknown>, T, unknown>;
