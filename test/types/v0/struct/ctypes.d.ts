/**
 * The C types the IP Helper structs are made of, and the Windows layout rules.
 *
 * A struct is declared once (see ../structs/) as its C members in header order:
 * each member is a C name and one of the kinds below. Everything else — size,
 * alignment and offsets for each architecture, the koffi type, the row reader,
 * the zod schema, the TypeScript row type, the CLI fields and the reference
 * docs — is derived from that list. This module is pure: no koffi, no zod.
 *
 * Windows lays structs out the MSVC way on x64, ia32 and arm64 alike: every
 * member at a multiple of its own alignment (8 for 64-bit integers, also on
 * ia32), the struct aligned to its most-aligned member and padded to a multiple
 * of that. Bitfields of BOOLEAN share one byte, the first-declared at bit 0.
 */
/** Windows architectures: they differ only in pointer size, which none of the IP Helper rows hold. */
export type Arch = 'x64' | 'ia32' | 'arm64';
export declare const ARCHES: readonly Arch[];
/** How a member's bytes become a JS value. `T` is that value's type (phantom, for inference). */
export type Kind<T = unknown> = UintKind<T> | IntKind<T> | BoolKind<T> | EnumKind<T> | ArrayKind<T> | BitsKind<T> | FlagsKind<T> | WstrKind<T> | BytesKind<T> | GuidKind<T> | SockaddrKind<T> | PrefixKind<T>;
interface KindBase<T> {
    /** The C type as the header spells it, for docs and error messages. */
    readonly cType: string;
    /** sizeof and alignof on Windows. */
    readonly size: number;
    readonly align: number;
    /** Phantom: the decoded value's type. Never set at run time. */
    readonly __value?: T;
}
/** Unsigned integer: a number, or a bigint for 64 bits. */
export interface UintKind<T> extends KindBase<T> {
    readonly t: 'uint';
}
/** Signed integer: a number, or a bigint for 64 bits. */
export interface IntKind<T> extends KindBase<T> {
    readonly t: 'int';
}
/** BOOLEAN (one byte): true when non-zero. */
export interface BoolKind<T> extends KindBase<T> {
    readonly t: 'bool';
}
/** A C enum (or an ADDRESS_FAMILY): raw value → name; values with no name stay numbers, for validation to reject. */
export interface EnumKind<T> extends KindBase<T> {
    readonly t: 'enum';
    readonly signed: boolean;
    /** name → raw value, as the header defines them. */
    readonly values: Readonly<Record<string, number>>;
}
/** A fixed array of unsigned integers (e.g. ULONG ZoneIndices[ScopeLevelCount]). */
export interface ArrayKind<T> extends KindBase<T> {
    readonly t: 'array';
    readonly of: UintKind<number>;
    readonly length: number;
}
/** One byte of 1-bit BOOLEAN bitfields, first-declared = bit 0: an object of booleans. */
export interface BitsKind<T> extends KindBase<T> {
    readonly t: 'bits';
    /** The bitfields' C names, bit 0 first. */
    readonly bits: readonly string[];
}
/**
 * One byte of BOOLEAN bitfields in an anonymous union (MIB_IPNET_ROW2's
 * IsRouter/IsUnreachable): each bit is a boolean member of the row itself,
 * keyed by the camelCase of its C name; the byte's other bits are not read.
 */
export interface FlagsKind<T> extends KindBase<T> {
    readonly t: 'flags';
    readonly bits: readonly string[];
}
/** WCHAR[length]: UTF-16LE up to the first NUL (or the array's end); anything after it is never read. */
export interface WstrKind<T> extends KindBase<T> {
    readonly t: 'wstr';
    readonly length: number;
}
/**
 * UCHAR[length] whose first N bytes are data, N being another (earlier)
 * member: lowercase hex pairs joined by ':' (how Node writes a MAC), '' for 0.
 */
export interface BytesKind<T> extends KindBase<T> {
    readonly t: 'bytes';
    readonly length: number;
    /** The C name of the member that holds N. */
    readonly lengthMember: string;
}
/** GUID: `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`, as ConvertInterfaceLuidToGuid and StringFromGUID2 write it. */
export interface GuidKind<T> extends KindBase<T> {
    readonly t: 'guid';
}
/** SOCKADDR_INET: the address as a string (IPv4 dotted, IPv6 per RFC 5952); '' for AF_UNSPEC. */
export interface SockaddrKind<T> extends KindBase<T> {
    readonly t: 'sockaddr';
}
/** IP_ADDRESS_PREFIX: `{ address, prefixLength }`. */
export interface PrefixKind<T> extends KindBase<T> {
    readonly t: 'prefix';
}
/** The value a kind decodes to. */
export type ValueOf<K> = K extends KindBase<infer T> ? T : never;
export declare const UCHAR: UintKind<number>;
export declare const UINT8: UintKind<number>;
export declare const USHORT: UintKind<number>;
export declare const ULONG: UintKind<number>;
export declare const NET_IFINDEX: UintKind<number>;
export declare const ULONG64: UintKind<bigint>;
/** NET_LUID: a union whose Value is a ULONG64; a bigint here. */
export declare const NET_LUID: UintKind<bigint>;
export declare const LONG: IntKind<number>;
/** LARGE_INTEGER: a signed 64-bit integer (QuadPart); a bigint here. */
export declare const LARGE_INTEGER: IntKind<bigint>;
/** SCOPE_ID: a union of bitfields (Zone:28, Level:4) whose Value is a ULONG; the number here. */
export declare const SCOPE_ID: UintKind<number>;
export declare const BOOLEAN: BoolKind<boolean>;
export declare const GUID: GuidKind<string>;
/** SOCKADDR_INET: a union of SOCKADDR_IN (16 bytes) and SOCKADDR_IN6 (28), tagged by its first USHORT. */
export declare const SOCKADDR_INET: SockaddrKind<string>;
/** IP_ADDRESS_PREFIX: SOCKADDR_INET Prefix, UINT8 PrefixLength (then 3 bytes of padding). */
export declare const IP_ADDRESS_PREFIX: PrefixKind<{
    address: string;
    prefixLength: number;
}>;
/** A C enum (4 bytes, signed on Windows) with its names; `values` maps each name to its raw value. */
export declare function cEnum<const V extends Readonly<Record<string, number>>>(cType: string, values: V): EnumKind<keyof V & string>;
/** An unsigned enum of another width (ADDRESS_FAMILY is a USHORT). */
export declare function uintEnum<const V extends Readonly<Record<string, number>>>(cType: string, size: 1 | 2 | 4, values: V): EnumKind<keyof V & string>;
/** `of[length]`, a fixed array of unsigned integers. */
export declare function array(of: UintKind<number>, length: number, cType?: string): ArrayKind<number[]>;
/** The value of a bits kind: one boolean per bitfield, keyed by the camelCase of its C name. */
export type BitsValue<N extends readonly string[]> = {
    [K in N[number] as Uncapitalize<K>]: boolean;
};
/** One byte of BOOLEAN bitfields; `bits` in declaration order (bit 0 first), at most 8. */
export declare function bits<const N extends readonly string[]>(cType: string, names: N): BitsKind<BitsValue<N>>;
/** An anonymous union's byte of BOOLEAN bitfields, flattened into the row (bit 0 first). */
export declare function flags<const N extends readonly string[]>(cType: string, names: N): FlagsKind<BitsValue<N>>;
/** WCHAR[length]. */
export declare function wchar(length: number, cType?: string): WstrKind<string>;
/** UCHAR[length] holding `lengthMember` bytes of data. */
export declare function bytes(length: number, lengthMember: string, cType?: string): BytesKind<string>;
/** One member: its C name and kind. */
export type Member = readonly [cName: string, kind: Kind];
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type Simplify<T> = {
    [K in keyof T]: T[K];
} & {};
type FlatMembers<M extends readonly Member[]> = Extract<M[number], readonly [string, FlagsKind<unknown>]>;
/**
 * The row type of a member list: camelCase keys (the C name with its first
 * letter lowercased); a flags member contributes one boolean key per bit.
 */
export type RowOf<M extends readonly Member[]> = Simplify<{
    -readonly [E in Exclude<M[number], FlatMembers<M>> as Uncapitalize<E[0]>]: ValueOf<E[1]>;
} & UnionToIntersection<FlatMembers<M> extends readonly [string, infer K] ? ValueOf<K> : never>>;
/** The row's JS keys in header order: one per member, or one per bit of a flags member. */
export declare function rowKeys(members: readonly Member[]): string[];
/** The JS key of a C member name. */
export declare function keyOf<N extends string>(cName: N): Uncapitalize<N>;
/** A struct as declared: the row and, for table structs, the table that holds it. */
export interface StructDecl<M extends readonly Member[] = readonly Member[]> {
    /** The row struct's C name, e.g. MIB_IF_ROW2. */
    readonly name: string;
    /** The table struct's C name (`{ ULONG NumEntries; ROW Table[ANY_SIZE]; }`), e.g. MIB_IF_TABLE2. */
    readonly table?: string;
    /** learn.microsoft.com page of the row struct. */
    readonly doc: string;
    readonly members: M;
    /** What each member means (C name → sentence), for the generated reference page. */
    readonly memberDocs?: Readonly<Partial<Record<M[number][0], string>>>;
}
/** A member placed at its offset. */
export interface FieldLayout {
    readonly cName: string;
    readonly key: string;
    readonly kind: Kind;
    readonly offset: number;
    readonly size: number;
}
/** Everything about a struct's bytes on one architecture. */
export interface StructLayout {
    readonly arch: Arch;
    /** sizeof(row): the stride between rows. */
    readonly rowSize: number;
    /** alignof(row). */
    readonly rowAlignment: number;
    /** offsetof(table, NumEntries). */
    readonly numEntriesOffset: number;
    /** offsetof(table, Table): where the first row starts. */
    readonly firstRowOffset: number;
    /** Members in header order. */
    readonly fields: readonly FieldLayout[];
    /** offsetof(row, member) by C name. */
    readonly offsets: Readonly<Record<string, number>>;
}
/** Computes the Windows layout of a declared struct (and of its table) for one architecture. */
export declare function computeLayout(decl: StructDecl, arch?: Arch): StructLayout;
export {};
