/**
 * Routes: GetIpForwardTable2 and GetIpForwardEntry2 (MIB_IPFORWARD_ROW2), what
 * `route print` and Get-NetRoute show; declared once. The route the system
 * would use for a destination and the default gateways are in ../best-route.ts.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipforwardtable2
 */
import type { z } from 'zod';
import type { FamilyOption } from '../family.js';
import { GetIpForwardEntry2, GetIpForwardTable2, NotifyRouteChange2 } from '../functions.js';
import { lazy } from '../lazy.js';
import { MIB_IPFORWARD_ROW2, NL_ROUTE_ORIGIN, NL_ROUTE_PROTOCOL } from '../structs/mib-ipforward-row2.js';
import { defineTable } from '../table/define.js';
import { addressKey, capital } from '../view/format.js';

export { NL_ROUTE_ORIGIN, NL_ROUTE_PROTOCOL };

/** One MIB_IPFORWARD_ROW2 as a zod schema. */
export const ipForwardRow2Schema = lazy(() => MIB_IPFORWARD_ROW2.schema());
/** One route (MIB_IPFORWARD_ROW2), keys in header order. */
export type IpForwardRow2 = z.infer<typeof ipForwardRow2Schema>;

/** Which route: its destination prefix ('0.0.0.0/0' or { address, prefixLength }), next hop and interface. */
export type IpForwardKey = {
  readonly destinationPrefix: string | { readonly address: string; readonly prefixLength: number };
  readonly nextHop: string;
} & ({ readonly interfaceIndex: number; readonly interfaceLuid?: undefined } | { readonly interfaceLuid: bigint; readonly interfaceIndex?: undefined });

export const ROUTES = defineTable({
  name: 'routes',
  title: 'route',
  summary: 'The routing table, both families: destination prefix, next hop, interface, metric, protocol, origin.',
  struct: MIB_IPFORWARD_ROW2,
  get: { fn: GetIpForwardTable2, family: 'each' },
  family: 'destinationPrefix',
  key: ['destinationPrefix', 'nextHop', 'interfaceLuid', 'interfaceIndex'],
  entry: {
    fn: GetIpForwardEntry2,
    input: {
      t: 'object',
      example: "{ destinationPrefix: '0.0.0.0/0', nextHop: '192.0.2.1', interfaceIndex: 12 }",
      parts: [
        { t: 'prefix', arg: 'destinationPrefix' },
        { t: 'address', arg: 'nextHop', sameFamilyAs: 'destinationPrefix' },
        { t: 'interface', index: 'interfaceIndex', luid: 'interfaceLuid' },
      ],
    },
  },
  notify: NotifyRouteChange2,
  capture: 'routes',
  view: {
    command: 'routes',
    cmdlet: 'Get-NetRoute, route print',
    help: 'the routing table with route and interface metrics',
    extras: ['interfaceAlias', 'interfaceMetric'],
    columns: [
      { field: 'interfaceIndex', header: 'ifIndex', cell: (r) => String(r.interfaceIndex) },
      { field: 'destinationPrefix', header: 'DestinationPrefix', cell: (r) => `${r.destinationPrefix.address}/${r.destinationPrefix.prefixLength}` },
      { field: 'nextHop', header: 'NextHop', cell: (r) => r.nextHop },
      { field: 'metric', header: 'RouteMetric', cell: (r) => String(r.metric) },
      { field: 'interfaceMetric', header: 'ifMetric', cell: (r) => (r.interfaceMetric == null ? '' : String(r.interfaceMetric)) },
      { field: 'protocol', header: 'Protocol', cell: (r) => capital(r.protocol) },
      { field: 'interfaceAlias', header: 'InterfaceAlias', cell: (r) => r.interfaceAlias ?? '' },
    ],
    sort: (r, family) => [family!, r.interfaceIndex, addressKey(r.destinationPrefix.address), r.destinationPrefix.prefixLength],
    watchLine: (c) => {
      const prefix = c.destinationPrefix as { address: string; prefixLength: number };
      return ` ${prefix.address}/${prefix.prefixLength} via ${String(c.nextHop)}` + (c.row ? ` metric=${c.row.metric} protocol=${c.row.protocol}` : '');
    },
  },
  docs: {
    get: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipforwardtable2',
    entry: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipforwardentry2',
    notify: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-notifyroutechange2',
    table: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipforward_table2',
  },
  api: {
    get: 'getIpForwardTable2',
    getAsync: 'getIpForwardTable2Async',
    entry: 'getIpForwardEntry2',
    entryAsync: 'getIpForwardEntry2Async',
    decode: 'decodeIpForwardTable2',
    schema: 'ipForwardRow2Schema',
    watch: 'watchRoutes',
    watcher: 'RouteWatcher',
    row: 'IpForwardRow2',
  },
});

/**
 * Retrieves the routing table (both families by default) as validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipforwardtable2
 */
export const getIpForwardTable2: (family?: FamilyOption) => IpForwardRow2[] = ROUTES.get;

/**
 * Like getIpForwardTable2, with the native calls on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipforwardtable2
 */
export const getIpForwardTable2Async: (family?: FamilyOption) => Promise<IpForwardRow2[]> = ROUTES.getAsync;

/**
 * Retrieves one route by destination prefix, next hop and interface; `ERROR_NOT_FOUND` when there is no such route.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipforwardentry2
 */
export const getIpForwardEntry2: (key: IpForwardKey) => IpForwardRow2 = ROUTES.entry;

/**
 * Like getIpForwardEntry2, with the native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipforwardentry2
 */
export const getIpForwardEntry2Async: (key: IpForwardKey) => Promise<IpForwardRow2> = ROUTES.entryAsync;

/**
 * Decodes the raw bytes of a MIB_IPFORWARD_TABLE2 into validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipforward_table2
 */
export const decodeIpForwardTable2: (bytes: Uint8Array | ArrayBuffer) => IpForwardRow2[] = ROUTES.decode;
