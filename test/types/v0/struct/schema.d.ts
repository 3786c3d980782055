/**
 * zod schemas derived from a struct's declaration.
 *
 * `rowSchema` is the full schema users run on rows that crossed a process
 * boundary (Electron IPC) or were revived from JSON; its inferred type is the
 * row type. zod's cost is per schema node, so integers are cheap `z.number()` /
 * `z.bigint()` nodes whose ranges are checked together in one row-level check:
 * it accepts exactly what a `z.uint32()` / `z.uint64()` per field would (the
 * tests hold it to that spelling).
 *
 * `decodedSchema` is the part bytes can violate: a reader builds every other
 * field with a type that cannot fail (getUint32 gives a ULONG, `!== 0` a
 * boolean…); only enums with no name for the raw value and lengths larger than
 * their array can. Decoded rows are validated with it; a fuzz test holds both
 * schemas to the same verdict on decoded random bytes.
 */
import type { z } from 'zod';
import { type Kind, type Member, type RowOf, type StructDecl } from './ctypes.js';
/** The zod node of one kind in the full schema. */
export declare function kindSchema(kind: Kind): z.ZodType;
/** The full zod object of a struct's row, typed from its declaration. */
export type RowSchema<M extends readonly Member[]> = z.ZodObject<{
    -readonly [K in keyof RowOf<M>]: z.ZodType<RowOf<M>[K]>;
}>;
/** Builds the full schema of a struct's row: one node per member, integer ranges in one row-level check. */
export declare function rowSchema<M extends readonly Member[]>(decl: StructDecl<M>): RowSchema<M>;
/** Builds the decoded-row schema: only the members bytes can make invalid. */
export declare function decodedRowSchema(decl: StructDecl): z.ZodType;
