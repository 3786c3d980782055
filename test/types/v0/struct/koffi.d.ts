/**
 * koffi types derived from a struct's declaration, for native calls that want
 * a typed struct. Nothing decodes through them (rows are copied as bytes and
 * read by the generated reader); the Wine tier checks that koffi, given these
 * members with Windows alignments, places every member where the pure layout
 * does.
 */
import { type KoffiType } from '../native.js';
import type { Struct } from './define.js';
/**
 * The koffi struct types of a row and its table, declared on first use. They
 * are anonymous: koffi type names are global, and an application may declare
 * its own MIB_IF_ROW2.
 */
export declare function koffiTypes(struct: Struct): {
    row: KoffiType;
    table: KoffiType;
};
