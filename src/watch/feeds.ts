/**
 * The change feeds, derived from the tables that declare a Notify function:
 * IP interfaces (NotifyIpInterfaceChange), routes (NotifyRouteChange2) and
 * unicast addresses (NotifyUnicastIpAddressChange). A feed's notification is
 * read for its key by the table's key reader, merged by the table's key
 * identity, and turned into a change carrying the current row, re-read by key
 * through the table's entry function (a deletion carries the key alone); its
 * `initial` events come from the table itself. One machinery serves all:
 * ./queue.ts, ./iterator.ts, ./registration.ts and ./watcher.ts.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-notifyipinterfacechange
 */
import type { IpForwardRow2 } from '../tables/routes.js';
import type { UnicastIpAddressRow } from '../tables/unicast-addresses.js';
import type { Table } from '../table/define.js';
import type { NotifiedKey } from '../table/key.js';
import { IP_INTERFACES, type IpInterfaceRow } from '../tables/ip-interfaces.js';
import { ROUTES } from '../tables/routes.js';
import { UNICAST_ADDRESSES } from '../tables/unicast-addresses.js';
import type { ChangeType } from './queue.js';
import { ChangeWatcher, watchArguments, type WatchKind, type WatchOptions } from './watcher.js';

export type { WatchOptions, ChangeType };

/** What changed. `initial` events list what was there when the watch started (option `initial`). */
export type IpInterfaceChangeType = ChangeType;

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** Re-reads a row by key; a failure goes into the change. */
function reread<R>(read: () => R): { row: R } | { error: Error } {
  try {
    return { row: read() };
  } catch (error) {
    return { error: asError(error) };
  }
}

/** A watch function: a listener and options, or options alone. */
export interface WatchFunction<C, W> {
  (listener?: (change: C) => unknown, options?: WatchOptions): W;
  (options?: WatchOptions): W;
}

/** The watch kind of a table with a Notify function: key, identity, re-read and initial rows all from its declaration. */
export function watchKind<R extends object, K, C>(table: Table<R>): WatchKind<K, C> {
  const notify = table.decl.notify!;
  const keys = table.decl.key;
  /** A row's key as a change lists it: its family, then the key members. */
  const keyOfRow = (row: R): NotifiedKey => {
    const key: Record<string, unknown> = { family: table.familyOf(row) };
    for (const k of keys) key[k] = (row as Record<string, unknown>)[k];
    return key as NotifiedKey;
  };
  return {
    notify,
    syscall: notify.name,
    rowSize: table.struct.layout().rowSize,
    key: table.notifiedKey as (bytes: Uint8Array) => K,
    id: table.changeId as (key: K) => string,
    toChange: ({ type, key }) => (type === 'delete' ? { type, ...key } : { type, ...key, ...reread(() => table.entryByKey(key as NotifiedKey)) }) as C,
    initial: async (af) => (await table.getAsync(af)).map((row) => Object.assign({ type: 'initial' }, keyOfRow(row), { row }) as C),
  };
}

/** A feed: its watcher class (named as the declaration says) and its watch function. */
export interface Feed<W> {
  readonly Watcher: new (af: 0 | 2 | 23, options: WatchOptions) => W;
  readonly watch: WatchFunction<never, W>;
}

const feeds = new Map<Table<never>, Feed<unknown>>();

/** The feed of a table that declares a Notify function, made once. K and C are the key and change types its docs promise. */
export function feedOf<R extends object, K, C>(table: Table<R>): Feed<ChangeWatcher<K, C>> & { readonly watch: WatchFunction<C, ChangeWatcher<K, C>> } {
  let made = feeds.get(table as unknown as Table<never>);
  if (!made) {
    const kind = watchKind<R, K, C>(table);
    class Watcher extends ChangeWatcher<K, C> {
      /** Not for users: use the watch function. */
      constructor(af: 0 | 2 | 23, options: WatchOptions) {
        super(kind, af, options);
      }
    }
    Object.defineProperty(Watcher, 'name', { value: table.decl.api.watcher });
    const watch = (listenerOrOptions?: ((change: C) => unknown) | WatchOptions, maybeOptions?: WatchOptions) => {
      const { listener, options, af } = watchArguments<C>(kind.syscall, listenerOrOptions, maybeOptions);
      const watcher = new Watcher(af, options);
      if (listener) watcher.on('change', listener);
      watcher.start(af);
      return watcher;
    };
    made = { Watcher, watch } as Feed<unknown>;
    feeds.set(table as unknown as Table<never>, made);
  }
  return made as unknown as ReturnType<typeof feedOf<R, K, C>>;
}

/* ---- IP interfaces ---- */

/** What identifies an IP interface row: its family and interface (what a notification fills in). */
export interface IpInterfaceRowKey {
  readonly family: 'ipv4' | 'ipv6';
  readonly interfaceLuid: bigint;
  readonly interfaceIndex: number;
}

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
export type IpInterfaceWatcher = ChangeWatcher<IpInterfaceRowKey, IpInterfaceChange>;
const ipInterfaces = feedOf<IpInterfaceRow, IpInterfaceRowKey, IpInterfaceChange>(IP_INTERFACES);
export const IpInterfaceWatcher = ipInterfaces.Watcher;

/**
 * Starts watching IP interface changes (NotifyIpInterfaceChange). Returns a
 * watcher that emits `'change'` events and is an async iterable; pass a listener
 * to subscribe at once.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-notifyipinterfacechange
 */
export const watchIpInterfaces: WatchFunction<IpInterfaceChange, IpInterfaceWatcher> = ipInterfaces.watch;

/* ---- Routes ---- */

/** What identifies a route: its destination prefix, next hop and interface. */
export interface RouteKey {
  readonly family: 'ipv4' | 'ipv6';
  readonly destinationPrefix: { readonly address: string; readonly prefixLength: number };
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
export type RouteWatcher = ChangeWatcher<RouteKey, RouteChange>;
const routes = feedOf<IpForwardRow2, RouteKey, RouteChange>(ROUTES);
export const RouteWatcher = routes.Watcher;

/**
 * Starts watching route changes (NotifyRouteChange2): each change carries the route's key and its current row. Where the system accepts the registration but never calls back (Wine 8), the watcher delivers nothing and still closes cleanly.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-notifyroutechange2
 */
export const watchRoutes: WatchFunction<RouteChange, RouteWatcher> = routes.watch;

/* ---- Unicast addresses ---- */

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
export type UnicastAddressWatcher = ChangeWatcher<UnicastAddressKey, UnicastAddressChange>;
const unicastAddresses = feedOf<UnicastIpAddressRow, UnicastAddressKey, UnicastAddressChange>(UNICAST_ADDRESSES);
export const UnicastAddressWatcher = unicastAddresses.Watcher;

/**
 * Starts watching unicast address changes (NotifyUnicastIpAddressChange): each change carries the address's key and its current row.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-notifyunicastipaddresschange
 */
export const watchUnicastAddresses: WatchFunction<UnicastAddressChange, UnicastAddressWatcher> = unicastAddresses.watch;
