/**
 * A table's key, from its declaration: how a caller names one row (the
 * argument of a Get…Entry function, checked before any native call), the
 * keyed row the system is given (written by the struct's member writer), the
 * key of a notified row (read from the bytes by a reader of the key members
 * only), the identity changes are merged by, and the family of a row.
 */
import { describeValue, IpHelperError, readObject } from '../errors.js';
import { parseIp, parsePrefix, type ParsedIp } from '../ip.js';
import { toInterfaceIndex, toLuid } from '../luid.js';
import { build, type BuildMode } from '../struct/codegen.js';
import { AF_INET, AF_INET6, AF_UNSPEC, type Kind, type StructLayout } from '../struct/ctypes.js';
import type { Struct } from '../struct/define.js';
import { compileReader, type RowReader } from '../struct/reader.js';

/** One part of an entry key argument, and the row members it fills. */
export type KeyPart =
  /** `family`: 'ipv4' | 'ipv6' | AF_INET | AF_INET6, into the ADDRESS_FAMILY member keyed `family`. */
  | { readonly t: 'family' }
  /** An address ('192.0.2.1', 'fe80::1%12') into the SOCKADDR_INET member of the same key. */
  | { readonly t: 'address'; readonly arg: string; readonly sameFamilyAs?: string }
  /** A prefix ('10.0.0.0/8' or { address, prefixLength }) into the IP_ADDRESS_PREFIX member of the same key. */
  | { readonly t: 'prefix'; readonly arg: string }
  /** Exactly one of an interface index (argument `index`) and a LUID (`luid`), into InterfaceIndex / InterfaceLuid. */
  | { readonly t: 'interface'; readonly index: string; readonly luid: string };

/** How a caller names one row: an object of parts, or a bare interface index (number) or LUID (bigint). */
export type KeyInput =
  | { readonly t: 'object'; readonly example: string; readonly parts: readonly KeyPart[] }
  | { readonly t: 'indexOrLuid'; readonly arg: string };

/** A checked key as row members (JS keys): what the keyed row is written from. */
export type KeyValues = Readonly<Record<string, unknown>>;

function familyOfArg(value: unknown, name: string): 'ipv4' | 'ipv6' {
  if (value === 'ipv4' || value === AF_INET) return 'ipv4';
  if (value === 'ipv6' || value === AF_INET6) return 'ipv6';
  throw new TypeError(`Expected \`${name}\` to be 'ipv4', 'ipv6', AF_INET (2) or AF_INET6 (23), got ${describeValue(value)}`);
}

/** Checks an interface given as an index or a LUID (exactly one of the two arguments). */
export function checkInterface(
  value: Readonly<Record<string, unknown>>,
  name: string,
  indexArg = 'interfaceIndex',
  luidArg = 'interfaceLuid',
): { index: number } | { luid: bigint } {
  const index = value[indexArg];
  const luid = value[luidArg];
  if ((index === undefined) === (luid === undefined)) {
    throw new TypeError(`Expected \`${name}\` to have exactly one of \`${indexArg}\` and \`${luidArg}\``);
  }
  return index === undefined ? { luid: toLuid(luid, `${name}.${luidArg}`) } : { index: toInterfaceIndex(index, `${name}.${indexArg}`) };
}

/** Checks an entry key argument; TypeErrors name the argument and the value. Returns the row members it names. */
export function parseKey(input: KeyInput, key: unknown): Record<string, unknown> {
  if (input.t === 'indexOrLuid') {
    if (typeof key === 'bigint') return { interfaceLuid: toLuid(key, input.arg), interfaceIndex: 0 };
    if (typeof key === 'number') return { interfaceLuid: 0n, interfaceIndex: toInterfaceIndex(key, input.arg) };
    throw new TypeError(`Expected \`${input.arg}\` to be an interface index (number) or a NET_LUID (bigint), got ${describeValue(key)}`);
  }
  const k = readObject(key, 'key', `an object like ${input.example}`);
  const out: Record<string, unknown> = {};
  const ips: Record<string, ParsedIp> = {};
  for (const part of input.parts) {
    switch (part.t) {
      case 'family':
        out.family = familyOfArg(k.family, 'key.family');
        break;
      case 'address': {
        const ip = parseIp(k[part.arg], `key.${part.arg}`);
        if (part.sameFamilyAs !== undefined && ips[part.sameFamilyAs]?.family !== ip.family) {
          throw new TypeError(`Expected \`key.${part.arg}\` to be of the same family as \`key.${part.sameFamilyAs}\``);
        }
        ips[part.arg] = ip;
        out[part.arg] = ip;
        break;
      }
      case 'prefix': {
        const prefix = parsePrefix(k[part.arg], `key.${part.arg}`);
        ips[part.arg] = prefix.ip;
        out[part.arg] = { address: prefix.ip, prefixLength: prefix.length };
        break;
      }
      case 'interface': {
        // Windows looks a row up by InterfaceLuid when it is non-zero, else by InterfaceIndex.
        const on = checkInterface(k, 'key', part.index, part.luid);
        out.interfaceLuid = 'luid' in on ? on.luid : 0n;
        out.interfaceIndex = 'index' in on ? on.index : 0;
        break;
      }
    }
  }
  return out;
}

/** The row members an entry key argument fills, in the order the writer writes them. */
export function keyInputMembers(input: KeyInput): string[] {
  if (input.t === 'indexOrLuid') return ['interfaceLuid', 'interfaceIndex'];
  return input.parts.flatMap((part) => (part.t === 'family' ? ['family'] : part.t === 'interface' ? ['interfaceLuid', 'interfaceIndex'] : [part.arg]));
}

/** How a row's family is known: the member that carries it, and that member's kind. */
export interface FamilySource {
  readonly key: string;
  readonly kind: Kind;
}

/** The family of a decoded row, from the member that carries it (compiled where allowed, else a closure). */
export function familyReader(source: FamilySource | undefined, name: string, mode?: BuildMode): (row: object) => 'ipv4' | 'ipv6' | undefined {
  if (!source) return () => undefined;
  const access = JSON.stringify(source.key);
  switch (source.kind.t) {
    case 'enum': // ADDRESS_FAMILY, decoded as its name
    case 'const': // the family a struct implies (MIB_TCP6ROW_OWNER_PID)
      return build(`family_${name}`, ['r'], `  return r[${access}];`, {}, () => (r: object) => (r as Record<string, 'ipv4' | 'ipv6'>)[source.key], mode);
    case 'sockaddr': // an address: IPv6 text has a colon, IPv4 text none
      return build(`family_${name}`, ['r'], `  return r[${access}].includes(':') ? 'ipv6' : 'ipv4';`, {}, () => (r: object) => ((r as Record<string, string>)[source.key]!.includes(':') ? 'ipv6' : 'ipv4'), mode);
    case 'prefix':
      return build(
        `family_${name}`,
        ['r'],
        `  return r[${access}].address.includes(':') ? 'ipv6' : 'ipv4';`,
        {},
        () => (r: object) => ((r as Record<string, { address: string }>)[source.key]!.address.includes(':') ? 'ipv6' : 'ipv4'),
        mode,
      );
    default:
      throw new Error(`${name}: a row's family comes from an ADDRESS_FAMILY, SOCKADDR_INET or IP_ADDRESS_PREFIX member, not ${source.kind.cType}`);
  }
}

/** A key read from a notified row: its family, then the key members in declared order. */
export type NotifiedKey = { readonly family: 'ipv4' | 'ipv6' } & Readonly<Record<string, unknown>>;

/** A notified row whose key cannot be read. */
export function badNotification(syscall: string, message: string, field: string, rawValue: unknown): IpHelperError {
  return Object.assign(new IpHelperError(`${syscall} notified a row that cannot be read: ${message}`, { code: 'ERR_IPHLPAPI_BAD_RESULT', syscall, errno: 0 }), {
    field,
    rawValue,
  });
}

/**
 * The key of a notified row (Windows fills only the key members there): a
 * reader of those members alone, built from the struct's layout; the family
 * comes from `family`'s member. An address member other than the family's may
 * be left AF_UNSPEC in a notification: it reads as that family's unspecified
 * address (0.0.0.0 or ::), as in the table.
 */
export function notifiedKeyReader(
  struct: Struct,
  keys: readonly string[],
  family: FamilySource,
  syscall: string,
  mode?: BuildMode,
): (bytes: Uint8Array) => NotifiedKey {
  const layout = struct.layout();
  const fields = keys.map((key) => layout.fields.find((f) => f.key === key)!);
  const keyLayout: StructLayout = { ...layout, fields };
  const read: RowReader<Record<string, unknown>> = compileReader(keyLayout, `${struct.name}_key`, mode);
  const familyKey = family.key;
  const addressKeys = fields.filter((f) => f.kind.t === 'sockaddr' && f.key !== familyKey).map((f) => f.key);
  return (bytes) => {
    if (bytes.byteLength < layout.rowSize) throw badNotification(syscall, `the row is ${bytes.byteLength} bytes, not ${layout.rowSize}`, familyKey, bytes.byteLength);
    const row = read(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0);
    const raw = family.kind.t === 'prefix' ? (row[familyKey] as { address: unknown }).address : row[familyKey];
    let f: 'ipv4' | 'ipv6';
    if (family.kind.t === 'enum' || family.kind.t === 'const') {
      if (raw !== 'ipv4' && raw !== 'ipv6') throw badNotification(syscall, `${familyKey} has raw value ${describeValue(raw)}: expected AF_INET (2) or AF_INET6 (23)`, familyKey, raw);
      f = raw;
    } else {
      if (typeof raw !== 'string') throw badNotification(syscall, `${familyKey} has family ${String(raw)}`, familyKey, raw);
      f = raw.includes(':') ? 'ipv6' : 'ipv4';
    }
    for (const key of addressKeys) {
      const value = row[key];
      if (value === AF_UNSPEC) row[key] = f === 'ipv6' ? '::' : '0.0.0.0';
      else if (typeof value !== 'string') throw badNotification(syscall, `${key} has family ${String(value)}`, key, value);
    }
    return Object.assign({ family: f }, row) as NotifiedKey;
  };
}

/**
 * The identity notifications are merged by: every key member, but the
 * interface index where the LUID is a key member too (Windows identifies the
 * interface by its LUID when it is non-zero).
 */
export function changeIdentity(keys: readonly string[]): (key: Readonly<Record<string, unknown>>) => string {
  const parts = ['family', ...keys.filter((k) => k !== 'family' && !(k === 'interfaceIndex' && keys.includes('interfaceLuid')))];
  const text = (value: unknown): string =>
    value !== null && typeof value === 'object' ? `${String((value as { address: unknown }).address)}/${String((value as { prefixLength: unknown }).prefixLength)}` : String(value);
  return (key) => parts.map((p) => text(key[p])).join('|');
}
