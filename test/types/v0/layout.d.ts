/**
 * The layout of MIB_IPINTERFACE_ROW and MIB_IPINTERFACE_TABLE, computed in pure
 * TypeScript from the struct's one declaration by the Windows layout rules (no
 * koffi needed, so captures decode where native addons are not allowed).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_row
 */
import type { FieldLayout, StructLayout } from './struct/ctypes.js';
import { MIB_IPINTERFACE_ROW } from './structs/mib-ipinterface-row.js';
type Members = typeof MIB_IPINTERFACE_ROW.decl.members;
export type RowCName = Members[number][0];
export type RowKey = Uncapitalize<RowCName>;
/** MIB_IPINTERFACE_ROW's members in header order: C name and JS key. */
export declare const ROW_FIELDS: readonly (readonly [RowCName, RowKey])[];
export type { FieldLayout };
/** Everything the decoder needs to know about the bytes, derived from one declaration. */
export interface IpInterfaceLayout extends StructLayout {
    /** offsetof(MIB_IPINTERFACE_ROW, field) by C name. */
    readonly offsets: Readonly<Record<RowCName, number>>;
}
/**
 * Returns the layout of MIB_IPINTERFACE_ROW and MIB_IPINTERFACE_TABLE on x64
 * (the same on ia32 and arm64): row size, alignment, first-row offset and every
 * member's offset.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_table
 */
export declare function ipInterfaceLayout(): IpInterfaceLayout;
