/**
 * Writing members of a declared struct into row bytes: the inverse of the
 * reader, for the rows this package hands to Windows (an entry lookup's keyed
 * row, a notification's re-read, SetIpInterfaceEntry's changed members). A
 * writer is built for a fixed list of members (JS keys) and writes each one
 * present in its input, at its offset, in the member's C representation;
 * compiled from source where the process allows it, else interpreted
 * (./codegen.ts). Values are expected valid (callers validate first); the
 * writer converts, it does not judge.
 */
import { parseIp, type ParsedIp } from '../ip.js';
import { build, type BuildMode } from './codegen.js';
import { AF_INET, AF_INET6, keyOf, type FieldLayout, type Kind, type StructLayout } from './ctypes.js';

/** Writes the present members of `values` into the row at `base` of `view`. */
export type RowWriter = (view: DataView, base: number, values: Readonly<Record<string, unknown>>) => void;

const INT_SETTER: Record<number, [string, string]> = {
  1: ['setUint8', 'setInt8'],
  2: ['setUint16', 'setInt16'],
  4: ['setUint32', 'setInt32'],
  8: ['setBigUint64', 'setBigInt64'],
};

/** An address as text ('fe80::1%12') or already parsed. */
function toIp(value: unknown): ParsedIp {
  return typeof value === 'string' ? parseIp(value, 'address') : (value as ParsedIp);
}

/**
 * SOCKADDR_INET: family, then sin_addr at +4 (IPv4), or sin6_addr at +8 and sin6_scope_id at +24
 * (IPv6); port and flow info 0.
 */
function setSockaddr(view: DataView, o: number, value: unknown): void {
  for (let i = 0; i < 28; i++) view.setUint8(o + i, 0);
  const ip = toIp(value);
  if (ip.family === 'ipv4') {
    view.setUint16(o, AF_INET, true);
    for (let i = 0; i < 4; i++) view.setUint8(o + 4 + i, ip.bytes[i]!);
  } else {
    view.setUint16(o, AF_INET6, true);
    for (let i = 0; i < 16; i++) view.setUint8(o + 8 + i, ip.bytes[i]!);
    view.setUint32(o + 24, ip.scopeId, true);
  }
}

/** IP_ADDRESS_PREFIX: the address, then PrefixLength at +28. */
function setPrefix(view: DataView, o: number, value: unknown): void {
  const { address, prefixLength } = value as { address: unknown; prefixLength: number };
  setSockaddr(view, o, address);
  view.setUint8(o + 28, prefixLength);
}

/** WCHAR[length]: the text, NUL-terminated, the rest zeroed. */
function setWstr(view: DataView, o: number, length: number, value: unknown): void {
  const text = String(value);
  for (let i = 0; i < length; i++) view.setUint16(o + 2 * i, i < text.length && i < length - 1 ? text.charCodeAt(i) : 0, true);
}

/** UCHAR[length] from 'aa:bb:…' (the length member is written from its own key). */
function setHexBytes(view: DataView, o: number, length: number, value: unknown): void {
  const bytes = String(value) === '' ? [] : String(value).split(':').map((h) => parseInt(h, 16));
  for (let i = 0; i < length; i++) view.setUint8(o + i, bytes[i] ?? 0);
}

/** GUID text `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`: Data1–3 little-endian, Data4 as bytes. */
function setGuid(view: DataView, o: number, value: unknown): void {
  const hex = String(value).replace(/[{}-]/g, '');
  view.setUint32(o, parseInt(hex.slice(0, 8), 16), true);
  view.setUint16(o + 4, parseInt(hex.slice(8, 12), 16), true);
  view.setUint16(o + 6, parseInt(hex.slice(12, 16), 16), true);
  for (let i = 0; i < 8; i++) view.setUint8(o + 8 + i, parseInt(hex.slice(16 + 2 * i, 18 + 2 * i), 16));
}

/** A byte (or ULONG) of bitfields from an object of booleans (bit 0 first). */
function bitsByte(keys: readonly string[], value: unknown): number {
  const flags = value as Record<string, unknown>;
  let x = 0;
  for (let i = 0; i < keys.length; i++) if (flags[keys[i]!]) x |= 1 << i;
  return x;
}

/** An enum member's raw value: a name of the kind, or the number itself. */
function enumValue(values: Readonly<Record<string, number>>, value: unknown): number {
  return typeof value === 'number' ? value : values[value as string]!;
}

/** An IPv4 address (text or parsed) as four bytes in network order. */
function setIn4(view: DataView, o: number, value: unknown): void {
  const ip = toIp(value);
  for (let i = 0; i < 4; i++) view.setUint8(o + i, ip.bytes[i]!);
}

/** An IPv6 address (text or parsed) as sixteen bytes. */
function setIn6(view: DataView, o: number, value: unknown): void {
  const ip = toIp(value);
  for (let i = 0; i < 16; i++) view.setUint8(o + i, ip.bytes[i]!);
}

/** A port in network byte order in the low 16 bits of a DWORD; the high 16 bits 0. */
function setPort(view: DataView, o: number, value: unknown): void {
  view.setUint32(o, 0, true);
  view.setUint16(o, value as number, false);
}

const HELPERS = Object.freeze({ setSockaddr, setPrefix, setWstr, setHexBytes, setGuid, bitsByte, enumValue, setIn4, setIn6, setPort });

/** The fields a writer of `keys` writes: each key's member (a flags member's bit keys map to their byte). */
function fieldsFor(layout: StructLayout, keys: readonly string[]): { key: string; field: FieldLayout; bit?: number }[] {
  return keys.map((key) => {
    const field = layout.fields.find((f) => f.key === key);
    if (field && field.kind.t !== 'flags') return { key, field };
    for (const f of layout.fields) {
      if (f.kind.t === 'flags') {
        const bit = (f.kind.bits.map(keyOf) as string[]).indexOf(key);
        if (bit >= 0) return { key, field: f, bit };
      }
    }
    throw new Error(`${key} is not a member of the struct`);
  });
}

function setterSource(kind: Kind, at: string, value: string, constant: (c: unknown) => string): string {
  switch (kind.t) {
    case 'uint':
    case 'int': {
      const [u, s] = INT_SETTER[kind.size]!;
      const setter = kind.t === 'int' ? s : u;
      return kind.size === 1 ? `v.${setter}(${at}, ${value})` : `v.${setter}(${at}, ${value}, true)`;
    }
    case 'bool':
      return `v.setUint8(${at}, ${value} ? 1 : 0)`;
    case 'enum': {
      const [u, s] = INT_SETTER[kind.size]!;
      const setter = kind.signed ? s : u;
      const raw = `H.enumValue(${constant(kind.values)}, ${value})`;
      return kind.size === 1 ? `v.${setter}(${at}, ${raw})` : `v.${setter}(${at}, ${raw}, true)`;
    }
    case 'array': {
      const [u] = INT_SETTER[kind.of.size]!;
      return `for (let i = 0; i < ${kind.length}; i++) v.${u}(${at} + i * ${kind.of.size}, ${value}[i]${kind.of.size === 1 ? '' : ', true'})`;
    }
    case 'bits':
      return kind.size === 4
        ? `v.setUint32(${at}, H.bitsByte(${constant(kind.bits.map(keyOf))}, ${value}), true)`
        : `v.setUint8(${at}, H.bitsByte(${constant(kind.bits.map(keyOf))}, ${value}))`;
    case 'flags':
      throw new Error('unreachable: flags bits are written one by one');
    case 'wstr':
      return `H.setWstr(v, ${at}, ${kind.length}, ${value})`;
    case 'bytes':
      return `H.setHexBytes(v, ${at}, ${kind.length}, ${value})`;
    case 'guid':
      return `H.setGuid(v, ${at}, ${value})`;
    case 'sockaddr':
      return `H.setSockaddr(v, ${at}, ${value})`;
    case 'prefix':
      return `H.setPrefix(v, ${at}, ${value})`;
    case 'in4':
      return `H.setIn4(v, ${at}, ${value})`;
    case 'in6':
      return `H.setIn6(v, ${at}, ${value})`;
    case 'port':
      return `H.setPort(v, ${at}, ${value})`;
    case 'const':
      return 'undefined'; // takes no bytes
    case 'pwstr':
    case 'pstr':
    case 'next':
    case 'list':
    case 'socketAddress':
    case 'skip':
      throw unwritable(kind);
  }
}

/** A pointer means nothing outside the buffer it points into: rows holding one are read, never written. */
function unwritable(kind: Kind): Error {
  return new TypeError(`${kind.cType}: a member that holds a pointer (or is never read) cannot be written`);
}

/** The same setter as a closure (the interpreted writer). */
function setterClosure(kind: Kind, offset: number): (v: DataView, b: number, value: unknown) => void {
  switch (kind.t) {
    case 'uint':
    case 'int': {
      const [u, s] = INT_SETTER[kind.size]!;
      const setter = (kind.t === 'int' ? s : u) as 'setUint32';
      return (v, b, value) => (v[setter] as (o: number, x: unknown, le: boolean) => void)(b + offset, value, true);
    }
    case 'bool':
      return (v, b, value) => v.setUint8(b + offset, value ? 1 : 0);
    case 'enum': {
      const [u, s] = INT_SETTER[kind.size]!;
      const setter = (kind.signed ? s : u) as 'setUint32';
      return (v, b, value) => v[setter](b + offset, enumValue(kind.values, value), true);
    }
    case 'array': {
      const [u] = INT_SETTER[kind.of.size]!;
      const setter = u as 'setUint32';
      return (v, b, value) => {
        for (let i = 0; i < kind.length; i++) v[setter](b + offset + i * kind.of.size, (value as number[])[i]!, true);
      };
    }
    case 'bits': {
      const keys = kind.bits.map(keyOf);
      return kind.size === 4 ? (v, b, value) => v.setUint32(b + offset, bitsByte(keys, value), true) : (v, b, value) => v.setUint8(b + offset, bitsByte(keys, value));
    }
    case 'flags':
      throw new Error('unreachable: flags bits are written one by one');
    case 'wstr':
      return (v, b, value) => setWstr(v, b + offset, kind.length, value);
    case 'bytes':
      return (v, b, value) => setHexBytes(v, b + offset, kind.length, value);
    case 'guid':
      return (v, b, value) => setGuid(v, b + offset, value);
    case 'sockaddr':
      return (v, b, value) => setSockaddr(v, b + offset, value);
    case 'prefix':
      return (v, b, value) => setPrefix(v, b + offset, value);
    case 'in4':
      return (v, b, value) => setIn4(v, b + offset, value);
    case 'in6':
      return (v, b, value) => setIn6(v, b + offset, value);
    case 'port':
      return (v, b, value) => setPort(v, b + offset, value);
    case 'const':
      return () => undefined; // takes no bytes
    case 'pwstr':
    case 'pstr':
    case 'next':
    case 'list':
    case 'socketAddress':
    case 'skip':
      throw unwritable(kind);
  }
}

/**
 * A writer of the members `keys` (JS keys; a flags member's bits by their own
 * keys) for `layout`: compiled where the process allows code generation, else
 * interpreted. Members absent (undefined) from the input are left as they are.
 */
export function memberWriter(layout: StructLayout, keys: readonly string[], name: string, mode?: BuildMode): RowWriter {
  const fields = fieldsFor(layout, keys);
  const constants: unknown[] = [];
  const constant = (c: unknown) => `C[${constants.push(c) - 1}]`;
  const lines = fields.map(({ key, field, bit }, i) => {
    const value = `x${i}`;
    const get = `const ${value} = o[${JSON.stringify(key)}];`;
    if (bit !== undefined) {
      const at = `b + ${field.offset}`;
      return `${get}\n  if (${value} !== undefined) v.setUint8(${at}, ${value} ? v.getUint8(${at}) | ${1 << bit} : v.getUint8(${at}) & ${~(1 << bit) & 0xff});`;
    }
    return `${get}\n  if (${value} !== undefined) ${setterSource(field.kind, `b + ${field.offset}`, value, constant)};`;
  });
  const interpreted = (): RowWriter => {
    const steps = fields.map(({ key, field, bit }) => {
      if (bit !== undefined) {
        return (v: DataView, b: number, o: Readonly<Record<string, unknown>>) => {
          const x = o[key];
          if (x === undefined) return;
          const at = b + field.offset;
          v.setUint8(at, x ? v.getUint8(at) | (1 << bit) : v.getUint8(at) & ~(1 << bit) & 0xff);
        };
      }
      const set = setterClosure(field.kind, field.offset);
      return (v: DataView, b: number, o: Readonly<Record<string, unknown>>) => {
        const x = o[key];
        if (x !== undefined) set(v, b, x);
      };
    });
    return (v, b, o) => {
      for (const step of steps) step(v, b, o);
    };
  };
  return build<RowWriter>(`write_${name}`, ['v', 'b', 'o'], `  ${lines.join('\n  ')}`, { H: HELPERS, C: constants }, interpreted, mode);
}
