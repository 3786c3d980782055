/**
 * Routes: GetIpForwardTable2 and GetIpForwardEntry2 (MIB_IPFORWARD_ROW2), what
 * `route print` and Get-NetRoute show; the route the system would use for a
 * destination (GetBestRoute2, like Find-NetRoute); and the default gateways,
 * best first — what `default-gateway` answers by spawning `wmic`.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipforwardtable2
 */
import type { z } from 'zod';
import { type UnicastIpAddressRow } from './addresses.js';
import { type FamilyOption } from './family.js';
import type { IpInterfaceRow } from './schema.js';
import { NL_ROUTE_ORIGIN, NL_ROUTE_PROTOCOL } from './structs/mib-ipforward-row2.js';
export { NL_ROUTE_ORIGIN, NL_ROUTE_PROTOCOL };
/** One MIB_IPFORWARD_ROW2 as a zod schema. */
export declare const ipForwardRow2Schema: import("./struct/schema.js").RowSchema<readonly [readonly ["InterfaceLuid", import("./struct/ctypes.js").UintKind<bigint>], readonly ["InterfaceIndex", import("./struct/ctypes.js").UintKind<number>], readonly ["DestinationPrefix", import("./struct/ctypes.js").PrefixKind<{
    address: string;
    prefixLength: number;
}>], readonly ["NextHop", import("./struct/ctypes.js").SockaddrKind<string>], readonly ["SitePrefixLength", import("./struct/ctypes.js").UintKind<number>], readonly ["ValidLifetime", import("./struct/ctypes.js").UintKind<number>], readonly ["PreferredLifetime", import("./struct/ctypes.js").UintKind<number>], readonly ["Metric", import("./struct/ctypes.js").UintKind<number>], readonly ["Protocol", import("./struct/ctypes.js").EnumKind<"other" | "dhcp" | "local" | "netMgmt" | "icmp" | "egp" | "ggp" | "hello" | "rip" | "isIs" | "esIs" | "cisco" | "bbn" | "ospf" | "bgp" | "idpr" | "eigrp" | "dvmrp" | "rpl" | "ntAutostatic" | "ntStatic" | "ntStaticNonDod">], readonly ["Loopback", import("./struct/ctypes.js").BoolKind<boolean>], readonly ["AutoconfigureAddress", import("./struct/ctypes.js").BoolKind<boolean>], readonly ["Publish", import("./struct/ctypes.js").BoolKind<boolean>], readonly ["Immortal", import("./struct/ctypes.js").BoolKind<boolean>], readonly ["Age", import("./struct/ctypes.js").UintKind<number>], readonly ["Origin", import("./struct/ctypes.js").EnumKind<"dhcp" | "6to4" | "manual" | "wellKnown" | "routerAdvertisement">]]>;
/** One route (MIB_IPFORWARD_ROW2), keys in header order. */
export type IpForwardRow2 = z.infer<typeof ipForwardRow2Schema>;
/**
 * Decodes the raw bytes of a MIB_IPFORWARD_TABLE2 into validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipforward_table2
 */
export declare function decodeIpForwardTable2(bytes: Uint8Array | ArrayBuffer): IpForwardRow2[];
/**
 * Retrieves the routing table (both families by default) as validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipforwardtable2
 */
export declare function getIpForwardTable2(family?: FamilyOption): IpForwardRow2[];
/**
 * Like getIpForwardTable2, with the native calls on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipforwardtable2
 */
export declare function getIpForwardTable2Async(family?: FamilyOption): Promise<IpForwardRow2[]>;
/** Which route: its destination prefix ('0.0.0.0/0' or { address, prefixLength }), next hop and interface. */
export type IpForwardKey = {
    readonly destinationPrefix: string | {
        readonly address: string;
        readonly prefixLength: number;
    };
    readonly nextHop: string;
} & ({
    readonly interfaceIndex: number;
    readonly interfaceLuid?: undefined;
} | {
    readonly interfaceLuid: bigint;
    readonly interfaceIndex?: undefined;
});
/**
 * Retrieves one route by destination prefix, next hop and interface; `ERROR_NOT_FOUND` when there is no such route.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipforwardentry2
 */
export declare function getIpForwardEntry2(key: IpForwardKey): IpForwardRow2;
/**
 * Like getIpForwardEntry2, with the native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipforwardentry2
 */
export declare function getIpForwardEntry2Async(key: IpForwardKey): Promise<IpForwardRow2>;
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
export declare function chooseRoute(destination: string, tables: RouteTables, options?: BestRouteOptions): BestRoute;
/**
 * Finds the route the system would use to reach `destination` (GetBestRoute2, like Find-NetRoute): interface, next hop, source address and the route row. Where GetBestRoute2 is not supported, computes it from the routing table by Windows' rule and says so in `method`.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getbestroute2
 */
export declare function getBestRoute(destination: string, options?: BestRouteOptions): BestRoute;
/**
 * Like getBestRoute, with each native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getbestroute2
 */
export declare function getBestRouteAsync(destination: string, options?: BestRouteOptions): Promise<BestRoute>;
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
/**
 * Lists every default route (0.0.0.0/0, ::/0) with its interface's alias, route metric, interface metric and effective metric, best first: the default gateway in one call.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipforwardtable2
 */
export declare function getDefaultRoutes(family?: FamilyOption): DefaultRoute[];
/**
 * Like getDefaultRoutes, with each native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipforwardtable2
 */
export declare function getDefaultRoutesAsync(family?: FamilyOption): Promise<DefaultRoute[]>;
/** The table's raw bytes for `family` (null: no entries), for captures. */
export declare function ipForwardTable2Bytes(family?: FamilyOption): Uint8Array | null;
