/**
 * Routes: GetIpForwardTable2 and GetIpForwardEntry2 (MIB_IPFORWARD_ROW2), what
 * `route print` and Get-NetRoute show; the route the system would use for a
 * destination (GetBestRoute2, like Find-NetRoute); and the default gateways,
 * best first — what `default-gateway` answers by spawning `wmic`.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipforwardtable2
 */
import type { z } from 'zod';
import { lazy } from './lazy.js';
import { getIfTable2, getIfTable2Async, type IfRow2 } from './adapters.js';
import { checkInterface, type UnicastIpAddressRow } from './addresses.js';
import { describeValue, IpHelperError } from './errors.js';
import { toAddressFamily, type FamilyOption } from './family.js';
import { GetBestRoute2, GetIpForwardEntry2, GetIpForwardTable2, GetIpInterfaceTable, GetUnicastIpAddressTable, call, callAsync } from './functions.js';
import { isLinkLocal, parseIp, prefixContains, sockaddrInet, type ParsedIp } from './ip.js';
import { familyTable, rowCall, runAsync, runSync, step, type Plan, type Step } from './mibtable.js';
import { assertWindows, checkStatus } from './native.js';
import type { IpInterfaceRow } from './schema.js';
import { decodeRow, decodeTable } from './struct/define.js';
import { sockaddr } from './struct/reader.js';
import { MIB_IPFORWARD_ROW2, NL_ROUTE_ORIGIN, NL_ROUTE_PROTOCOL } from './structs/mib-ipforward-row2.js';
import { AF_INET, AF_INET6, MIB_IPINTERFACE_ROW } from './structs/mib-ipinterface-row.js';
import { MIB_UNICASTIPADDRESS_ROW } from './structs/mib-unicastipaddress-row.js';

export { NL_ROUTE_ORIGIN, NL_ROUTE_PROTOCOL };

/** One MIB_IPFORWARD_ROW2 as a zod schema. */
export const ipForwardRow2Schema = lazy(() => MIB_IPFORWARD_ROW2.schema());
/** One route (MIB_IPFORWARD_ROW2), keys in header order. */
export type IpForwardRow2 = z.infer<typeof ipForwardRow2Schema>;

/**
 * Decodes the raw bytes of a MIB_IPFORWARD_TABLE2 into validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipforward_table2
 */
export function decodeIpForwardTable2(bytes: Uint8Array | ArrayBuffer): IpForwardRow2[] {
  return decodeTable(MIB_IPFORWARD_ROW2, bytes);
}

const forwardTable = familyTable(GetIpForwardTable2, MIB_IPFORWARD_ROW2);
const interfaceTable = familyTable(GetIpInterfaceTable, MIB_IPINTERFACE_ROW);
const unicastTable = familyTable(GetUnicastIpAddressTable, MIB_UNICASTIPADDRESS_ROW);

/**
 * Retrieves the routing table (both families by default) as validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipforwardtable2
 */
export function getIpForwardTable2(family: FamilyOption = 'all'): IpForwardRow2[] {
  return forwardTable.sync(family);
}

/**
 * Like getIpForwardTable2, with the native calls on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipforwardtable2
 */
export function getIpForwardTable2Async(family: FamilyOption = 'all'): Promise<IpForwardRow2[]> {
  return forwardTable.async(family);
}

/** Which route: its destination prefix ('0.0.0.0/0' or { address, prefixLength }), next hop and interface. */
export type IpForwardKey = {
  readonly destinationPrefix: string | { readonly address: string; readonly prefixLength: number };
  readonly nextHop: string;
} & ({ readonly interfaceIndex: number; readonly interfaceLuid?: undefined } | { readonly interfaceLuid: bigint; readonly interfaceIndex?: undefined });

function parsePrefix(value: unknown, name: string): { ip: ParsedIp; length: number } {
  let address: unknown;
  let length: unknown;
  if (typeof value === 'string' && value.includes('/')) {
    const slash = value.lastIndexOf('/');
    address = value.slice(0, slash);
    length = /^\d{1,3}$/.test(value.slice(slash + 1)) ? Number(value.slice(slash + 1)) : NaN;
  } else if (value !== null && typeof value === 'object') {
    ({ address, prefixLength: length } = value as { address?: unknown; prefixLength?: unknown });
  } else {
    throw new TypeError(`Expected \`${name}\` to be a prefix like '0.0.0.0/0' or { address: '::', prefixLength: 0 }, got ${describeValue(value)}`);
  }
  const ip = parseIp(address, `${name}.address`);
  const max = ip.family === 'ipv4' ? 32 : 128;
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || length > max) {
    throw new TypeError(`Expected the prefix length of \`${name}\` to be an integer from 0 to ${max}, got ${describeValue(length)}`);
  }
  return { ip, length };
}

function checkForwardKey(key: unknown) {
  if (key === null || typeof key !== 'object') {
    throw new TypeError(`Expected \`key\` to be an object like { destinationPrefix: '0.0.0.0/0', nextHop: '192.0.2.1', interfaceIndex: 12 }, got ${describeValue(key)}`);
  }
  const k = key as Record<string, unknown>;
  const prefix = parsePrefix(k.destinationPrefix, 'key.destinationPrefix');
  const nextHop = parseIp(k.nextHop, 'key.nextHop');
  if (nextHop.family !== prefix.ip.family) throw new TypeError('Expected `key.nextHop` to be of the same family as `key.destinationPrefix`');
  return { prefix, nextHop, on: checkInterface(k, 'key') };
}

function keyedForwardRow({ prefix, nextHop, on }: ReturnType<typeof checkForwardKey>): Buffer {
  const { rowSize, offsets } = MIB_IPFORWARD_ROW2.layout();
  const row = Buffer.alloc(rowSize);
  if ('luid' in on) row.writeBigUInt64LE(on.luid, offsets.InterfaceLuid);
  else row.writeUInt32LE(on.index, offsets.InterfaceIndex);
  sockaddrInet(prefix.ip).copy(row, offsets.DestinationPrefix);
  row.writeUInt8(prefix.length, offsets.DestinationPrefix + 28);
  sockaddrInet(nextHop).copy(row, offsets.NextHop);
  return row;
}

const forwardEntry = rowCall(GetIpForwardEntry2, checkForwardKey, keyedForwardRow);

/**
 * Retrieves one route by destination prefix, next hop and interface; `ERROR_NOT_FOUND` when there is no such route.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipforwardentry2
 */
export function getIpForwardEntry2(key: IpForwardKey): IpForwardRow2 {
  return decodeRow(MIB_IPFORWARD_ROW2, forwardEntry.sync(key));
}

/**
 * Like getIpForwardEntry2, with the native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipforwardentry2
 */
export async function getIpForwardEntry2Async(key: IpForwardKey): Promise<IpForwardRow2> {
  return decodeRow(MIB_IPFORWARD_ROW2, await forwardEntry.async(key));
}

/* ---- The best route and the default gateways. ---- */

/** Options of getBestRoute: restrict the choice to an interface, or to the interface that owns a source address. */
export interface BestRouteOptions {
  readonly sourceAddress?: string;
  readonly interfaceIndex?: number;
  readonly interfaceLuid?: bigint;
}

/** The route the system would use for a destination, and how it was found. */
export interface BestRoute {
  readonly destination: string;
  readonly family: 'ipv4' | 'ipv6';
  readonly interfaceIndex: number;
  readonly interfaceLuid: bigint;
  /** The gateway; '0.0.0.0' or '::' when the destination is on-link. */
  readonly nextHop: string;
  /** The source address the system would send from; null when the interface has no usable one. */
  readonly sourceAddress: string | null;
  /** The route's own metric (MIB_IPFORWARD_ROW2.Metric). */
  readonly routeMetric: number;
  /** The interface's metric for this family (MIB_IPINTERFACE_ROW.Metric); null where the system cannot say (Wine). */
  readonly interfaceMetric: number | null;
  /** routeMetric + interfaceMetric (or routeMetric alone when the interface metric is unknown). */
  readonly effectiveMetric: number;
  /** 'GetBestRoute2': the system chose; 'forwardTable': computed from the routing table by Windows' rule, where GetBestRoute2 is not supported. */
  readonly method: 'GetBestRoute2' | 'forwardTable';
  /** The route row. */
  readonly route: IpForwardRow2;
}

const ERROR_NOT_SUPPORTED = 50;
const ERROR_NETWORK_UNREACHABLE = 1231;

function checkBestRouteArgs(destination: unknown, options: unknown) {
  const dest = parseIp(destination, 'destination');
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new TypeError(`Expected \`options\` to be an object, got ${describeValue(options)}`);
  }
  const o = (options ?? {}) as Record<string, unknown>;
  const source = o.sourceAddress === undefined ? undefined : parseIp(o.sourceAddress, 'options.sourceAddress');
  if (source && source.family !== dest.family) throw new TypeError('Expected `options.sourceAddress` to be of the same family as `destination`');
  const on = o.interfaceIndex === undefined && o.interfaceLuid === undefined ? undefined : checkInterface(o, 'options');
  return { dest, source, on, text: destination as string };
}

/** A table call as a plan step; failures the caller can live without become `undefined`. */
function optional<T>(s: Step<T>): Step<T | undefined> {
  return {
    sync: () => {
      try {
        return s.sync();
      } catch {
        return undefined;
      }
    },
    async: () => s.async().catch(() => undefined),
  };
}

const tableStep = <T>(t: { sync: (f: unknown) => T[]; async: (f: unknown) => Promise<T[]> }, family: unknown): Step<T[]> => ({
  sync: () => t.sync(family),
  async: () => t.async(family),
});

/** The interface metric per interface index, for one family; undefined where GetIpInterfaceTable is not available. */
function metricsOf(rows: IpInterfaceRow[] | undefined): Map<number, number> | undefined {
  return rows && new Map(rows.map((r) => [r.interfaceIndex, r.metric]));
}

/**
 * A usable source address on an interface (preferred, not skipped, of the
 * destination's family), by the source-address rules that apply to one
 * interface (RFC 6724, which Windows follows): the same scope as the
 * destination, then the longest prefix shared with it (an address whose
 * on-link prefix holds the destination first).
 */
function pickSource(addresses: readonly UnicastIpAddressRow[] | undefined, interfaceIndex: number, dest: ParsedIp): string | null {
  if (!addresses) return null;
  const usable = addresses
    .filter((a) => a.interfaceIndex === interfaceIndex && a.dadState === 'preferred' && !a.skipAsSource)
    .map((a) => ({ a, ip: parseIp(a.address, 'address') }))
    .filter(({ ip }) => ip.family === dest.family);
  let best: { a: UnicastIpAddressRow; score: number } | undefined;
  for (const { a, ip } of usable) {
    const scope = isLinkLocal(ip) === isLinkLocal(dest) ? 1 << 16 : 0;
    const onLink = prefixContains(ip, a.onLinkPrefixLength, dest) ? 1 << 8 : 0;
    const score = scope + onLink + commonPrefix(ip, dest);
    if (!best || score > best.score) best = { a, score };
  }
  return best?.a.address ?? null;
}

/** The number of leading bits two addresses of one family share. */
function commonPrefix(a: ParsedIp, b: ParsedIp): number {
  let bits = 0;
  for (let i = 0; i < a.bytes.length; i++) {
    const x = a.bytes[i]! ^ b.bytes[i]!;
    if (x === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(x) - 24;
  }
  return bits;
}

function unreachable(destination: string, emptyFamily?: 'ipv4' | 'ipv6'): IpHelperError {
  const why = emptyFamily ? ` (the routing table has no ${emptyFamily === 'ipv4' ? 'IPv4' : 'IPv6'} routes at all${emptyFamily === 'ipv6' ? ': Wine 8, for one, returns none' : ''})` : '';
  return new IpHelperError(`GetBestRoute2 failed: no route to ${destination}${why}: ERROR_NETWORK_UNREACHABLE (1231)`, {
    code: 'ERROR_NETWORK_UNREACHABLE',
    syscall: 'GetBestRoute2',
    errno: ERROR_NETWORK_UNREACHABLE,
  });
}

function* bestRoutePlan(destination: unknown, options: unknown): Plan<BestRoute> {
  const { dest, source, on, text } = checkBestRouteArgs(destination, options);
  assertWindows('GetBestRoute2');
  const family = dest.family;
  const af = family === 'ipv4' ? AF_INET : AF_INET6;
  const { rowSize } = MIB_IPFORWARD_ROW2.layout();
  const luid = on && 'luid' in on ? Buffer.alloc(8) : null;
  if (luid && on && 'luid' in on) luid.writeBigUInt64LE(on.luid);
  const args = [luid, on && 'index' in on ? on.index : 0, source ? sockaddrInet(source) : null, sockaddrInet(dest), 0, Buffer.alloc(rowSize), Buffer.alloc(28)] as const;
  const status = yield* step<number>({ sync: () => call(GetBestRoute2, ...args) as number, async: () => callAsync(GetBestRoute2, ...args) });
  if (status !== ERROR_NOT_SUPPORTED) checkStatus('GetBestRoute2', status);
  const interfaces = yield* step(optional(tableStep(interfaceTable, af)));
  const metrics = metricsOf(interfaces);
  if (status !== ERROR_NOT_SUPPORTED) {
    const route = decodeRow(MIB_IPFORWARD_ROW2, args[5]);
    const bestSource = sockaddr(new DataView(args[6].buffer, args[6].byteOffset, 28), 0);
    const sourceAddress = typeof bestSource === 'string' && bestSource !== '' ? bestSource : null;
    return bestRoute(text, family, route, metrics?.get(route.interfaceIndex) ?? null, sourceAddress, 'GetBestRoute2');
  }
  // GetBestRoute2 is not supported here (Wine 8): Windows' documented rule on the routing table.
  const routes = yield* step(tableStep(forwardTable, af));
  const addresses = yield* step(optional(tableStep(unicastTable, af)));
  return chooseRoute(text, { routes, interfaces, addresses }, options as BestRouteOptions | undefined);
}

/** What chooseRoute reads: the routing table, and where known the interfaces' metrics and the addresses. */
export interface RouteTables {
  readonly routes: readonly IpForwardRow2[];
  /** Interface metrics per family (MIB_IPINTERFACE_ROW); without them every interface metric counts as 0. */
  readonly interfaces?: readonly Pick<IpInterfaceRow, 'interfaceIndex' | 'metric' | 'family'>[] | undefined;
  /** Unicast addresses, to pick the source address (and to honour `options.sourceAddress`). */
  readonly addresses?: readonly UnicastIpAddressRow[] | undefined;
}

/**
 * Chooses the route for `destination` from tables by Windows' documented rule
 * (pure: used where GetBestRoute2 is not supported, and on captures): among
 * the routes whose prefix contains the destination (on the given interface,
 * else the zone of a link-local destination like 'fe80::1%17'; and on the
 * interface owning the given source address), the longest prefix; then
 * the lowest route metric + interface metric; then the lowest interface index.
 * Throws ERROR_NETWORK_UNREACHABLE when no route matches.
 */
export function chooseRoute(destination: string, tables: RouteTables, options?: BestRouteOptions): BestRoute {
  const { dest, source, on, text } = checkBestRouteArgs(destination, options);
  const family = dest.family;
  const metrics = tables.interfaces && new Map(tables.interfaces.filter((i) => i.family === family).map((i) => [i.interfaceIndex, i.metric]));
  const routes = tables.routes.filter((r) => r.destinationPrefix.address.includes(':') === (family === 'ipv6'));
  let allowed: ((index: number) => boolean) | undefined;
  if (on) allowed = 'index' in on ? (i) => i === on.index : (i) => routes.some((r) => r.interfaceIndex === i && r.interfaceLuid === on.luid);
  // A link-local destination's zone ('fe80::1%17') is the interface it is reached through.
  else if (isLinkLocal(dest) && dest.scopeId !== 0) allowed = (i) => i === dest.scopeId;
  if (source) {
    const owners = new Set((tables.addresses ?? []).filter((a) => a.address === sourceText(source)).map((a) => a.interfaceIndex));
    const previous = allowed;
    allowed = (i) => owners.has(i) && (!previous || previous(i));
  }
  let best: { route: IpForwardRow2; effective: number } | undefined;
  for (const route of routes) {
    const prefix = parseIp(route.destinationPrefix.address, 'destinationPrefix');
    if (!prefixContains(prefix, route.destinationPrefix.prefixLength, dest)) continue;
    if (allowed && !allowed(route.interfaceIndex)) continue;
    const effective = route.metric + (metrics?.get(route.interfaceIndex) ?? 0);
    const better =
      !best ||
      route.destinationPrefix.prefixLength > best.route.destinationPrefix.prefixLength ||
      (route.destinationPrefix.prefixLength === best.route.destinationPrefix.prefixLength &&
        (effective < best.effective || (effective === best.effective && route.interfaceIndex < best.route.interfaceIndex)));
    if (better) best = { route, effective };
  }
  if (!best) throw unreachable(text, routes.length === 0 ? family : undefined);
  const { route } = best;
  const sourceAddress = source ? sourceText(source) : pickSource(tables.addresses, route.interfaceIndex, dest);
  return bestRoute(text, family, route, metrics?.get(route.interfaceIndex) ?? null, sourceAddress, 'forwardTable');
}

/** The answer for a chosen route, however it was chosen. */
function bestRoute(
  destination: string,
  family: 'ipv4' | 'ipv6',
  route: IpForwardRow2,
  interfaceMetric: number | null,
  sourceAddress: string | null,
  method: BestRoute['method'],
): BestRoute {
  return {
    destination,
    family,
    interfaceIndex: route.interfaceIndex,
    interfaceLuid: route.interfaceLuid,
    nextHop: route.nextHop,
    sourceAddress,
    routeMetric: route.metric,
    interfaceMetric,
    effectiveMetric: route.metric + (interfaceMetric ?? 0),
    method,
    route,
  };
}

/** The text of a parsed address, as the reader writes addresses. */
function sourceText(ip: ParsedIp): string {
  const bytes = sockaddrInet({ ...ip, scopeId: 0 });
  return sockaddr(new DataView(bytes.buffer, bytes.byteOffset, 28), 0) as string;
}

/**
 * Finds the route the system would use to reach `destination` (GetBestRoute2, like Find-NetRoute): interface, next hop, source address and the route row. Where GetBestRoute2 is not supported, computes it from the routing table by Windows' rule and says so in `method`.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getbestroute2
 */
export function getBestRoute(destination: string, options?: BestRouteOptions): BestRoute {
  return runSync(bestRoutePlan(destination, options));
}

/**
 * Like getBestRoute, with each native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getbestroute2
 */
export function getBestRouteAsync(destination: string, options?: BestRouteOptions): Promise<BestRoute> {
  return runAsync(bestRoutePlan(destination, options));
}

/** A default route with what decides between default routes. */
export interface DefaultRoute {
  readonly family: 'ipv4' | 'ipv6';
  /** The gateway (the route's next hop); '0.0.0.0' or '::' for an on-link default route. */
  readonly gateway: string;
  readonly interfaceIndex: number;
  readonly interfaceLuid: bigint;
  /** The interface's alias (MIB_IF_ROW2.Alias), e.g. "Wi-Fi"; null when the adapter table has no row for it. */
  readonly interfaceAlias: string | null;
  readonly routeMetric: number;
  /** null where the system cannot say (GetIpInterfaceTable unsupported, as on Wine). */
  readonly interfaceMetric: number | null;
  /** routeMetric + interfaceMetric: lower wins. */
  readonly effectiveMetric: number;
  readonly route: IpForwardRow2;
}

function* defaultRoutesPlan(family: unknown): Plan<DefaultRoute[]> {
  const af = toAddressFamily(family);
  assertWindows('GetIpForwardTable2');
  const routes = (yield* step(tableStep(forwardTable, af))).filter((r) => r.destinationPrefix.prefixLength === 0);
  const ipv4 = routes.some((r) => !r.destinationPrefix.address.includes(':'));
  const ipv6 = routes.some((r) => r.destinationPrefix.address.includes(':'));
  const metrics4 = ipv4 ? metricsOf(yield* step(optional(tableStep(interfaceTable, AF_INET)))) : undefined;
  const metrics6 = ipv6 ? metricsOf(yield* step(optional(tableStep(interfaceTable, AF_INET6)))) : undefined;
  const adapters: IfRow2[] | undefined = routes.length ? yield* step(optional({ sync: getIfTable2, async: getIfTable2Async })) : undefined;
  const aliases = new Map((adapters ?? []).map((a) => [a.interfaceLuid, a.alias]));
  return routes
    .map((route): DefaultRoute => {
      const v6 = route.destinationPrefix.address.includes(':');
      const interfaceMetric = (v6 ? metrics6 : metrics4)?.get(route.interfaceIndex) ?? null;
      return {
        family: v6 ? 'ipv6' : 'ipv4',
        gateway: route.nextHop,
        interfaceIndex: route.interfaceIndex,
        interfaceLuid: route.interfaceLuid,
        interfaceAlias: aliases.get(route.interfaceLuid) ?? null,
        routeMetric: route.metric,
        interfaceMetric,
        effectiveMetric: route.metric + (interfaceMetric ?? 0),
        route,
      };
    })
    .sort((a, b) => a.effectiveMetric - b.effectiveMetric || a.family.localeCompare(b.family) || a.interfaceIndex - b.interfaceIndex);
}

/**
 * Lists every default route (0.0.0.0/0, ::/0) with its interface's alias, route metric, interface metric and effective metric, best first: the default gateway in one call.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipforwardtable2
 */
export function getDefaultRoutes(family: FamilyOption = 'all'): DefaultRoute[] {
  return runSync(defaultRoutesPlan(family));
}

/**
 * Like getDefaultRoutes, with each native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipforwardtable2
 */
export function getDefaultRoutesAsync(family: FamilyOption = 'all'): Promise<DefaultRoute[]> {
  return runAsync(defaultRoutesPlan(family));
}

/** The table's raw bytes for `family` (null: no entries), for captures. */
export function ipForwardTable2Bytes(family: FamilyOption = 'all'): Uint8Array | null {
  return forwardTable.bytes(family);
}
