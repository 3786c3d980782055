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
import { describeValue, readObject } from './errors.js';
import { CreateIpForwardEntry2, DeleteIpForwardEntry2, GetIpForwardEntry2, InitializeIpForwardEntry, SetIpForwardEntry2 } from './functions.js';
import { ipText, parseIp, parsePrefix, type ParsedIp } from './ip.js';
import { lazy, zod } from './lazy.js';
import { runAsync, runSync } from './plan.js';
import { MIB_IPFORWARD_ROW2, NL_ROUTE_PROTOCOL } from './structs/mib-ipforward-row2.js';
import { checkInterface } from './table/key.js';
import { ROUTES, type IpForwardRow2 } from './tables/routes.js';
import { checkSetMembers, createPlan, deletePlan, setPlan, unknownMembers, type CheckedRow, type WriteResult, type WriteTarget } from './writes.js';

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

/** What a route write changed: the route before (null: it did not exist) and after. */
export type RouteChangeResult = WriteResult<IpForwardRow2>;

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
export function checkRoute(value: unknown, name: string, keyOnly = false): CheckedRow {
  const route = readObject(value, name, "an object like { destinationPrefix: '10.0.0.0/8', nextHop: '192.0.2.1', interfaceIndex: 12 }");
  unknownMembers(route, name, keyOnly ? KEY_MEMBERS : [...KEY_MEMBERS, ...SET_MEMBERS], keyOnly, 'a route');
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
    const set = checkSetMembers(routeMembersSchema, route, SET_MEMBERS, name);
    const max = prefix.ip.family === 'ipv4' ? 32 : 128;
    if (typeof set.sitePrefixLength === 'number' && set.sitePrefixLength > max) {
      throw new RangeError(`Expected \`${name}.sitePrefixLength\` to be at most ${max} for an ${prefix.ip.family === 'ipv4' ? 'IPv4' : 'IPv6'} route, got ${set.sitePrefixLength}`);
    }
    Object.assign(members, set);
  }
  const text =
    `${typeof route.destinationPrefix === 'string' ? route.destinationPrefix : `${String((route.destinationPrefix as { address: unknown }).address)}/${prefix.length}`}` +
    ` via ${route.nextHop === undefined ? 'on-link' : String(route.nextHop)} on interface ${'luid' in on ? `LUID ${on.luid}` : on.index}`;
  return { members, text };
}

/** Routes as a kind of row the package writes (see ./writes.ts). */
const ROUTE: WriteTarget = {
  noun: 'route',
  plural: 'routes',
  argument: 'route',
  struct: MIB_IPFORWARD_ROW2,
  table: ROUTES,
  initialize: InitializeIpForwardEntry,
  create: CreateIpForwardEntry2,
  set: SetIpForwardEntry2,
  remove: DeleteIpForwardEntry2,
  entry: GetIpForwardEntry2,
  keyMembers: KEY_MEMBERS,
  settable: SET_MEMBERS,
  check: checkRoute,
};

/**
 * Adds a route (CreateIpForwardEntry2) and returns `{ before: null, after }`; with
 * `{ ifExists: 'replace' }` an existing route is changed instead (`before` is what it was).
 * Needs administrator rights (`ERROR_ACCESS_DENIED`); an existing route is `ERROR_OBJECT_ALREADY_EXISTS`.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-createipforwardentry2
 */
export function createRoute(route: RouteInput, options?: CreateRouteOptions): RouteChangeResult {
  return runSync(createPlan<IpForwardRow2>(ROUTE, route, options));
}

/**
 * createRoute with each native call on one of koffi's worker threads.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-createipforwardentry2
 */
export function createRouteAsync(route: RouteInput, options?: CreateRouteOptions): Promise<RouteChangeResult> {
  return runAsync(createPlan<IpForwardRow2>(ROUTE, route, options)); // a bad argument rejects: the plan checks it on its first step
}

/**
 * Changes an existing route's members (SetIpForwardEntry2) and returns `{ before, after }`; a route
 * that does not exist is `ERROR_NOT_FOUND`.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-setipforwardentry2
 */
export function setRoute(route: RouteInput): RouteChangeResult {
  return runSync(setPlan<IpForwardRow2>(ROUTE, route));
}

/**
 * setRoute with each native call on one of koffi's worker threads.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-setipforwardentry2
 */
export function setRouteAsync(route: RouteInput): Promise<RouteChangeResult> {
  return runAsync(setPlan<IpForwardRow2>(ROUTE, route)); // a bad argument rejects: the plan checks it on its first step
}

/**
 * Deletes a route (DeleteIpForwardEntry2) and returns the row it deleted; a route that does not
 * exist is `ERROR_NOT_FOUND`, or null with `{ ifMissing: 'ignore' }`.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-deleteipforwardentry2
 */
export function deleteRoute(key: DeleteRouteKey, options?: DeleteRouteOptions): IpForwardRow2 | null {
  return runSync(deletePlan<IpForwardRow2>(ROUTE, key, options));
}

/**
 * deleteRoute with each native call on one of koffi's worker threads.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-deleteipforwardentry2
 */
export function deleteRouteAsync(key: DeleteRouteKey, options?: DeleteRouteOptions): Promise<IpForwardRow2 | null> {
  return runAsync(deletePlan<IpForwardRow2>(ROUTE, key, options)); // a bad argument rejects: the plan checks it on its first step
}

/** Not API: the row a route's write would hand Windows after InitializeIpForwardEntry, as members (the CLI's --dry-run). */
export function routeMembers(route: unknown, keyOnly = false): Readonly<Record<string, unknown>> {
  return checkRoute(route, keyOnly ? 'key' : 'route', keyOnly).members;
}

