import { type Arch, type Member, type RowOf, type StructDecl, type StructLayout } from './ctypes.js';
import { type RowReader } from './reader.js';
import { type RowSchema } from './schema.js';
import type { z } from 'zod';
/** A struct declaration and what derives from it. Heavy parts (reader, schemas) are built on first use. */
export interface Struct<M extends readonly Member[] = readonly Member[]> {
    readonly decl: StructDecl<M>;
    readonly name: string;
    /** The row's JS keys, in header order. */
    readonly keys: readonly string[];
    /** The Windows layout on an architecture (x64 by default; ia32 and arm64 are the same for every IP Helper row). */
    layout(arch?: Arch): StructLayout & {
        readonly offsets: Readonly<Record<M[number][0], number>>;
    };
    /** The full zod schema of a row. */
    schema(): RowSchema<M>;
    /** The schema decoded rows are validated with (the members bytes can violate). */
    decodedSchema(): z.ZodType;
    /** The generated reader of one row, without validation. */
    reader(): RowReader<Record<string, unknown>>;
}
/** Declares a struct once; everything else about it derives from `decl`. */
export declare function defineStruct<const M extends readonly Member[]>(decl: StructDecl<M>): Struct<M>;
/** A DataView over bytes; a TypeError naming `name` for anything else. */
export declare function toView(bytes: Uint8Array | ArrayBuffer, name?: string): DataView;
/** The table's NumEntries, after checking the bytes hold that many rows (ERR_IPINTERFACE_TRUNCATED otherwise). */
export declare function tableCount(struct: Struct, view: DataView): number;
/** Reads every row of a table's bytes, by stride, without validation. */
export declare function readTable<R = Record<string, unknown>>(struct: Struct, bytes: Uint8Array | ArrayBuffer): R[];
/** A view of one whole row; ERR_IPINTERFACE_TRUNCATED if the bytes are fewer. */
export declare function rowView(struct: Struct, bytes: Uint8Array | ArrayBuffer): DataView;
/** Validates rows made by a reader; throws on the first invalid one, naming row, field and raw value. */
export declare function validateRows<R>(struct: Struct, rows: readonly unknown[]): R[];
/** Decodes a table's bytes into validated rows. */
export declare function decodeTable<M extends readonly Member[]>(struct: Struct<M>, bytes: Uint8Array | ArrayBuffer): RowOf<M>[];
/** Decodes one row's bytes (as a Get…Entry call fills it) into a validated row. */
export declare function decodeRow<M extends readonly Member[]>(struct: Struct<M>, bytes: Uint8Array | ArrayBuffer): RowOf<M>;
