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

/**
 * Windows architectures: they differ only in pointer size (8 bytes on x64 and arm64, 4 on ia32).
 * The flat IP Helper rows hold no pointer and have one layout on all three; the pointer-linked
 * lists (IP_ADAPTER_ADDRESSES and its nodes) do not.
 */
export type Arch = 'x64' | 'ia32' | 'arm64';
export const ARCHES: readonly Arch[] = Object.freeze(['x64', 'ia32', 'arm64'] as const);

/** The Windows architecture this process runs as (what the structs it is handed are laid out for). */
export function processArch(): Arch {
  return process.arch === 'ia32' ? 'ia32' : process.arch === 'arm64' ? 'arm64' : 'x64';
}

/** How a member's bytes become a JS value. `T` is that value's type (phantom, for inference). */
export type Kind<T = unknown> = BaseKind<T> | In4Kind<T> | In6Kind<T> | PortKind<T> | ConstKind<T> | PointerKind<T> | SkipKind<T>;

/** The kinds whose size follows the architecture's pointer size. */
export type PointerKind<T = unknown> = PwstrKind<T> | PstrKind<T> | NextKind<T> | ListKind<T> | SocketAddressKind<T>;

/** The kinds of the IP Helper rows the package began with (what ipInterfaceLayout()'s public type names). */
export type BaseKind<T = unknown> =
  | UintKind<T>
  | IntKind<T>
  | BoolKind<T>
  | EnumKind<T>
  | ArrayKind<T>
  | BitsKind<T>
  | FlagsKind<T>
  | WstrKind<T>
  | BytesKind<T>
  | GuidKind<T>
  | SockaddrKind<T>
  | PrefixKind<T>;

interface KindBase<T> {
  /** The C type as the header spells it, for docs and error messages. */
  readonly cType: string;
  /** sizeof and alignof on Windows (on x64 and arm64 for a kind that holds a pointer: see PointerSized). */
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
/** One byte (or a ULONG) of 1-bit bitfields, first-declared = bit 0: an object of booleans. */
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
/** WCHAR[length]: UTF-16LE up to the first NUL, which must be in the array (a row without one is invalid); anything after it is never read. */
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
/** SOCKADDR_INET: the address as a string (IPv4 dotted, IPv6 per RFC 5952); any other family is an invalid row. */
export interface SockaddrKind<T> extends KindBase<T> {
  readonly t: 'sockaddr';
}
/** IP_ADDRESS_PREFIX: `{ address, prefixLength }`. */
export interface PrefixKind<T> extends KindBase<T> {
  readonly t: 'prefix';
}

/** A DWORD holding an IPv4 address in network byte order (dwLocalAddr of MIB_TCPROW): dotted-quad text. */
export interface In4Kind<T> extends KindBase<T> {
  readonly t: 'in4';
}
/** UCHAR[16] holding an IPv6 address (ucLocalAddr of MIB_TCP6ROW): text per RFC 5952. */
export interface In6Kind<T> extends KindBase<T> {
  readonly t: 'in6';
}
/** A DWORD whose low 16 bits hold a port in network byte order (dwLocalPort): the port number; the high 16 bits are never read. */
export interface PortKind<T> extends KindBase<T> {
  readonly t: 'port';
}
/**
 * Not a C member: a value every row of the struct has, written first in each
 * row (the family of MIB_TCPROW_OWNER_PID's rows, which the struct implies).
 * It takes no bytes.
 */
export interface ConstKind<T> extends KindBase<T> {
  readonly t: 'const';
  readonly value: string;
}

/** A kind that holds a pointer: its sizeof and alignof on ia32 (`size`/`align` are x64's and arm64's). */
interface PointerSized {
  readonly size32: number;
  readonly align32: number;
}

/**
 * PWCHAR: a pointer to a NUL-terminated UTF-16LE string inside the same buffer; '' for NULL. A
 * pointer outside the buffer, or a string whose NUL is not inside it, is refused with a typed error.
 */
export interface PwstrKind<T> extends KindBase<T>, PointerSized {
  readonly t: 'pwstr';
}
/** PCHAR: a pointer to a NUL-terminated ANSI string inside the same buffer (read as Latin-1: Windows writes ASCII there); '' for NULL. */
export interface PstrKind<T> extends KindBase<T>, PointerSized {
  readonly t: 'pstr';
}
/** The `Next` pointer of a linked list's node: followed by the list walker, never a key of the row. */
export interface NextKind<T> extends KindBase<T>, PointerSized {
  readonly t: 'next';
}
/**
 * A pointer to the first node of a nested list (FirstUnicastAddress): an array of the node
 * struct's rows in list order, or of one key of each (`pick`: FirstDnsServerAddress → its
 * address strings). Each node is checked to lie inside the buffer; cycles and lists longer than
 * MAX_LIST_NODES are refused.
 */
export interface ListKind<T> extends KindBase<T>, PointerSized {
  readonly t: 'list';
  /** The node struct (it has a `next` member). Typed loosely here: ctypes knows no Struct. */
  readonly node: { readonly name: string; readonly decl: StructDecl };
  /** The key of each node's row that stands for the node, or undefined for the whole row. */
  readonly pick: string | undefined;
}
/**
 * SOCKET_ADDRESS { LPSOCKADDR lpSockaddr; INT iSockaddrLength; }: the sockaddr it points at.
 * `text`: one string, the address with `%scopeId` appended for an IPv6 address with a non-zero
 * sin6_scope_id ('' for NULL). `split`: two keys, the address (no zone) and `scopeId` (0 for IPv4).
 * A family other than AF_INET/AF_INET6, or a length shorter than its sockaddr, is an invalid row.
 */
export interface SocketAddressKind<T> extends KindBase<T>, PointerSized {
  readonly t: 'socketAddress';
  readonly form: 'text' | 'split';
}
/** A member that is never read (a node's Length, a reserved Flags): no key in the row. */
export interface SkipKind<T> extends KindBase<T> {
  readonly t: 'skip';
}

/** The value a kind decodes to. */
export type ValueOf<K> = K extends KindBase<infer T> ? T : never;

/** ADDRESS_FAMILY values as Windows numbers them (ws2def.h). AF_INET6 is 23 on Windows, not Linux's 10. */
export const AF_UNSPEC = 0;
export const AF_INET = 2;
export const AF_INET6 = 23;

/* ---- The kinds, named as the headers name the types. ---- */

function uint<T extends number | bigint>(cType: string, size: 1 | 2 | 4 | 8): UintKind<T> {
  return Object.freeze({ t: 'uint', cType, size, align: size });
}
function int<T extends number | bigint>(cType: string, size: 1 | 2 | 4 | 8): IntKind<T> {
  return Object.freeze({ t: 'int', cType, size, align: size });
}

export const UCHAR = uint<number>('UCHAR', 1);
export const UINT8 = uint<number>('UINT8', 1);
export const USHORT = uint<number>('USHORT', 2);
export const ULONG = uint<number>('ULONG', 4);
export const DWORD = uint<number>('DWORD', 4);
export const NET_IFINDEX = uint<number>('NET_IFINDEX', 4);
export const ULONG64 = uint<bigint>('ULONG64', 8);
/** NET_LUID: a union whose Value is a ULONG64; a bigint here. */
export const NET_LUID = uint<bigint>('NET_LUID', 8);
export const LONG = int<number>('LONG', 4);
/** LARGE_INTEGER: a signed 64-bit integer (QuadPart); a bigint here. */
export const LARGE_INTEGER = int<bigint>('LARGE_INTEGER', 8);
/** SCOPE_ID: a union of bitfields (Zone:28, Level:4) whose Value is a ULONG; the number here. */
export const SCOPE_ID = uint<number>('SCOPE_ID', 4);
export const BOOLEAN: BoolKind<boolean> = Object.freeze({ t: 'bool', cType: 'BOOLEAN', size: 1, align: 1 });
export const GUID: GuidKind<string> = Object.freeze({ t: 'guid', cType: 'GUID', size: 16, align: 4 });
/** SOCKADDR_INET: a union of SOCKADDR_IN (16 bytes) and SOCKADDR_IN6 (28), tagged by its first USHORT. */
export const SOCKADDR_INET: SockaddrKind<string> = Object.freeze({ t: 'sockaddr', cType: 'SOCKADDR_INET', size: 28, align: 4 });
/** IP_ADDRESS_PREFIX: SOCKADDR_INET Prefix, UINT8 PrefixLength (then 3 bytes of padding). */
export const IP_ADDRESS_PREFIX: PrefixKind<{ address: string; prefixLength: number }> = Object.freeze({
  t: 'prefix',
  cType: 'IP_ADDRESS_PREFIX',
  size: 32,
  align: 4,
});

/** DWORD in_addr: an IPv4 address in network byte order. */
export const IN_ADDR: In4Kind<string> = Object.freeze({ t: 'in4', cType: 'DWORD', size: 4, align: 4 });
/** UCHAR[16]: an IPv6 address. */
export const IN6_ADDR: In6Kind<string> = Object.freeze({ t: 'in6', cType: 'UCHAR[16]', size: 16, align: 1 });
/** DWORD port: network byte order in the low 16 bits. */
export const PORT: PortKind<number> = Object.freeze({ t: 'port', cType: 'DWORD', size: 4, align: 4 });

/** A value every row of the struct has (no bytes), e.g. `constant('ipv4')` for the family a struct implies. */
export function constant<const V extends string>(value: V): ConstKind<V> {
  return Object.freeze({ t: 'const', cType: '(none)', size: 0, align: 1, value });
}

/** A C enum (4 bytes, signed on Windows) with its names; `values` maps each name to its raw value. */
export function cEnum<const V extends Readonly<Record<string, number>>>(cType: string, values: V): EnumKind<keyof V & string> {
  return Object.freeze({ t: 'enum', cType, size: 4, align: 4, signed: true, values: Object.freeze({ ...values }) });
}

/** An unsigned enum of another width (ADDRESS_FAMILY is a USHORT). */
export function uintEnum<const V extends Readonly<Record<string, number>>>(
  cType: string,
  size: 1 | 2 | 4,
  values: V,
): EnumKind<keyof V & string> {
  return Object.freeze({ t: 'enum', cType, size, align: size, signed: false, values: Object.freeze({ ...values }) });
}

/** `of[length]`, a fixed array of unsigned integers. */
export function array(of: UintKind<number>, length: number, cType = `${of.cType}[${length}]`): ArrayKind<number[]> {
  return Object.freeze({ t: 'array', cType, size: of.size * length, align: of.align, of, length });
}

/** The value of a bits kind: one boolean per bitfield, keyed by the camelCase of its C name. */
export type BitsValue<N extends readonly string[]> = { [K in N[number] as Uncapitalize<K>]: boolean };

/** One byte of BOOLEAN bitfields (or, `size` 4, a ULONG of them); `bits` in declaration order (bit 0 first). */
export function bits<const N extends readonly string[]>(cType: string, names: N, size: 1 | 4 = 1): BitsKind<BitsValue<N>> {
  if (names.length > size * 8) throw new RangeError(`${cType}: at most ${size * 8} one-bit fields fit in ${size} byte(s)`);
  return Object.freeze({ t: 'bits', cType, size, align: size, bits: Object.freeze([...names]) });
}

/** An anonymous union's byte of BOOLEAN bitfields, flattened into the row (bit 0 first). */
export function flags<const N extends readonly string[]>(cType: string, names: N): FlagsKind<BitsValue<N>> {
  if (names.length > 8) throw new RangeError(`${cType}: at most 8 one-bit fields fit in a byte`);
  return Object.freeze({ t: 'flags', cType, size: 1, align: 1, bits: Object.freeze([...names]) });
}

/** WCHAR[length]. */
export function wchar(length: number, cType = `WCHAR[${length}]`): WstrKind<string> {
  return Object.freeze({ t: 'wstr', cType, size: 2 * length, align: 2, length });
}

/** UCHAR[length] holding `lengthMember` bytes of data. */
export function bytes(length: number, lengthMember: string, cType = `UCHAR[${length}]`): BytesKind<string> {
  return Object.freeze({ t: 'bytes', cType, size: length, align: 1, length, lengthMember });
}

/** A pointer's size and alignment on x64/arm64, then on ia32. */
const POINTER = { size: 8, align: 8, size32: 4, align32: 4 } as const;

export const PWCHAR: PwstrKind<string> = Object.freeze({ t: 'pwstr', cType: 'PWCHAR', ...POINTER });
export const PCHAR: PstrKind<string> = Object.freeze({ t: 'pstr', cType: 'PCHAR', ...POINTER });
/** `struct _NODE *Next`. */
export function next(cType: string): NextKind<never> {
  return Object.freeze({ t: 'next', cType, ...POINTER });
}
/** A pointer to the first node of a list of `node` rows (the whole row of each, or its key `pick`). */
export function list<S extends { readonly name: string; readonly decl: StructDecl }, const P extends string | undefined = undefined>(
  cType: string,
  node: S,
  pick?: P,
): ListKind<(P extends string ? NodeRow<S>[P & keyof NodeRow<S>] : NodeRow<S>)[]> {
  return Object.freeze({ t: 'list', cType, ...POINTER, node, pick: pick as string | undefined });
}
type NodeRow<S> = S extends { readonly decl: StructDecl<infer M> } ? RowOf<M> : never;
/** SOCKET_ADDRESS: a pointer and an INT, 16 bytes on x64, 8 on ia32. */
export function socketAddress<const F extends 'text' | 'split'>(form: F): SocketAddressKind<F extends 'text' ? string : { address: string; scopeId: number }> {
  return Object.freeze({ t: 'socketAddress', cType: 'SOCKET_ADDRESS', size: 16, align: 8, size32: 8, align32: 4, form });
}
/** A member that is never read, of an integer kind's size. */
export function skip(kind: UintKind<unknown>, cType = kind.cType): SkipKind<never> {
  return Object.freeze({ t: 'skip', cType, size: kind.size, align: kind.align });
}

/** sizeof a kind on `arch`. */
export function sizeOn(kind: Kind, arch: Arch): number {
  return arch === 'ia32' && 'size32' in kind ? kind.size32 : kind.size;
}
/** alignof a kind on `arch`. */
export function alignOn(kind: Kind, arch: Arch): number {
  return arch === 'ia32' && 'align32' in kind ? kind.align32 : kind.align;
}

/* ---- Structs. ---- */

/**
 * One member: its C name and kind, and its JS key where it is not the camelCase
 * of the C name (Hungarian prefixes: dwLocalAddr → localAddress).
 */
export type Member = readonly [cName: string, kind: Kind, key?: string];

/** A member's JS key. */
type MemberKey<E extends Member> = E[2] extends string ? E[2] : Uncapitalize<E[0]>;

/** Members that give the row no key: a list's Next, a member never read. */
type KeylessMembers<M extends readonly Member[]> = Extract<M[number], readonly [string, NextKind<unknown> | SkipKind<unknown>]>;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type FlatMembers<M extends readonly Member[]> = Extract<M[number], readonly [string, FlagsKind<unknown> | SocketAddressKind<{ address: string; scopeId: number }>]>;

/**
 * The row type of a member list: camelCase keys (the C name with its first
 * letter lowercased); a flags member contributes one boolean key per bit.
 */
export type RowOf<M extends readonly Member[]> = Simplify<
  { -readonly [E in Exclude<M[number], FlatMembers<M> | KeylessMembers<M>> as MemberKey<E>]: ValueOf<E[1]> } & UnionToIntersection<
    FlatMembers<M> extends readonly [string, infer K] ? ValueOf<K> : never
  >
>;

/**
 * The row's JS keys in header order: one per member, one per bit of a flags member, the address
 * and `scopeId` of a split SOCKET_ADDRESS, none for a Next pointer or a member never read.
 */
export function rowKeys(members: readonly Member[]): string[] {
  return members.flatMap((member) => memberKeys(member));
}

/** The JS keys one member gives the row (see rowKeys). */
export function memberKeys(member: Member): string[] {
  const kind = member[1];
  if (kind.t === 'flags') return kind.bits.map(keyOf);
  if (kind.t === 'next' || kind.t === 'skip') return [];
  if (kind.t === 'socketAddress' && kind.form === 'split') return [memberKey(member), 'scopeId'];
  return [memberKey(member)];
}

/** A member's JS key: its declared key, else the camelCase of its C name. */
export function memberKey(member: Member): string {
  return member[2] ?? keyOf(member[0]);
}

/** The JS key of a C member name. */
export function keyOf<N extends string>(cName: N): Uncapitalize<N> {
  return (cName.charAt(0).toLowerCase() + cName.slice(1)) as Uncapitalize<N>;
}

/** A struct as declared: the row and, for table structs, the table that holds it. */
export interface StructDecl<M extends readonly Member[] = readonly Member[]> {
  /** The row struct's C name, e.g. MIB_IF_ROW2. */
  readonly name: string;
  /** The table struct's C name (`{ ULONG NumEntries; ROW Table[ANY_SIZE]; }`), e.g. MIB_IF_TABLE2. */
  readonly table?: string;
  /** The table's two members' C names, where they are not NumEntries and Table (MIB_TCPTABLE_OWNER_PID: dwNumEntries, table). */
  readonly tableMembers?: readonly [count: string, rows: string];
  /** learn.microsoft.com page of the row struct. */
  readonly doc: string;
  readonly members: M;
  /** What each member means (C name → sentence), for the generated reference page. */
  readonly memberDocs?: Readonly<Partial<Record<M[number][0], string>>>;
  /**
   * The struct's alignment where a member the declaration leaves out sets it: the
   * `ULONGLONG Alignment` of the union IP_ADAPTER_ADDRESSES and its nodes begin with (8 on ia32 too).
   */
  readonly align?: number;
  /**
   * Prefix-length members bounded by another member's address family (C name → the SOCKADDR_INET
   * member's C name): at most 32 for an IPv4 address, 128 for IPv6 (MIB_UNICASTIPADDRESS_ROW's
   * OnLinkPrefixLength by its Address). An IP_ADDRESS_PREFIX's own length is always bounded so.
   */
  readonly prefixLengthOf?: Readonly<Partial<Record<M[number][0], M[number][0]>>>;
}

/** A member placed at its offset. */
export type FieldLayout = FieldLayoutOf<Kind>;

/** A member of kind K placed at its offset. */
export interface FieldLayoutOf<K> {
  readonly cName: string;
  readonly key: string;
  readonly kind: K;
  readonly offset: number;
  readonly size: number;
}

/** Everything about a struct's bytes on one architecture. */
export type StructLayout = StructLayoutOf<Kind>;

/** Everything about the bytes of a struct whose members are of kinds K, on one architecture. */
export interface StructLayoutOf<K> {
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
  readonly fields: readonly FieldLayoutOf<K>[];
  /** offsetof(row, member) by C name. */
  readonly offsets: Readonly<Record<string, number>>;
}

const alignUp = (n: number, align: number) => Math.ceil(n / align) * align;

/** Computes the Windows layout of a declared struct (and of its table) for one architecture. */
export function computeLayout(decl: StructDecl, arch: Arch = 'x64'): StructLayout {
  if (!ARCHES.includes(arch)) throw new TypeError(`Unknown architecture ${String(arch)}`);
  let offset = 0;
  let rowAlignment = decl.align ?? 1;
  const offsets: Record<string, number> = {};
  const fields = decl.members.map((member): FieldLayout => {
    const [cName, kind] = member;
    if (cName in offsets) throw new Error(`${decl.name}: member ${cName} is declared twice`);
    const size = sizeOn(kind, arch);
    const align = alignOn(kind, arch);
    offset = alignUp(offset, align);
    const field = Object.freeze({ cName, key: memberKey(member), kind, offset, size });
    offsets[cName] = offset;
    offset += size;
    rowAlignment = Math.max(rowAlignment, align);
    return field;
  });
  for (const [cName, kind] of decl.members) {
    if (kind.t === 'bytes') {
      const length = decl.members.find(([name]) => name === kind.lengthMember)?.[1];
      if (!length || length.t !== 'uint' || length.size > 4) {
        throw new Error(`${decl.name}.${cName}: length member ${kind.lengthMember} must be an unsigned integer member of at most 32 bits`);
      }
    }
  }
  // The table: ULONG NumEntries, then ROW Table[ANY_SIZE] at the row's alignment.
  const firstRowOffset = alignUp(4, rowAlignment);
  return Object.freeze({
    arch,
    rowSize: alignUp(offset, rowAlignment),
    rowAlignment,
    numEntriesOffset: 0,
    firstRowOffset,
    fields: Object.freeze(fields),
    offsets: Object.freeze(offsets),
  });
}
