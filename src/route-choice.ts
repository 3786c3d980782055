/**
 * The route choice, pure: Windows' documented rule for which route carries a
 * destination (longest prefix, then route metric + interface metric, then the
 * lowest interface index), and the source address RFC 6724 picks on the
 * chosen interface. getBestRoute uses it where GetBestRoute2 is not supported;
 * the CLI applies it to captures.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getbestroute2
 */
import { describePath, describeValue, IpHelperError, readObject, WIN32 } from './errors.js';
import { isLinkLocal, parseIp, prefixContains, sockaddrInet, unmapped, type ParsedIp } from './ip.js';
import { zod } from './lazy.js';
import { sockaddr } from './struct/reader.js';
import { checkInterface } from './table/key.js';
import type { IpInterfaceRow } from './tables/ip-interfaces.js';
import { ipForwardRow2Schema, ROUTES, type IpForwardRow2 } from './tables/routes.js';
import { unicastIpAddressRowSchema, type UnicastIpAddressRow } from './tables/unicast-addresses.js';

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

/**
 * Checks the destination and options of getBestRoute and chooseRoute (before anything
 * platform-specific). An IPv4-mapped destination or source (::ffff:192.0.2.1) is taken as the IPv4
 * address it stands for: RFC 4291 §2.5.5.2, such addresses are not forwarded as IPv6.
 */
export function checkBestRouteArgs(destination: unknown, options: unknown) {
  const dest = unmapped(parseIp(destination, 'destination'));
  const o = options === undefined ? {} : readObject(options, 'options');
  const source = o.sourceAddress === undefined ? undefined : unmapped(parseIp(o.sourceAddress, 'options.sourceAddress'));
  if (source && source.family !== dest.family) throw new TypeError('Expected `options.sourceAddress` to be of the same family as `destination`');
  const on = o.interfaceIndex === undefined && o.interfaceLuid === undefined ? undefined : checkInterface(o, 'options');
  return { dest, source, on, text: destination as string };
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

/**
 * ERROR_NETWORK_UNREACHABLE for a destination no route of the routing table carries (chosen here by
 * Windows' rule, not by GetBestRoute2: `syscall` is the table the rule read, or 'chooseRoute' for
 * tables the caller gave).
 */
export function unreachable(destination: string, syscall: string, emptyFamily?: 'ipv4' | 'ipv6'): IpHelperError {
  const why = emptyFamily ? ` (it has no ${emptyFamily === 'ipv4' ? 'IPv4' : 'IPv6'} routes at all${emptyFamily === 'ipv6' ? ': Wine 8, for one, returns none' : ''})` : '';
  return new IpHelperError(`No route to ${destination} in the routing table${why}: ERROR_NETWORK_UNREACHABLE (1231)`, {
    code: 'ERROR_NETWORK_UNREACHABLE',
    syscall,
    errno: WIN32.ERROR_NETWORK_UNREACHABLE,
  });
}

/** ERROR_NOT_FOUND for a source address no interface has. */
function noSuchSource(source: string, syscall: string): IpHelperError {
  return new IpHelperError(`No interface has the source address ${source} (options.sourceAddress): ERROR_NOT_FOUND (1168)`, {
    code: 'ERROR_NOT_FOUND',
    syscall,
    errno: WIN32.ERROR_NOT_FOUND,
  });
}

const interfaceMetricSchema = () =>
  zod().object({ interfaceIndex: zod().int().min(0).max(0xffff_ffff), metric: zod().int().min(0).max(0xffff_ffff), family: zod().enum(['ipv4', 'ipv6']) });

/** Checks the tables a caller gives chooseRoute: each row by its schema; a TypeError naming the first bad one. */
function checkRouteTables(tables: unknown): RouteTables {
  const t = readObject(tables, 'tables', 'an object like { routes, interfaces?, addresses? }');
  const list = (key: string, schema: { safeParse(v: unknown): { success: boolean; error?: { issues: readonly { path: PropertyKey[]; message: string }[] } } }, what: string, required: boolean) => {
    const rows = t[key];
    if (rows === undefined && !required) return undefined as never;
    if (!Array.isArray(rows)) throw new TypeError(`Expected \`tables.${key}\` to be an array of ${what}, got ${describeValue(rows)}`);
    for (let i = 0; i < rows.length; i++) {
      const result = schema.safeParse(rows[i]);
      if (!result.success) {
        const issue = result.error!.issues[0]!;
        let value: unknown = rows[i];
        for (const p of issue.path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[p] : undefined;
        throw new TypeError(`Invalid ${describePath([`tables.${key}[${i}]`, ...issue.path])}: ${issue.message}, got ${describeValue(value)}`);
      }
    }
    return rows as never;
  };
  return {
    routes: list('routes', ipForwardRow2Schema, 'IpForwardRow2 (getIpForwardTable2 rows)', true)!,
    interfaces: list('interfaces', interfaceMetricSchema(), '{ interfaceIndex, metric, family }', false),
    addresses: list('addresses', unicastIpAddressRowSchema, 'UnicastIpAddressRow (getUnicastIpAddressTable rows)', false),
  };
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
  const args = checkBestRouteArgs(destination, options);
  return chooseFromRows(args, checkRouteTables(tables), 'chooseRoute');
}

/**
 * chooseRoute on rows already validated (decoded by this package): getBestRoute's fallback and the
 * CLI's route-to on a capture. `syscall` names where the rows came from, for the errors.
 */
export function chooseFromRows(args: ReturnType<typeof checkBestRouteArgs>, tables: RouteTables, syscall: string): BestRoute {
  const { dest, source, on, text } = args;
  const family = dest.family;
  const metrics = tables.interfaces && new Map(tables.interfaces.filter((i) => i.family === family).map((i) => [i.interfaceIndex, i.metric]));
  const routes = tables.routes.filter((r) => ROUTES.familyOf(r) === family);
  let allowed: ((index: number) => boolean) | undefined;
  if (on) allowed = 'index' in on ? (i) => i === on.index : (i) => routes.some((r) => r.interfaceIndex === i && r.interfaceLuid === on.luid);
  // A link-local destination's zone ('fe80::1%17') is the interface it is reached through.
  else if (isLinkLocal(dest) && dest.scopeId !== 0) allowed = (i) => i === dest.scopeId;
  if (source) {
    const owners = new Set((tables.addresses ?? []).filter((a) => a.address === sourceText(source)).map((a) => a.interfaceIndex));
    // Known addresses, and none is the source: say so (not "no route").
    if (owners.size === 0 && tables.addresses) throw noSuchSource(sourceText(source), syscall);
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
  if (!best) throw unreachable(text, syscall, routes.length === 0 ? family : undefined);
  const { route } = best;
  const sourceAddress = source ? sourceText(source) : pickSource(tables.addresses, route.interfaceIndex, dest);
  return bestRoute(text, family, route, metrics?.get(route.interfaceIndex) ?? null, sourceAddress, 'forwardTable');
}

/** The answer for a chosen route, however it was chosen. */
export function bestRoute(
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
