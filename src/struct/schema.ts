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
import { netModule } from '../builtins.js';
import type { z } from 'zod';
import { zod } from '../lazy.js';
import { build, type BuildMode } from './codegen.js';
import { keyOf, memberKey, ULONG, type Kind, type Member, type RowOf, type StructDecl } from './ctypes.js';

const UINT_MAX: Record<number, number | bigint> = { 1: 0xff, 2: 0xffff, 4: 0xffff_ffff, 8: 0xffff_ffff_ffff_ffffn };
const INT_RANGE: Record<number, [number | bigint, number | bigint]> = {
  1: [-0x80, 0x7f],
  2: [-0x8000, 0x7fff],
  4: [-0x8000_0000, 0x7fff_ffff],
  8: [-(2n ** 63n), 2n ** 63n - 1n],
};

/** A range predicate and its message, for the row-level check. */
interface Ranged {
  readonly key: string;
  readonly test: (value: unknown) => boolean;
  readonly message: string;
}

function rangeOf(kind: Kind): Omit<Ranged, 'key'> | undefined {
  if (kind.t !== 'uint' && kind.t !== 'int') return undefined;
  const [min, max] = kind.t === 'uint' ? [kind.size === 8 ? 0n : 0, UINT_MAX[kind.size]!] : INT_RANGE[kind.size]!;
  const bits = kind.size * 8;
  const what = `${kind.t === 'uint' ? 'an unsigned' : 'a signed'} ${bits}-bit ${bits === 64 ? 'bigint' : 'integer'} (${kind.cType})`;
  if (kind.size === 8) {
    return { test: (v) => typeof v === 'bigint' && v >= min && v <= max, message: `Expected ${what}` };
  }
  const lo = min as number;
  const hi = max as number;
  return { test: (v) => typeof v === 'number' && v >= lo && v <= hi && v % 1 === 0, message: `Expected ${what}` };
}

function isUintArray(value: unknown, length: number, max: number): boolean {
  if (!Array.isArray(value) || value.length !== length) return false;
  for (let i = 0; i < length; i++) {
    const v = value[i];
    if (typeof v !== 'number' || v < 0 || v > max || v % 1 !== 0) return false;
  }
  return true;
}

function isFlags(value: unknown, keys: readonly string[]): boolean {
  if (value === null || typeof value !== 'object') return false;
  const flags = value as Record<string, unknown>;
  for (const key of keys) if (typeof flags[key] !== 'boolean') return false;
  return true;
}

const MAC = (length: number) => new RegExp(`^(?:[0-9a-f]{2}(?::[0-9a-f]{2}){0,${length - 1}})?$`);
const GUID_RE = /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/;

/** The zod node of one kind in the full schema. */
export function kindSchema(kind: Kind): z.ZodType {
  switch (kind.t) {
    case 'uint':
    case 'int':
      return kind.size === 8 ? zod().bigint() : zod().number();
    case 'bool':
      return zod().boolean();
    case 'enum':
      return zod().enum(Object.keys(kind.values) as [string, ...string[]]);
    case 'array': {
      const max = UINT_MAX[kind.of.size] as number;
      return zod().custom<number[]>((v) => isUintArray(v, kind.length, max), {
        message: `Expected an array of ${kind.length} unsigned ${kind.of.size * 8}-bit integers (${kind.cType})`,
      });
    }
    case 'bits': {
      const keys = kind.bits.map(keyOf);
      return zod().custom((v) => isFlags(v, keys), { message: `Expected an object with boolean ${keys.join(', ')}` });
    }
    case 'flags':
      return zod().boolean(); // one per bit, see rowSchema
    case 'wstr':
      return zod().string().max(kind.length - 1); // the NUL takes one WCHAR
    case 'bytes':
      return zod().string().regex(MAC(kind.length), `Expected up to ${kind.length} bytes as lowercase hex pairs joined by ':' (${kind.cType})`);
    case 'guid':
      return zod().string().regex(GUID_RE, 'Expected a GUID like {6B29FC40-CA47-1067-B31D-00DD010662DA}');
    case 'sockaddr':
      return zod().string().refine(isIpText, 'Expected an IPv4 or IPv6 address (the scope id is a member of its own)');
    case 'prefix':
      // The length's bound by family (32 or 128) is in the row-level check.
      return zod().object({
        address: zod().string().refine(isIpText, 'Expected an IPv4 or IPv6 address'),
        prefixLength: zod().number().int().min(0).max(128),
      });
    case 'in4':
      return zod().ipv4();
    case 'in6':
      return zod().string().refine(isIpv6Text, 'Expected an IPv6 address');
    case 'port':
      return zod().int().min(0).max(0xffff);
    case 'const':
      return zod().literal(kind.value);
    case 'pwstr':
    case 'pstr':
      return zod().string();
    case 'socketAddress':
      // A split one is two keys (see rowSchema): this is its address.
      return kind.form === 'text'
        ? zod().string().refine((v) => v === '' || isIpText(v), "Expected '' or an IPv4 or IPv6 address (an IPv6 one may end in %scopeId)")
        : zod().string().refine(isIpText, 'Expected an IPv4 or IPv6 address (the scope id is a member of its own)');
    case 'list': {
      const node = rowSchema(kind.node.decl);
      return zod().array(kind.pick === undefined ? node : (node.shape as Record<string, z.ZodType>)[kind.pick]!);
    }
    case 'next':
    case 'skip':
      throw new Error('unreachable: members without a key have no schema');
  }
}

/** IPv6 text as the reader writes it (RFC 5952, or ::ffff:a.b.c.d): checked by Node's own parser. */
function isIpv6Text(value: string): boolean {
  return netModule().isIPv6(value);
}

/** An IPv4 or IPv6 address as text, without a zone: Node's own parser. */
function isIpText(value: string): boolean {
  return netModule().isIP(value) !== 0;
}

/** The longest prefix of an address as the reader writes it: 128 when IPv6 (it has a ':'), else 32. */
export function maxPrefixLength(address: string): 32 | 128 {
  return address.indexOf(':') < 0 ? 32 : 128;
}

/**
 * The prefix lengths a row must keep within its address family (32 or 128): each
 * IP_ADDRESS_PREFIX's own length, and each member of `prefixLengthOf` by its address member.
 * Paths and keys as the row has them; the address is the reader's text (a number when its family
 * is invalid: no bound applies, the address itself is rejected).
 */
function prefixBounds(decl: StructDecl): { path: string[]; address: string[]; message: string }[] {
  const bounds: { path: string[]; address: string[]; message: string }[] = [];
  const keyOfC = (cName: string) => memberKey(decl.members.find((m) => m[0] === cName)!);
  for (const member of decl.members) {
    if (member[1].t === 'prefix') {
      const key = memberKey(member);
      bounds.push({ path: [key, 'prefixLength'], address: [key, 'address'], message: 'Expected a prefix length of at most 32 for IPv4, 128 for IPv6' });
    }
  }
  for (const [lengthMember, addressMember] of Object.entries(decl.prefixLengthOf ?? {})) {
    bounds.push({
      path: [keyOfC(lengthMember)],
      address: [keyOfC(addressMember as string)],
      message: `Expected ${lengthMember} of at most 32 for an IPv4 ${addressMember as string}, 128 for IPv6`,
    });
  }
  return bounds;
}

/** The value at `path` of a row (undefined where a step is missing). */
function at(row: unknown, path: readonly string[]): unknown {
  let value = row;
  for (const p of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[p] : undefined;
  return value;
}

/** The row-level prefix-length checks as issues (zod's ctx), for the full and the decoded-row schema. */
function checkPrefixBounds(bounds: ReturnType<typeof prefixBounds>, row: unknown, issues: unknown[]): void {
  for (const { path, address, message } of bounds) {
    const a = at(row, address);
    const length = at(row, path);
    if (typeof a === 'string' && typeof length === 'number' && length > maxPrefixLength(a)) issues.push({ code: 'custom', message, input: length, path });
  }
}

/** The zod node of a kind in the decoded-row schema, or undefined when bytes cannot make it invalid. */
function decodedKindSchema(kind: Kind, lengthMember?: string): z.ZodType | undefined {
  switch (kind.t) {
    case 'enum':
      return kindSchema(kind);
    case 'bytes':
      return zod().string({ error: `${lengthMember} is larger than the ${kind.length}-byte array` });
    case 'sockaddr':
      return zod().string({ error: 'Expected an address of family AF_INET (2) or AF_INET6 (23)' });
    case 'wstr':
      return zod().string({ error: `Expected a NUL within the ${kind.length} WCHARs (Windows terminates every string it returns)` });
    case 'socketAddress':
      return zod().string({ error: 'Expected a SOCKET_ADDRESS of family AF_INET (2) or AF_INET6 (23), as long as its sockaddr' });
    case 'prefix':
      // One node, not a nested object: this runs on every decoded route (its length: the row-level check).
      return zod().custom((v) => typeof (v as { address?: unknown } | null)?.address === 'string', {
        message: 'Expected a prefix whose address is of family AF_INET (2) or AF_INET6 (23)',
      });
    default:
      return undefined;
  }
}

/** The full zod object of a struct's row, typed from its declaration. */
export type RowSchema<M extends readonly Member[]> = z.ZodObject<{ -readonly [K in keyof RowOf<M>]: z.ZodType<RowOf<M>[K]> }>;

/** Builds the full schema of a struct's row: one node per member, integer ranges in one row-level check. */
export function rowSchema<M extends readonly Member[]>(decl: StructDecl<M>): RowSchema<M> {
  const shape: Record<string, z.ZodType> = {};
  const ranged: Ranged[] = [];
  for (const member of decl.members) {
    const kind = member[1];
    if (kind.t === 'flags') {
      for (const bit of kind.bits) shape[keyOf(bit)] = zod().boolean();
      continue;
    }
    if (kind.t === 'next' || kind.t === 'skip') continue;
    const key = memberKey(member);
    shape[key] = kindSchema(kind);
    if (kind.t === 'socketAddress' && kind.form === 'split') {
      shape.scopeId = zod().number();
      ranged.push({ key: 'scopeId', ...rangeOf({ ...ULONG, cType: 'sin6_scope_id' })! });
    }
    const range = rangeOf(kind);
    if (range) ranged.push({ key, ...range });
  }
  const bounds = prefixBounds(decl);
  const schema = zod().object(shape).check((ctx) => {
    const row = ctx.value as Record<string, unknown>;
    for (let i = 0; i < ranged.length; i++) {
      const { key, test, message } = ranged[i]!;
      if (!test(row[key])) ctx.issues.push({ code: 'custom', message, input: row[key], path: [key] });
    }
    checkPrefixBounds(bounds, row, ctx.issues);
  });
  return schema as unknown as RowSchema<M>;
}

/**
 * The decoded-row schema's verdict as one generated predicate, without zod: a
 * reader makes every member the schema checks either a string (a name, an
 * address) or a raw number (an enum value with no name, an address of another
 * family, a length larger than its array), so `typeof … === 'string'` is most
 * of the test; the rest is each prefix length against its address's family
 * (32 or 128). It allocates nothing, which matters at 10,000 rows (zod's
 * per-row objects cost more in garbage collection than in parsing); zod runs
 * on a row only when this says no, to name the member and the problem. The
 * tests hold both to the same verdict on decoded random bytes, for every
 * struct.
 */
export function decodedRowCheck(decl: StructDecl, mode?: BuildMode): (row: Record<string, unknown>) => boolean {
  const paths: string[][] = [];
  for (const member of decl.members) {
    const kind = member[1];
    if (kind.t === 'enum' || kind.t === 'bytes' || kind.t === 'sockaddr' || kind.t === 'wstr' || kind.t === 'socketAddress') paths.push([memberKey(member)]);
    else if (kind.t === 'prefix') paths.push([memberKey(member), 'address']);
  }
  const bounds = prefixBounds(decl);
  const access = (path: string[]) => `r${path.map((p) => `[${JSON.stringify(p)}]`).join('')}`;
  // Every address is a string by then (checked first): its text says its family.
  const terms = [
    ...paths.map((p) => `typeof ${access(p)} === 'string'`),
    ...bounds.map((b) => `${access(b.path)} <= (${access(b.address)}.indexOf(':') < 0 ? 32 : 128)`),
  ];
  const source = `  return ${terms.length === 0 ? 'true' : terms.join(' && ')};`;
  return build(`check_${decl.name}`, ['r'], source, {}, () => (r: Record<string, unknown>) => {
    for (const path of paths) if (typeof at(r, path) !== 'string') return false;
    for (const b of bounds) if ((at(r, b.path) as number) > maxPrefixLength(at(r, b.address) as string)) return false;
    return true;
  }, mode);
}

/** Builds the decoded-row schema: only the members bytes can make invalid. */
export function decodedRowSchema(decl: StructDecl): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const member of decl.members) {
    const kind = member[1];
    const node = decodedKindSchema(kind, kind.t === 'bytes' ? kind.lengthMember : undefined);
    if (node) shape[memberKey(member)] = node;
  }
  const bounds = prefixBounds(decl);
  if (bounds.length === 0) return zod().object(shape);
  // The object keeps only its shape's keys: a bounded length must be one of them to reach the check.
  for (const { path } of bounds) shape[path[0]!] ??= zod().number();
  return zod().object(shape).check((ctx) => checkPrefixBounds(bounds, ctx.value, ctx.issues));
}
