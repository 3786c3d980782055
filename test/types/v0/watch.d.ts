/**
 * Change feeds: IP interfaces (NotifyIpInterfaceChange), routes
 * (NotifyRouteChange2) and unicast addresses (NotifyUnicastIpAddressChange),
 * all on one machinery (./watch/): a pure burst-merging queue and bounded
 * async iterator, one native registration module shared by the three kinds,
 * and one watcher class. Each change carries the current row, re-read by its
 * key, or for a deletion the key alone.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-notifyipinterfacechange
 */
import { type UnicastIpAddressRow } from './addresses.js';
import { type RowKey } from './decode.js';
import { type IpForwardRow2 } from './routes.js';
import type { IpInterfaceRow } from './schema.js';
import type { ChangeType } from './watch/queue.js';
import { ChangeWatcher, type WatchOptions } from './watch/watcher.js';
export type { WatchOptions };
/** What changed. `initial` events list what was there when the watch started (option `initial`). */
export type IpInterfaceChangeType = ChangeType;
export type { ChangeType };
/** One change of an IP interface, as delivered to listeners. */
export interface IpInterfaceChange {
    readonly type: IpInterfaceChangeType;
    readonly family: 'ipv4' | 'ipv6';
    readonly interfaceLuid: bigint;
    readonly interfaceIndex: number;
    /** The interface's current settings (`initial`, `add`, `parameter-change`), unless fetching them failed. */
    readonly row?: IpInterfaceRow;
    /** Why `row` is missing: fetching it failed (e.g. the interface went away meanwhile). */
    readonly error?: Error;
}
/**
 * Watches IP interfaces for changes. Emits `'change'` (IpInterfaceChange),
 * `'error'` (a listener threw, or a notification could not be read) and
 * `'close'`; is also an async iterable of changes.
 */
export declare class IpInterfaceWatcher extends ChangeWatcher<RowKey, IpInterfaceChange> {
    /** Not for users: use watchIpInterfaces(). */
    constructor(af: 0 | 2 | 23, options: WatchOptions);
}
/**
 * Starts watching IP interface changes (NotifyIpInterfaceChange). Returns a
 * watcher that emits `'change'` events and is an async iterable; pass a listener
 * to subscribe at once.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-notifyipinterfacechange
 */
export declare function watchIpInterfaces(listener?: (change: IpInterfaceChange) => unknown, options?: WatchOptions): IpInterfaceWatcher;
export declare function watchIpInterfaces(options?: WatchOptions): IpInterfaceWatcher;
/** What identifies a route: its destination prefix, next hop and interface. */
export interface RouteKey {
    readonly family: 'ipv4' | 'ipv6';
    readonly destinationPrefix: {
        readonly address: string;
        readonly prefixLength: number;
    };
    readonly nextHop: string;
    readonly interfaceLuid: bigint;
    readonly interfaceIndex: number;
}
/** One change of a route: the key, and the current row (re-read by key) unless it was deleted or the read failed. */
export interface RouteChange extends RouteKey {
    readonly type: ChangeType;
    readonly row?: IpForwardRow2;
    readonly error?: Error;
}
/** Watches routes (NotifyRouteChange2); like IpInterfaceWatcher. */
export declare class RouteWatcher extends ChangeWatcher<RouteKey, RouteChange> {
    /** Not for users: use watchRoutes(). */
    constructor(af: 0 | 2 | 23, options: WatchOptions);
}
/**
 * Starts watching route changes (NotifyRouteChange2): each change carries the route's key and its current row. Where the system accepts the registration but never calls back (Wine 8), the watcher delivers nothing and still closes cleanly.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-notifyroutechange2
 */
export declare function watchRoutes(listener?: (change: RouteChange) => unknown, options?: WatchOptions): RouteWatcher;
export declare function watchRoutes(options?: WatchOptions): RouteWatcher;
/** What identifies a unicast address: its text and interface. */
export interface UnicastAddressKey {
    readonly family: 'ipv4' | 'ipv6';
    readonly address: string;
    readonly interfaceLuid: bigint;
    readonly interfaceIndex: number;
}
/** One change of a unicast address: the key, and the current row unless it was deleted or the read failed. */
export interface UnicastAddressChange extends UnicastAddressKey {
    readonly type: ChangeType;
    readonly row?: UnicastIpAddressRow;
    readonly error?: Error;
}
/** Watches unicast addresses (NotifyUnicastIpAddressChange); like IpInterfaceWatcher. */
export declare class UnicastAddressWatcher extends ChangeWatcher<UnicastAddressKey, UnicastAddressChange> {
    /** Not for users: use watchUnicastAddresses(). */
    constructor(af: 0 | 2 | 23, options: WatchOptions);
}
/**
 * Starts watching unicast address changes (NotifyUnicastIpAddressChange): each change carries the address's key and its current row.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-notifyunicastipaddresschange
 */
export declare function watchUnicastAddresses(listener?: (change: UnicastAddressChange) => unknown, options?: WatchOptions): UnicastAddressWatcher;
export declare function watchUnicastAddresses(options?: WatchOptions): UnicastAddressWatcher;
