/**
 * Writing routes — what `route add`, `route delete` and `netsh interface ipv4 add route` do — with
 * CreateIpForwardEntry2, SetIpForwardEntry2 and DeleteIpForwardEntry2. Every route is checked before
 * any native call; the row handed to Windows starts as InitializeIpForwardEntry leaves it, and only
 * the members the caller names are written over it (Windows fills its own defaults from the rest,
 * as WireGuard's AddRoute relies on: nothing is invented here). Each write returns the rows before
 * and after it, read back with GetIpForwardEntry2, so a caller can undo it.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-createipforwardentry2
 */
import { describePath, describeValue, IpHelperError, readObject, WIN32 } from './errors.js';
import { call, callAsync, checkStatus, CreateIpForwardEntry2, DeleteIpForwardEntry2, GetIpForwardEntry2, InitializeIpForwardEntry, SetIpForwardEntry2, type DllFunction } from './functions.js';
import { ipText, parseIp, parsePrefix, type ParsedIp } from './ip.js';
import { lazy, zod } from './lazy.js';
import { assertWindows } from './native.js';
import { runAsync, runSync, step, type Plan } from './plan.js';
import { memberWriter, type RowWriter } from './struct/writer.js';
import { MIB_IPFORWARD_ROW2, NL_ROUTE_PROTOCOL } from './structs/mib-ipforward-row2.js';
import { checkInterface } from './table/key.js';
import { ROUTES, type IpForwardRow2 } from './tables/routes.js';

/** A route to write: where to (a prefix), through what (a next hop, or on-link), on which interface, and the members to set. */
export interface RouteInput {
  /** '10.0.0.0/8', '::/0', or { address, prefixLength }; the host bits must be zero. */
  readonly destinationPrefix: string | { readonly address: string; readonly prefixLength: number };
  /** The gateway, of the prefix's family; left out: on-link (the family's unspecified address). */
  readonly nextHop?: string;
  /** The interface: its index or its LUID (exactly one). */
  readonly interfaceIndex?: number;
  readonly interfaceLuid?: bigint;
  readonly metric?: number;
  readonly protocol?: keyof typeof NL_ROUTE_PROTOCOL;
  readonly validLifetime?: number;
  readonly preferredLifetime?: number;
  readonly sitePrefixLength?: number;
  readonly loopback?: boolean;
  readonly autoconfigureAddress?: boolean;
  readonly publish?: boolean;
  readonly immortal?: boolean;
}

/** Which route: its prefix, next hop (left out: on-link) and interface — Windows' key. */
export type DeleteRouteKey = Pick<RouteInput, 'destinationPrefix' | 'nextHop' | 'interfaceIndex' | 'interfaceLuid'>;

/** What createRoute does when the route exists: fail (the default), or change it to this (SetIpForwardEntry2, as Mullvad does). */
export interface CreateRouteOptions {
  readonly ifExists?: 'error' | 'replace';
}
/** What deleteRoute does when there is no such route: fail (the default), or return null. */
export interface DeleteRouteOptions {
  readonly ifMissing?: 'error' | 'ignore';
}

/** What a write changed: the route before (null: it did not exist) and after (null: it no longer does). */
export interface RouteChangeResult {
  readonly before: IpForwardRow2 | null;
  readonly after: IpForwardRow2 | null;
}

const UINT32 = 0xffff_ffff;

/** The members a route may set besides its key, and what each takes (checked by zod). */
const routeMembersSchema = lazy(() => {
  const uint = (max: number) => zod().number({ error: 'expected a number' }).int({ error: 'expected an integer' }).min(0).max(max);
  return zod().object({
    metric: uint(UINT32).optional(),
    protocol: zod().enum(Object.keys(NL_ROUTE_PROTOCOL) as [keyof typeof NL_ROUTE_PROTOCOL, ...(keyof typeof NL_ROUTE_PROTOCOL)[]]).optional(),
    validLifetime: uint(UINT32).optional(),
    preferredLifetime: uint(UINT32).optional(),
    sitePrefixLength: uint(128).optional(),
    loopback: zod().boolean().optional(),
    autoconfigureAddress: zod().boolean().optional(),
    publish: zod().boolean().optional(),
    immortal: zod().boolean().optional(),
  });
});

const KEY_MEMBERS = ['destinationPrefix', 'nextHop', 'interfaceIndex', 'interfaceLuid'] as const;
const SET_MEMBERS = ['metric', 'protocol', 'validLifetime', 'preferredLifetime', 'sitePrefixLength', 'loopback', 'autoconfigureAddress', 'publish', 'immortal'] as const;

/** A checked route: the row members to write (JS keys) and its description for messages. */
interface CheckedRoute {
  readonly members: Readonly<Record<string, unknown>>;
  readonly family: 'ipv4' | 'ipv6';
  readonly text: string;
}

/** Whether the bits of `ip` past `length` are all zero. */
function hostBitsZero(ip: ParsedIp, length: number): boolean {
  for (let bit = length; bit < ip.bytes.length * 8; bit++) if ((ip.bytes[bit >> 3]! >> (7 - (bit & 7))) & 1) return false;
  return true;
}

/** `ip` with the bits past `length` cleared, as text (for the hint in a message). */
function networkOf(ip: ParsedIp, length: number): string {
  const bytes = Uint8Array.from(ip.bytes);
  for (let bit = length; bit < bytes.length * 8; bit++) bytes[bit >> 3]! &= ~(1 << (7 - (bit & 7)));
  return ipText({ family: ip.family, bytes, scopeId: 0 });
}

/**
 * Checks a route (or, `keyOnly`, a route's key) before any native call: TypeErrors for a value of
 * the wrong type or form, RangeErrors for one out of range, each naming the member.
 */
export function checkRoute(value: unknown, name: string, keyOnly = false): CheckedRoute {
  const route = readObject(value, name, "an object like { destinationPrefix: '10.0.0.0/8', nextHop: '192.0.2.1', interfaceIndex: 12 }");
  const allowed: readonly string[] = keyOnly ? KEY_MEMBERS : [...KEY_MEMBERS, ...SET_MEMBERS];
  const unknown = Object.keys(route).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    throw new TypeError(`\`${name}\` has ${unknown.length === 1 ? 'a member' : 'members'} ${keyOnly ? 'a route key does not' : 'a route does not'} have: ${unknown.slice(0, 5).map((k) => `\`${k}\``).join(', ')} (${keyOnly ? 'a key is ' : 'it takes '}${allowed.map((k) => `\`${k}\``).join(', ')})`);
  }
  if (route.destinationPrefix === undefined) throw new TypeError(`Expected \`${name}.destinationPrefix\` to be a prefix like '10.0.0.0/8', got \`undefined\``);
  const prefix = parsePrefix(route.destinationPrefix, `${name}.destinationPrefix`);
  if (prefix.ip.scopeId !== 0) throw new TypeError(`Expected \`${name}.destinationPrefix\` to have no zone (%${prefix.ip.scopeId}): a prefix is not scoped`);
  if (!hostBitsZero(prefix.ip, prefix.length)) {
    throw new RangeError(
      `Expected \`${name}.destinationPrefix\` to have its host bits zero, got ${describeValue(route.destinationPrefix)} (did you mean '${networkOf(prefix.ip, prefix.length)}/${prefix.length}'?)`,
    );
  }
  let nextHop: ParsedIp | string = prefix.ip.family === 'ipv4' ? '0.0.0.0' : '::';
  if (route.nextHop !== undefined) {
    const hop = parseIp(route.nextHop, `${name}.nextHop`);
    if (hop.family !== prefix.ip.family) {
      throw new TypeError(`Expected \`${name}.nextHop\` to be an ${prefix.ip.family === 'ipv4' ? 'IPv4' : 'IPv6'} address like its prefix, got ${describeValue(route.nextHop)}`);
    }
    nextHop = hop;
  }
  const on = checkInterface(route, name);
  const members: Record<string, unknown> = {
    destinationPrefix: { address: prefix.ip, prefixLength: prefix.length },
    nextHop,
    ...('luid' in on ? { interfaceLuid: on.luid } : { interfaceIndex: on.index }),
  };
  if (!keyOnly) {
    const rest = Object.fromEntries(SET_MEMBERS.map((k) => [k, route[k]]));
    const result = routeMembersSchema.safeParse(rest);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const path = [name, ...issue.path];
      const raw = rest[String(issue.path[0])];
      const Err = issue.code === 'too_big' || issue.code === 'too_small' ? RangeError : TypeError;
      throw new Err(`Invalid ${describePath(path)}: ${issue.message}, got ${describeValue(raw)}`);
    }
    const data = result.data;
    if (data.preferredLifetime !== undefined && data.validLifetime !== undefined && data.preferredLifetime > data.validLifetime) {
      throw new RangeError(`Expected \`${name}.preferredLifetime\` (${data.preferredLifetime}) to be at most \`${name}.validLifetime\` (${data.validLifetime})`);
    }
    const max = prefix.ip.family === 'ipv4' ? 32 : 128;
    if (data.sitePrefixLength !== undefined && data.sitePrefixLength > max) {
      throw new RangeError(`Expected \`${name}.sitePrefixLength\` to be at most ${max} for an ${prefix.ip.family === 'ipv4' ? 'IPv4' : 'IPv6'} route, got ${data.sitePrefixLength}`);
    }
    for (const [k, v] of Object.entries(data)) if (v !== undefined) members[k] = v;
  }
  const text =
    `${typeof route.destinationPrefix === 'string' ? route.destinationPrefix : `${String((route.destinationPrefix as { address: unknown }).address)}/${prefix.length}`}` +
    ` via ${route.nextHop === undefined ? 'on-link' : String(route.nextHop)} on interface ${'luid' in on ? `LUID ${on.luid}` : on.index}`;
  return { members, family: prefix.ip.family, text };
}

let writer: RowWriter | undefined;

/** The row handed to Windows: InitializeIpForwardEntry's, then the route's members over it. */
function* routeRow(route: CheckedRoute): Plan<Buffer> {
  const row = Buffer.alloc(MIB_IPFORWARD_ROW2.layout().rowSize);
  yield* step({ sync: () => call(InitializeIpForwardEntry, row), async: () => callAsync(InitializeIpForwardEntry, row) });
  writer ??= memberWriter(MIB_IPFORWARD_ROW2.layout(), [...KEY_MEMBERS, ...SET_MEMBERS], 'MIB_IPFORWARD_ROW2_route');
  writer(new DataView(row.buffer, row.byteOffset, row.byteLength), 0, route.members);
  return row;
}

/** One native call on a row as a plan step. */
const rowStep = (fn: DllFunction, row: Buffer) => step<number>({ sync: () => call(fn, row) as number, async: () => callAsync(fn, row) });

/** The route as GetIpForwardEntry2 reads it now, or null when there is none. */
function* current(route: CheckedRoute): Plan<IpForwardRow2 | null> {
  const row = ROUTES.keyedRow(route.members);
  const status = yield* rowStep(GetIpForwardEntry2, row);
  if (status === WIN32.ERROR_NOT_FOUND || status === WIN32.ERROR_FILE_NOT_FOUND) return null;
  checkStatus(GetIpForwardEntry2.name, status);
  return ROUTES.decodeRow(row) as IpForwardRow2;
}

/** Throws the status's IpHelperError, its message saying which route (and what each code means for a write). */
function checkWrite(fn: DllFunction, status: number, route: CheckedRoute): void {
  try {
    checkStatus(fn.name, status);
  } catch (error) {
    if (error instanceof IpHelperError) {
      const why =
        status === WIN32.ERROR_ACCESS_DENIED ? ' (changing routes needs administrator rights: run elevated)' : status === WIN32.ERROR_INVALID_PARAMETER ? ` (values written: ${shortMembers(route)})` : '';
      error.message = `${error.message}: route ${route.text}${why}`;
    }
    throw error;
  }
}

/** The members a route sets, shortened for a message. */
function shortMembers(route: CheckedRoute): string {
  const text = SET_MEMBERS.filter((k) => route.members[k] !== undefined).map((k) => `${k}=${String(route.members[k])}`).join(', ');
  return text.length > 120 ? `${text.slice(0, 117)}...` : text || 'none besides the key';
}

function* createPlan(value: unknown, options: unknown): Plan<RouteChangeResult> {
  const route = checkRoute(value, 'route');
  const ifExists = readOption(options, 'ifExists', ['error', 'replace']) ?? 'error';
  assertWindows(CreateIpForwardEntry2.name);
  const row = yield* routeRow(route);
  const status = yield* rowStep(CreateIpForwardEntry2, row);
  if (status === WIN32.ERROR_OBJECT_ALREADY_EXISTS && ifExists === 'replace') {
    const before = yield* current(route);
    checkWrite(SetIpForwardEntry2, yield* rowStep(SetIpForwardEntry2, row), route);
    return { before, after: yield* current(route) };
  }
  checkWrite(CreateIpForwardEntry2, status, route);
  return { before: null, after: yield* current(route) };
}

function* setPlan(value: unknown): Plan<RouteChangeResult> {
  const route = checkRoute(value, 'route');
  if (SET_MEMBERS.every((k) => route.members[k] === undefined)) throw new TypeError(`Expected \`route\` to name at least one member to set (${SET_MEMBERS.map((k) => `\`${k}\``).join(', ')})`);
  assertWindows(SetIpForwardEntry2.name);
  const before = yield* current(route);
  const row = yield* routeRow(route);
  checkWrite(SetIpForwardEntry2, yield* rowStep(SetIpForwardEntry2, row), route);
  return { before, after: yield* current(route) };
}

function* deletePlan(value: unknown, options: unknown): Plan<IpForwardRow2 | null> {
  const route = checkRoute(value, 'key', true);
  const ifMissing = readOption(options, 'ifMissing', ['error', 'ignore']) ?? 'error';
  assertWindows(DeleteIpForwardEntry2.name);
  const before = yield* current(route);
  const row = yield* routeRow(route);
  const status = yield* rowStep(DeleteIpForwardEntry2, row);
  if (status === WIN32.ERROR_NOT_FOUND && ifMissing === 'ignore') return null;
  checkWrite(DeleteIpForwardEntry2, status, route);
  return before;
}

/** An option that is one of `values` (undefined when not given). */
function readOption<T extends string>(options: unknown, key: string, values: readonly T[]): T | undefined {
  if (options === undefined) return undefined;
  const o = readObject(options, 'options');
  const unknown = Object.keys(o).filter((k) => k !== key);
  if (unknown.length > 0) throw new TypeError(`Expected \`options\` to have only \`${key}\`, got \`${unknown[0]}\``);
  const value = o[key];
  if (value === undefined) return undefined;
  if (!values.includes(value as T)) throw new TypeError(`Expected \`options.${key}\` to be ${values.map((v) => `'${v}'`).join(' or ')}, got ${describeValue(value)}`);
  return value as T;
}

/**
 * Adds a route (CreateIpForwardEntry2) and returns `{ before: null, after }`; with
 * `{ ifExists: 'replace' }` an existing route is changed instead (`before` is what it was).
 * Needs administrator rights (`ERROR_ACCESS_DENIED`); an existing route is `ERROR_OBJECT_ALREADY_EXISTS`.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-createipforwardentry2
 */
export function createRoute(route: RouteInput, options?: CreateRouteOptions): RouteChangeResult {
  return runSync(createPlan(route, options));
}

/**
 * createRoute with each native call on one of koffi's worker threads.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-createipforwardentry2
 */
export function createRouteAsync(route: RouteInput, options?: CreateRouteOptions): Promise<RouteChangeResult> {
  return runAsync(createPlan(route, options)); // a bad argument rejects: the plan checks it on its first step
}

/**
 * Changes an existing route's members (SetIpForwardEntry2) and returns `{ before, after }`; a route
 * that does not exist is `ERROR_NOT_FOUND`.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-setipforwardentry2
 */
export function setRoute(route: RouteInput): RouteChangeResult {
  return runSync(setPlan(route));
}

/**
 * setRoute with each native call on one of koffi's worker threads.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-setipforwardentry2
 */
export function setRouteAsync(route: RouteInput): Promise<RouteChangeResult> {
  return runAsync(setPlan(route)); // a bad argument rejects: the plan checks it on its first step
}

/**
 * Deletes a route (DeleteIpForwardEntry2) and returns the row it deleted; a route that does not
 * exist is `ERROR_NOT_FOUND`, or null with `{ ifMissing: 'ignore' }`.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-deleteipforwardentry2
 */
export function deleteRoute(key: DeleteRouteKey, options?: DeleteRouteOptions): IpForwardRow2 | null {
  return runSync(deletePlan(key, options));
}

/**
 * deleteRoute with each native call on one of koffi's worker threads.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-deleteipforwardentry2
 */
export function deleteRouteAsync(key: DeleteRouteKey, options?: DeleteRouteOptions): Promise<IpForwardRow2 | null> {
  return runAsync(deletePlan(key, options)); // a bad argument rejects: the plan checks it on its first step
}

/** Not API: the row a route's write would hand Windows after InitializeIpForwardEntry, as members (the CLI's --dry-run). */
export function routeMembers(route: unknown, keyOnly = false): Readonly<Record<string, unknown>> {
  return checkRoute(route, keyOnly ? 'key' : 'route', keyOnly).members;
}

