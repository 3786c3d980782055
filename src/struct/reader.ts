/**
 * Row readers generated from a struct's declaration.
 *
 * For each struct, the source of one function `(view, base) => row` is written
 * from its layout — every offset a literal, every key in header order, one
 * object literal per row — and compiled once with `new Function`. V8 then sees
 * the same straight-line code a person would write by hand (the benchmark holds
 * it to a hand-written DataView reader), which a loop over per-field closures
 * is not. Compiling at run time keeps the declaration the only source (no
 * generated file to keep in step). Where the process refuses code generation
 * from strings (`--disallow-code-generation-from-strings`, a strict CSP), the
 * same reader is built from closures over the same layout (./codegen.ts): the
 * same rows, more slowly (bench/decode.mjs shows both).
 *
 * Padding, bytes after a string's NUL and bytes past a length-prefixed array's
 * length are never read. Enum values with no name, and a length member larger
 * than its array, come out as raw numbers: validation rejects those rows,
 * naming the field and the raw value.
 */
import { IpInterfaceDecodeError } from '../errors.js';
import { build, type BuildMode } from './codegen.js';
import { AF_INET, AF_INET6, keyOf, type Kind, type ListKind, type StructLayout } from './ctypes.js';

/** Reads one row at byte `base` of `view`. */
export type RowReader<R> = (view: DataView, base: number) => R;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX_UPPER = HEX.map((h) => h.toUpperCase());

/**
 * One Buffer over the bytes of the table being read, for its strings: made for the first string
 * of a view, reused while the same view is read, dropped by `releaseStrings()` when a table is
 * done (a WeakMap keyed by view cost an ephemeron entry per table, a few µs a call).
 */
let stringView: DataView | undefined;
let stringBuffer: Buffer | undefined;

/** Forgets the Buffer over the last table read (readers call it when a table is done: nothing outlives it). */
export function releaseStrings(): void {
  stringView = undefined;
  stringBuffer = undefined;
}

/**
 * UTF-16LE code units up to the first NUL (lone surrogates stay as they are); `length` itself, a
 * number for validation to reject, when the array holds no NUL: Windows terminates every string
 * it returns (IF_MAX_STRING_SIZE characters and the NUL fit in the array).
 */
function wstr(view: DataView, offset: number, length: number): string | number {
  let n = 0;
  while (n < length && view.getUint16(offset + 2 * n, true) !== 0) n++;
  if (n === length) return length;
  if (n === 0) return '';
  return utf16(view, offset, offset + 2 * n);
}

/** The UTF-16LE text of bytes `start` to `end` of `view`, through the one Buffer kept over the view being read. */
function utf16(view: DataView, start: number, end: number): string {
  if (stringView !== view || stringBuffer === undefined) {
    stringView = view;
    stringBuffer = Buffer.from(view.buffer, view.byteOffset, view.byteLength);
  }
  return stringBuffer.toString('utf16le', start, end);
}

/** The first `length` bytes as lowercase hex pairs joined by ':'; `length` itself if it is more than `capacity`. */
function hexBytes(view: DataView, offset: number, length: number, capacity: number): string | number {
  if (length > capacity) return length;
  let s = '';
  for (let i = 0; i < length; i++) s += (i === 0 ? '' : ':') + HEX[view.getUint8(offset + i)];
  return s;
}

/** A GUID's 16 bytes: Data1 (ULONG), Data2, Data3 (USHORT) little-endian, Data4 as bytes. */
export function guid(view: DataView, o: number): string {
  const h = HEX_UPPER;
  const b = (i: number) => h[view.getUint8(o + i)]!;
  return `{${b(3)}${b(2)}${b(1)}${b(0)}-${b(5)}${b(4)}-${b(7)}${b(6)}-${b(8)}${b(9)}-${b(10)}${b(11)}${b(12)}${b(13)}${b(14)}${b(15)}}`;
}


/** An IPv6 address's 16 bytes per RFC 5952: lowercase, no leading zeros, the longest run (≥ 2) of zero groups as '::'. */
export function formatIpv6(view: DataView, o: number): string {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++) groups.push(view.getUint16(o + 2 * i, false));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  // IPv4-mapped (::ffff:a.b.c.d), as RFC 5952 section 5 recommends.
  if (bestStart === 0 && bestLength === 5 && groups[5] === 0xffff) {
    return `::ffff:${view.getUint8(o + 12)}.${view.getUint8(o + 13)}.${view.getUint8(o + 14)}.${view.getUint8(o + 15)}`;
  }
  let text = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      text += '::';
      i += bestLength - 1;
      continue;
    }
    text += (i === 0 || i === bestStart + bestLength ? '' : ':') + groups[i]!.toString(16);
  }
  return text;
}

/**
 * SOCKADDR_INET → address string; the raw family number for any other family (AF_UNSPEC
 * included: Windows sets the family of every address it returns), for validation to reject.
 */
export function sockaddr(view: DataView, o: number): string | number {
  const family = view.getUint16(o, true);
  if (family === AF_INET) return `${view.getUint8(o + 4)}.${view.getUint8(o + 5)}.${view.getUint8(o + 6)}.${view.getUint8(o + 7)}`;
  if (family === AF_INET6) return formatIpv6(view, o + 8);
  return family;
}

/** An IPv4 address held in network byte order: its four bytes as a dotted quad. */
function in4(view: DataView, o: number): string {
  return `${view.getUint8(o)}.${view.getUint8(o + 1)}.${view.getUint8(o + 2)}.${view.getUint8(o + 3)}`;
}

/* ---- Pointers: a linked list's buffer (GetAdaptersAddresses) holds absolute addresses. ---- */

/**
 * The most nodes one list may hold before it is refused (ERR_IPINTERFACE_LIST_TOO_LONG): far more
 * adapters, or addresses on one adapter, than any machine has; far fewer than a hostile capture
 * could make a decoder walk.
 */
export const MAX_LIST_NODES = 16_384;

/**
 * The address of the buffer being read (its byte 0), as two 32-bit halves: a pointer's offset in
 * the buffer is its address minus this. Set by `withBase` for the duration of one decode.
 */
let baseLo = 0;
let baseHi = 0;

/** Runs `read` with `base` (the buffer's address) as the base pointers are taken against. */
export function withBase<T>(base: bigint, read: () => T): T {
  const savedLo = baseLo;
  const savedHi = baseHi;
  baseLo = Number(base & 0xffff_ffffn);
  baseHi = Number((base >> 32n) & 0xffff_ffffn);
  try {
    return read();
  } finally {
    baseLo = savedLo;
    baseHi = savedHi;
  }
}

function badPointer(message: string): IpInterfaceDecodeError {
  return new IpInterfaceDecodeError(message, { code: 'ERR_IPINTERFACE_BAD_POINTER' });
}

const hex = (lo: number, hi: number) => `0x${hi === 0 ? lo.toString(16) : hi.toString(16) + lo.toString(16).padStart(8, '0')}`;

/**
 * The offset in the buffer of the pointer at `o` (8 bytes; `p32`: 4), -1 for NULL. A pointer
 * before the buffer, or at or past its end, is refused.
 */
function pointer(view: DataView, o: number, p32: boolean): number {
  const lo = view.getUint32(o, true);
  const hi = p32 ? 0 : view.getUint32(o + 4, true);
  if (lo === 0 && hi === 0) return -1;
  const offset = (hi - baseHi) * 4294967296 + (lo - baseLo);
  if (offset < 0 || offset >= view.byteLength) {
    throw badPointer(`A pointer at byte ${o} holds ${hex(lo, hi)}, outside the ${view.byteLength}-byte buffer at ${hex(baseLo, baseHi)}`);
  }
  return offset;
}

function unterminated(what: string, offset: number, length: number): IpInterfaceDecodeError {
  return new IpInterfaceDecodeError(`The ${what} at byte ${offset} has no NUL before the buffer ends (byte ${length})`, {
    code: 'ERR_IPINTERFACE_UNTERMINATED_STRING',
  });
}

/** PWCHAR: the UTF-16LE string the pointer at `o` points at, up to its NUL; '' for NULL. */
function pwstr(view: DataView, o: number, p32: boolean): string {
  const at = pointer(view, o, p32);
  if (at < 0) return '';
  const end = view.byteLength - 1;
  let n = at;
  while (n < end && view.getUint16(n, true) !== 0) n += 2;
  if (n >= end) throw unterminated('UTF-16 string', at, view.byteLength);
  if (n === at) return '';
  return utf16(view, at, n);
}

/** PCHAR: the string the pointer at `o` points at, up to its NUL, as Latin-1; '' for NULL. */
function pstr(view: DataView, o: number, p32: boolean): string {
  const at = pointer(view, o, p32);
  if (at < 0) return '';
  let n = at;
  while (n < view.byteLength && view.getUint8(n) !== 0) n++;
  if (n >= view.byteLength) throw unterminated('ANSI string', at, view.byteLength);
  let s = '';
  for (let i = at; i < n; i++) s += String.fromCharCode(view.getUint8(i));
  return s;
}

/** The sin6_scope_id of the last sockaddr `socketAddress` read (0 for IPv4): the `scopeId` of a split SOCKET_ADDRESS. */
let lastScope = 0;
const scope = () => lastScope;

/**
 * SOCKET_ADDRESS at `o`: the address its lpSockaddr points at (`zone`: with `%scopeId` appended
 * when non-zero); '' for NULL; a number (the family, or the length when shorter than the family's
 * sockaddr) for validation to reject.
 */
function socketAddress(view: DataView, o: number, p32: boolean, zone: boolean): string | number {
  lastScope = 0;
  const at = pointer(view, o, p32);
  if (at < 0) return '';
  const length = view.getInt32(o + (p32 ? 4 : 8), true);
  const family = at + 2 <= view.byteLength ? view.getUint16(at, true) : -1;
  const needed = family === AF_INET ? 16 : family === AF_INET6 ? 28 : 2;
  if (at + Math.max(needed, length) > view.byteLength) {
    throw badPointer(`A SOCKET_ADDRESS at byte ${o} points at a ${Math.max(needed, length)}-byte sockaddr at byte ${at}, past the end of the ${view.byteLength}-byte buffer`);
  }
  if (family !== AF_INET && family !== AF_INET6) return family;
  if (length < needed) return length;
  if (family === AF_INET) return `${view.getUint8(at + 4)}.${view.getUint8(at + 5)}.${view.getUint8(at + 6)}.${view.getUint8(at + 7)}`;
  const text = formatIpv6(view, at + 8);
  lastScope = view.getUint32(at + 24, true);
  return zone && lastScope !== 0 ? `${text}%${lastScope}` : text;
}

/** What walking a list needs of its node struct, on one architecture. */
export interface ListSpec {
  /** The node struct's C name, for errors. */
  readonly name: string;
  /** Reads a node: its row, or (`picked`) the value of `pick` alone. */
  readonly read: RowReader<unknown>;
  /** Whether what was read is valid (the node struct's decoded-row check). */
  readonly check: (read: unknown) => boolean;
  /** The ERR_IPINTERFACE_INVALID_ROW of an invalid node `index`, naming the member and the problem. */
  readonly invalid: (read: unknown, index: number) => Error;
  /** Whether `read` gives the picked value itself (a node struct whose one key is `pick`). */
  readonly picked: boolean;
  /** sizeof(node) and offsetof(node, Next). */
  readonly size: number;
  readonly next: number;
  readonly p32: boolean;
  /** The key standing for each node, or undefined for the row. */
  readonly pick: string | undefined;
}

/**
 * The nodes of a list whose first node is at `at` (-1: empty), in order: each checked to lie
 * inside the buffer; a list longer than MAX_LIST_NODES, or one that comes back to a node it
 * passed (Brent's method: no memory per node), is refused.
 */
export function walkList(view: DataView, at: number, spec: ListSpec): unknown[] {
  const out: unknown[] = [];
  let saved = -1;
  let power = 1;
  let steps = 0;
  while (at >= 0) {
    if (at + spec.size > view.byteLength) {
      throw badPointer(`A ${spec.name} at byte ${at} runs past the end of the ${view.byteLength}-byte buffer (it is ${spec.size} bytes)`);
    }
    if (out.length === MAX_LIST_NODES) {
      throw new IpInterfaceDecodeError(`A list of ${spec.name} holds more than ${MAX_LIST_NODES} nodes; refusing to read it`, {
        code: 'ERR_IPINTERFACE_LIST_TOO_LONG',
      });
    }
    const node = spec.read(view, at);
    if (!spec.check(node)) throw spec.invalid(node, out.length);
    out.push(spec.picked || spec.pick === undefined ? node : (node as Record<string, unknown>)[spec.pick]);
    at = pointer(view, at + spec.next, spec.p32);
    if (at === saved && at >= 0) {
      throw new IpInterfaceDecodeError(`A list of ${spec.name} comes back to the node at byte ${at}: it is a cycle`, {
        code: 'ERR_IPINTERFACE_LIST_CYCLE',
      });
    }
    if (++steps === power) {
      saved = at;
      power *= 2;
      steps = 0;
    }
  }
  return out;
}

/** A nested list: the pointer to its first node is at `o`. */
function list(view: DataView, o: number, spec: ListSpec): unknown[] {
  return walkList(view, pointer(view, o, spec.p32), spec);
}

/** The helpers generated code calls, passed in as `H`. */
const HELPERS = Object.freeze({ wstr, hexBytes, guid, sockaddr, in4, formatIpv6, pwstr, pstr, socketAddress, scope, list });

/** The ListSpec of a list member on the layout's architecture (from define.ts, which knows the node struct). */
export type ListSpecs = (kind: ListKind<unknown>) => ListSpec;

const INT_GETTER: Record<number, [string, string]> = {
  1: ['getUint8', 'getInt8'],
  2: ['getUint16', 'getInt16'],
  4: ['getUint32', 'getInt32'],
  8: ['getBigUint64', 'getBigInt64'],
};

/**
 * `value → name`: a dense array indexed by `value - min` when the values are
 * close together, else an object keyed by value (NL_ROUTE_PROTOCOL has 1…19
 * and 10002…10007).
 */
function enumTable(values: Readonly<Record<string, number>>): { min: number; names: (string | undefined)[] | Record<number, string> } {
  const entries = Object.entries(values);
  const min = Math.min(...entries.map(([, v]) => v));
  const max = Math.max(...entries.map(([, v]) => v));
  if (max - min > 256) {
    const names: Record<number, string> = Object.create(null) as Record<number, string>;
    for (const [name, value] of entries) names[value] = name;
    return { min: 0, names };
  }
  const names: (string | undefined)[] = Array.from({ length: max - min + 1 }, () => undefined);
  for (const [name, value] of entries) names[value - min] = name;
  return { min, names };
}

function integer(kind: { size: number }, signed: boolean, at: string): string {
  const [u, s] = INT_GETTER[kind.size]!;
  const getter = signed ? s : u;
  return kind.size === 1 ? `v.${getter}(${at})` : `v.${getter}(${at}, true)`;
}

/**
 * The JavaScript source of a reader for `layout`, and the constants it refers
 * to (enum name tables). Exported for the tests and the docs generator.
 */
export function readerSource(layout: StructLayout, lists?: ListSpecs): { source: string; constants: unknown[] } {
  const constants: unknown[] = [];
  const lines: string[] = [];
  const props: string[] = [];
  const at = (offset: number) => `b + ${offset}`;
  const p32 = layout.arch === 'ia32';
  for (const field of layout.fields) {
    const kind = field.kind;
    if (kind.t === 'flags') {
      const x = `x${lines.length}`;
      lines.push(`const ${x} = v.getUint8(${at(field.offset)});`);
      kind.bits.forEach((name, i) => props.push(`${JSON.stringify(keyOf(name))}: (${x} & ${1 << i}) !== 0`));
      continue;
    }
    if (kind.t === 'next' || kind.t === 'skip') continue;
    if (kind.t === 'socketAddress' && kind.form === 'split') {
      // The scope id of the sockaddr just read: the object literal's values run in order.
      props.push(`${JSON.stringify(field.key)}: H.socketAddress(v, ${at(field.offset)}, ${p32}, false)`, `"scopeId": H.scope()`);
      continue;
    }
    props.push(`${JSON.stringify(field.key)}: ${expression(kind, field.offset)}`);
  }
  function expression(kind: Kind, offset: number): string {
    switch (kind.t) {
      case 'uint':
        return integer(kind, false, at(offset));
      case 'int':
        return integer(kind, true, at(offset));
      case 'bool':
        return `v.getUint8(${at(offset)}) !== 0`;
      case 'enum': {
        const { min, names } = enumTable(kind.values);
        const c = constants.push(names) - 1;
        const raw = `r${lines.length}`;
        lines.push(`const ${raw} = ${integer(kind, kind.signed, at(offset))};`);
        return `C[${c}][${raw} - ${min}] ?? ${raw}`;
      }
      case 'array': {
        const items: string[] = [];
        for (let i = 0; i < kind.length; i++) items.push(integer(kind.of, false, at(offset + i * kind.of.size)));
        return `[${items.join(', ')}]`;
      }
      case 'bits': {
        const x = `x${lines.length}`;
        lines.push(`const ${x} = ${kind.size === 4 ? `v.getUint32(${at(offset)}, true)` : `v.getUint8(${at(offset)})`};`);
        return `{ ${kind.bits.map((name, i) => `${JSON.stringify(keyOf(name))}: (${x} & ${1 << i}) !== 0`).join(', ')} }`;
      }
      case 'flags': {
        // Flattened into the row: one boolean per bit, keyed by the bitfield's name (see the props loop).
        throw new Error('unreachable: flags members are expanded by the caller');
      }
      case 'wstr':
        return `H.wstr(v, ${at(offset)}, ${kind.length})`;
      case 'bytes': {
        const lengthField = layout.fields.find((f) => f.cName === kind.lengthMember)!;
        return `H.hexBytes(v, ${at(offset)}, ${integer(lengthField.kind, false, at(lengthField.offset))}, ${kind.length})`;
      }
      case 'guid':
        return `H.guid(v, ${at(offset)})`;
      case 'sockaddr':
        return `H.sockaddr(v, ${at(offset)})`;
      case 'prefix':
        return `{ "address": H.sockaddr(v, ${at(offset)}), "prefixLength": v.getUint8(${at(offset + 28)}) }`;
      case 'in4':
        return `H.in4(v, ${at(offset)})`;
      case 'in6':
        return `H.formatIpv6(v, ${at(offset)})`;
      case 'port':
        return `(v.getUint8(${at(offset)}) << 8) | v.getUint8(${at(offset + 1)})`;
      case 'const':
        return JSON.stringify(kind.value);
      case 'pwstr':
        return `H.pwstr(v, ${at(offset)}, ${p32})`;
      case 'pstr':
        return `H.pstr(v, ${at(offset)}, ${p32})`;
      case 'socketAddress':
        return `H.socketAddress(v, ${at(offset)}, ${p32}, true)`;
      case 'list':
        if (!lists) throw new Error(`${kind.cType}: a list member needs its node struct's reader`);
        return `H.list(v, ${at(offset)}, C[${constants.push(lists(kind)) - 1}])`;
      case 'next':
      case 'skip':
        throw new Error('unreachable: members without a key are skipped by the caller');
    }
  }
  const source = `${lines.map((l) => `  ${l}`).join('\n')}\n  return {\n    ${props.join(',\n    ')},\n  };`;
  return { source, constants };
}

/**
 * The source of a reader of one member's value (a list that picks it from each node of a struct
 * with no other key: no row object is made), and its constants.
 */
function memberSource(layout: StructLayout, key: string, lists?: ListSpecs): { source: string; constants: unknown[] } {
  const field = layout.fields.find((f) => f.key === key);
  if (!field || field.kind.t === 'flags' || field.kind.t === 'next' || field.kind.t === 'skip') throw new Error(`${key}: not a member with a value of its own`);
  const one: StructLayout = { ...layout, fields: [field] };
  const { source, constants } = readerSource(one, lists);
  // The object readerSource returns has this one key: return its value instead.
  return { source: source.replace(/return \{\n {4}"[^"]+": ([\s\S]*),\n {2}\};$/, 'return $1;'), constants };
}

/** One member's value at row base `b` of `v`, as a closure: the interpreted reader's unit. */
type FieldRead = (v: DataView, b: number) => unknown;

function integerRead(size: number, signed: boolean, offset: number): (v: DataView, b: number) => number | bigint {
  switch (size) {
    case 1:
      return signed ? (v, b) => v.getInt8(b + offset) : (v, b) => v.getUint8(b + offset);
    case 2:
      return signed ? (v, b) => v.getInt16(b + offset, true) : (v, b) => v.getUint16(b + offset, true);
    case 4:
      return signed ? (v, b) => v.getInt32(b + offset, true) : (v, b) => v.getUint32(b + offset, true);
    default:
      return signed ? (v, b) => v.getBigInt64(b + offset, true) : (v, b) => v.getBigUint64(b + offset, true);
  }
}

/**
 * An object with `keys` in order, all null, in V8's fast mode: made by JSON.parse, since one made by
 * adding keys in a loop is a dictionary, and so would be every copy of it.
 */
function fastTemplate(keys: readonly string[]): Record<string, unknown> {
  return JSON.parse(`{${keys.map((key) => `${JSON.stringify(key)}:null`).join(',')}}`) as Record<string, unknown>;
}

/** The interpreted reader's fields: [key, read] in header order, a flags member as one entry per bit. */
function fieldReads(layout: StructLayout, lists?: ListSpecs): [string, FieldRead][] {
  const out: [string, FieldRead][] = [];
  const p32 = layout.arch === 'ia32';
  const read = (kind: Kind, offset: number): FieldRead => {
    switch (kind.t) {
      case 'uint':
        return integerRead(kind.size, false, offset);
      case 'int':
        return integerRead(kind.size, true, offset);
      case 'bool':
        return (v, b) => v.getUint8(b + offset) !== 0;
      case 'enum': {
        const { min, names } = enumTable(kind.values);
        const raw = integerRead(kind.size, kind.signed, offset) as (v: DataView, b: number) => number;
        const table = names as Record<number, string | undefined>;
        return (v, b) => {
          const r = raw(v, b);
          return table[r - min] ?? r;
        };
      }
      case 'array': {
        const items = Array.from({ length: kind.length }, (_, i) => integerRead(kind.of.size, false, offset + i * kind.of.size));
        return (v, b) => items.map((item) => item(v, b));
      }
      case 'bits': {
        const keys = kind.bits.map(keyOf) as string[];
        const template = fastTemplate(keys);
        const wide = kind.size === 4;
        return (v, b) => {
          const x = wide ? v.getUint32(b + offset, true) : v.getUint8(b + offset);
          const o = { ...template };
          for (let i = 0; i < keys.length; i++) o[keys[i]!] = (x & (1 << i)) !== 0;
          return o;
        };
      }
      case 'flags':
        throw new Error('unreachable: flags members are expanded by the caller');
      case 'wstr':
        return (v, b) => wstr(v, b + offset, kind.length);
      case 'bytes': {
        const lengthField = layout.fields.find((f) => f.cName === kind.lengthMember)!;
        const length = integerRead(lengthField.kind.size, false, lengthField.offset) as (v: DataView, b: number) => number;
        return (v, b) => hexBytes(v, b + offset, length(v, b), kind.length);
      }
      case 'guid':
        return (v, b) => guid(v, b + offset);
      case 'sockaddr':
        return (v, b) => sockaddr(v, b + offset);
      case 'prefix':
        return (v, b) => ({ address: sockaddr(v, b + offset), prefixLength: v.getUint8(b + offset + 28) });
      case 'in4':
        return (v, b) => in4(v, b + offset);
      case 'in6':
        return (v, b) => formatIpv6(v, b + offset);
      case 'port':
        return (v, b) => (v.getUint8(b + offset) << 8) | v.getUint8(b + offset + 1);
      case 'const': {
        const value = kind.value;
        return () => value;
      }
      case 'pwstr':
        return (v, b) => pwstr(v, b + offset, p32);
      case 'pstr':
        return (v, b) => pstr(v, b + offset, p32);
      case 'socketAddress':
        return (v, b) => socketAddress(v, b + offset, p32, kind.form === 'text');
      case 'list': {
        if (!lists) throw new Error(`${kind.cType}: a list member needs its node struct's reader`);
        const spec = lists(kind);
        return (v, b) => list(v, b + offset, spec);
      }
      case 'next':
      case 'skip':
        throw new Error('unreachable: members without a key are skipped by the caller');
    }
  };
  for (const field of layout.fields) {
    const kind = field.kind;
    if (kind.t === 'flags') {
      kind.bits.forEach((name, i) => out.push([keyOf(name), (v, b) => (v.getUint8(b + field.offset) & (1 << i)) !== 0]));
      continue;
    }
    if (kind.t === 'next' || kind.t === 'skip') continue;
    out.push([field.key, read(kind, field.offset)]);
    if (kind.t === 'socketAddress' && kind.form === 'split') out.push(['scopeId', scope]);
  }
  return out;
}

/**
 * The reader as closures over the layout: the same rows as the compiled one, for processes that
 * refuse code generation. Each row starts as a copy of a template holding every key in header
 * order (so every row has one shape, and each member is a store to a property that exists,
 * which V8 caches, instead of adding 35 properties by varying keys, which it does not).
 */
export function interpretReader<R>(layout: StructLayout, lists?: ListSpecs, only?: string): RowReader<R> {
  const fields = fieldReads(layout, lists);
  if (only !== undefined) return fields.find(([key]) => key === only)![1] as RowReader<R>;
  const n = fields.length;
  const template = fastTemplate(fields.map(([key]) => key));
  return (v, b) => {
    const row: Record<string, unknown> = { ...template };
    for (let i = 0; i < n; i++) {
      const field = fields[i]!;
      row[field[0]] = field[1](v, b);
    }
    return row as R;
  };
}

/**
 * The reader for `layout`: compiled from readerSource where the process allows
 * code generation (see the module comment for why), else interpreted; `mode`
 * forces one (the tests and the benchmark run both).
 */
export function compileReader<R>(layout: StructLayout, structName: string, mode?: BuildMode, lists?: ListSpecs, only?: string): RowReader<R> {
  const { source, constants } = only === undefined ? readerSource(layout, lists) : memberSource(layout, only, lists);
  const name = only === undefined ? `read_${structName}` : `read_${structName}_${only}`;
  return build<RowReader<R>>(name, ['v', 'b'], source, { H: HELPERS, C: constants }, () => interpretReader<R>(layout, lists, only), mode);
}
