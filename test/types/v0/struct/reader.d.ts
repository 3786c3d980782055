/**
 * Row readers generated from a struct's declaration.
 *
 * For each struct, the source of one function `(view, base) => row` is written
 * from its layout — every offset a literal, every key in header order, one
 * object literal per row — and compiled once with `new Function`. V8 then sees
 * the same straight-line code a person would write by hand (the benchmark holds
 * it to a hand-written DataView reader), which a loop over per-field closures
 * is not: that was measured at about 18x slower. Compiling at run time keeps
 * the declaration the only source (no generated file to keep in step); it needs
 * code generation from strings, which Node and Electron's main and utility
 * processes allow (`--disallow-code-generation-from-strings` does not: then the
 * reader throws an error that says so).
 *
 * Padding, bytes after a string's NUL and bytes past a length-prefixed array's
 * length are never read. Enum values with no name, and a length member larger
 * than its array, come out as raw numbers: validation rejects those rows,
 * naming the field and the raw value.
 */
import { type StructLayout } from './ctypes.js';
/** Reads one row at byte `base` of `view`. */
export type RowReader<R> = (view: DataView, base: number) => R;
/** A GUID's 16 bytes: Data1 (ULONG), Data2, Data3 (USHORT) little-endian, Data4 as bytes. */
export declare function guid(view: DataView, o: number): string;
/** An IPv6 address's 16 bytes per RFC 5952: lowercase, no leading zeros, the longest run (≥ 2) of zero groups as '::'. */
export declare function formatIpv6(view: DataView, o: number): string;
/** SOCKADDR_INET → address string; '' for AF_UNSPEC; the raw family number for anything else. */
export declare function sockaddr(view: DataView, o: number): string | number;
/**
 * The JavaScript source of a reader for `layout`, and the constants it refers
 * to (enum name tables). Exported for the tests and the docs generator.
 */
export declare function readerSource(layout: StructLayout): {
    source: string;
    constants: unknown[];
};
/** Compiles the reader for `layout` (see the module comment for why it is generated). */
export declare function compileReader<R>(layout: StructLayout, structName: string): RowReader<R>;
