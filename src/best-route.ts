/**
 * The route the system would use for a destination (GetBestRoute2, like
 * Find-NetRoute), and the default gateways, best first — what
 * `default-gateway` answers by spawning `wmic`. Each is written once as a plan
 * of native steps and run synchronously or asynchronously (./plan.ts).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getbestroute2
 */
import { WIN32 } from './errors.js';
import { toAddressFamily, type FamilyOption } from './family.js';
import { call, callAsync, checkStatus, GetBestRoute2 } from './functions.js';
import { sockaddrInet } from './ip.js';
import { assertWindows } from './native.js';
import { runAsync, runSync, step, type Plan, type Step } from './plan.js';
import { bestRoute, checkBestRouteArgs, chooseFromRows, type BestRoute, type BestRouteOptions } from './route-choice.js';
export type { BestRoute, BestRouteOptions } from './route-choice.js';
import { sockaddr } from './struct/reader.js';
import { ADAPTERS, type IfRow2 } from './tables/adapters.js';
import { IP_INTERFACES, type IpInterfaceRow } from './tables/ip-interfaces.js';
import { ROUTES, type IpForwardRow2 } from './tables/routes.js';
import { UNICAST_ADDRESSES } from './tables/unicast-addresses.js';

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

/** A table's rows for one family as a plan step. */
const tableStep = <T>(t: { get: (f: FamilyOption) => T[]; getAsync: (f: FamilyOption) => Promise<T[]> }, family: FamilyOption): Step<T[]> => ({
  sync: () => t.get(family),
  async: () => t.getAsync(family),
});

/** The interface metric per interface index, for one family; undefined where GetIpInterfaceTable is not available. */
function metricsOf(rows: IpInterfaceRow[] | undefined): Map<number, number> | undefined {
  return rows && new Map(rows.map((r) => [r.interfaceIndex, r.metric]));
}

function* bestRoutePlan(destination: unknown, options: unknown): Plan<BestRoute> {
  const checked = checkBestRouteArgs(destination, options);
  const { dest, source, on, text } = checked;
  assertWindows('GetBestRoute2');
  const family = dest.family;
  const af = family;
  const { rowSize } = ROUTES.struct.layout();
  const luid = on && 'luid' in on ? Buffer.alloc(8) : null;
  if (luid && on && 'luid' in on) luid.writeBigUInt64LE(on.luid);
  const args = [luid, on && 'index' in on ? on.index : 0, source ? sockaddrInet(source) : null, sockaddrInet(dest), 0, Buffer.alloc(rowSize), Buffer.alloc(28)] as const;
  const status = yield* step<number>({ sync: () => call(GetBestRoute2, ...args) as number, async: () => callAsync(GetBestRoute2, ...args) });
  if (status !== WIN32.ERROR_NOT_SUPPORTED) checkStatus('GetBestRoute2', status);
  const interfaces = yield* step(optional(tableStep(IP_INTERFACES, af)));
  const metrics = metricsOf(interfaces);
  if (status !== WIN32.ERROR_NOT_SUPPORTED) {
    const route = ROUTES.decodeRow(args[5]);
    const bestSource = sockaddr(new DataView(args[6].buffer, args[6].byteOffset, 28), 0);
    const sourceAddress = typeof bestSource === 'string' ? bestSource : null;
    return bestRoute(text, family, route, metrics?.get(route.interfaceIndex) ?? null, sourceAddress, 'GetBestRoute2');
  }
  // GetBestRoute2 is not supported here (Wine 8): Windows' documented rule on the routing table.
  const routes = yield* step(tableStep(ROUTES, af));
  const addresses = yield* step(optional(tableStep(UNICAST_ADDRESSES, af)));
  return chooseFromRows(checked, { routes, interfaces, addresses }, 'GetIpForwardTable2');
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
  assertWindows(ROUTES.decl.get.fn.name);
  const routes = (yield* step(tableStep(ROUTES, af))).filter((r) => r.destinationPrefix.prefixLength === 0);
  const ipv4 = routes.some((r) => ROUTES.familyOf(r) === 'ipv4');
  const ipv6 = routes.some((r) => ROUTES.familyOf(r) === 'ipv6');
  const metrics4 = ipv4 ? metricsOf(yield* step(optional(tableStep(IP_INTERFACES, 'ipv4')))) : undefined;
  const metrics6 = ipv6 ? metricsOf(yield* step(optional(tableStep(IP_INTERFACES, 'ipv6')))) : undefined;
  const adapters: IfRow2[] | undefined = routes.length ? yield* step(optional({ sync: () => ADAPTERS.get(), async: () => ADAPTERS.getAsync() })) : undefined;
  const aliases = new Map((adapters ?? []).map((a) => [a.interfaceLuid, a.alias]));
  return routes
    .map((route): DefaultRoute => {
      const family = ROUTES.familyOf(route)!;
      const interfaceMetric = (family === 'ipv6' ? metrics6 : metrics4)?.get(route.interfaceIndex) ?? null;
      return {
        family,
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
