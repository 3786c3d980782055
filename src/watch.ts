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
import { getUnicastIpAddressEntry, getUnicastIpAddressTableAsync, type UnicastIpAddressRow } from './addresses.js';
import { decodeRowKey, type RowKey } from './decode.js';
import { getIpInterfaceEntry } from './entry.js';
import { getIpForwardEntry2, getIpForwardTable2Async, type IpForwardRow2 } from './routes.js';
import type { IpInterfaceRow } from './schema.js';
import { rowView } from './struct/define.js';
import { MIB_IPFORWARD_ROW2, MIB_IPINTERFACE_ROW, MIB_UNICASTIPADDRESS_ROW } from './structs/index.js';
import { getIpInterfaceTableAsync } from './table.js';
import type { ChangeType } from './watch/queue.js';
import { badNotification } from './watch/registration.js';
import { ChangeWatcher, watchArguments, type WatchKind, type WatchOptions } from './watch/watcher.js';

export type { WatchOptions };

/** What changed. `initial` events list what was there when the watch started (option `initial`). */
export type IpInterfaceChangeType = ChangeType;
export type { ChangeType };

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

/* ---- IP interfaces ---- */

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

const IP_INTERFACES: WatchKind<RowKey, IpInterfaceChange> = {
  syscall: 'NotifyIpInterfaceChange',
  rowSize: MIB_IPINTERFACE_ROW.layout().rowSize,
  key: decodeRowKey,
  id: (key) => `${key.family}:${key.interfaceLuid}`,
  toChange: ({ type, key }) => (type === 'delete' ? { type, ...key } : { type, ...key, ...reread(() => getIpInterfaceEntry({ family: key.family, luid: key.interfaceLuid })) }),
  initial: async (af) =>
    (await getIpInterfaceTableAsync(af)).map((row) => ({ type: 'initial', family: row.family, interfaceLuid: row.interfaceLuid, interfaceIndex: row.interfaceIndex, row })),
};

/**
 * Watches IP interfaces for changes. Emits `'change'` (IpInterfaceChange),
 * `'error'` (a listener threw, or a notification could not be read) and
 * `'close'`; is also an async iterable of changes.
 */
export class IpInterfaceWatcher extends ChangeWatcher<RowKey, IpInterfaceChange> {
  /** Not for users: use watchIpInterfaces(). */
  constructor(af: 0 | 2 | 23, options: WatchOptions) {
    super(IP_INTERFACES, af, options);
  }
}

/**
 * Starts watching IP interface changes (NotifyIpInterfaceChange). Returns a
 * watcher that emits `'change'` events and is an async iterable; pass a listener
 * to subscribe at once.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-notifyipinterfacechange
 */
export function watchIpInterfaces(listener?: (change: IpInterfaceChange) => unknown, options?: WatchOptions): IpInterfaceWatcher;
export function watchIpInterfaces(options?: WatchOptions): IpInterfaceWatcher;
export function watchIpInterfaces(listenerOrOptions?: ((change: IpInterfaceChange) => unknown) | WatchOptions, maybeOptions?: WatchOptions): IpInterfaceWatcher {
  const { listener, options, af } = watchArguments(IP_INTERFACES.syscall, listenerOrOptions, maybeOptions);
  const watcher = new IpInterfaceWatcher(af, options);
  if (listener) watcher.on('change', listener);
  watcher.start(af);
  return watcher;
}

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

/** The key members of a notified row; the others may not be filled in a notification. */
function routeKey(bytes: Uint8Array): RouteKey {
  const row = MIB_IPFORWARD_ROW2.reader()(rowView(MIB_IPFORWARD_ROW2, bytes), 0) as Pick<IpForwardRow2, 'destinationPrefix' | 'nextHop' | 'interfaceLuid' | 'interfaceIndex'>;
  const prefix = row.destinationPrefix as { address: string | number; prefixLength: number };
  if (typeof prefix.address !== 'string' || prefix.address === '') {
    throw badNotification('NotifyRouteChange2', `DestinationPrefix has family ${String(prefix.address)}`, 'destinationPrefix', prefix.address);
  }
  const nextHop = (row.nextHop as string | number) === '' ? (prefix.address.includes(':') ? '::' : '0.0.0.0') : row.nextHop;
  if (typeof nextHop !== 'string') throw badNotification('NotifyRouteChange2', `NextHop has family ${String(nextHop)}`, 'nextHop', nextHop);
  return {
    family: prefix.address.includes(':') ? 'ipv6' : 'ipv4',
    destinationPrefix: { address: prefix.address, prefixLength: prefix.prefixLength },
    nextHop,
    interfaceLuid: row.interfaceLuid,
    interfaceIndex: row.interfaceIndex,
  };
}

const ROUTES: WatchKind<RouteKey, RouteChange> = {
  syscall: 'NotifyRouteChange2',
  rowSize: MIB_IPFORWARD_ROW2.layout().rowSize,
  key: routeKey,
  id: (k) => `${k.interfaceLuid}|${k.destinationPrefix.address}/${k.destinationPrefix.prefixLength}|${k.nextHop}`,
  toChange: ({ type, key }) =>
    type === 'delete'
      ? { type, ...key }
      : { type, ...key, ...reread(() => getIpForwardEntry2({ destinationPrefix: key.destinationPrefix, nextHop: key.nextHop, interfaceLuid: key.interfaceLuid })) },
  initial: async (af) =>
    (await getIpForwardTable2Async(af)).map((row) => ({
      type: 'initial',
      family: row.destinationPrefix.address.includes(':') ? 'ipv6' : 'ipv4',
      destinationPrefix: row.destinationPrefix,
      nextHop: row.nextHop,
      interfaceLuid: row.interfaceLuid,
      interfaceIndex: row.interfaceIndex,
      row,
    })),
};

/** Watches routes (NotifyRouteChange2); like IpInterfaceWatcher. */
export class RouteWatcher extends ChangeWatcher<RouteKey, RouteChange> {
  /** Not for users: use watchRoutes(). */
  constructor(af: 0 | 2 | 23, options: WatchOptions) {
    super(ROUTES, af, options);
  }
}

/**
 * Starts watching route changes (NotifyRouteChange2): each change carries the route's key and its current row. Where the system accepts the registration but never calls back (Wine 8), the watcher delivers nothing and still closes cleanly.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-notifyroutechange2
 */
export function watchRoutes(listener?: (change: RouteChange) => unknown, options?: WatchOptions): RouteWatcher;
export function watchRoutes(options?: WatchOptions): RouteWatcher;
export function watchRoutes(listenerOrOptions?: ((change: RouteChange) => unknown) | WatchOptions, maybeOptions?: WatchOptions): RouteWatcher {
  const { listener, options, af } = watchArguments(ROUTES.syscall, listenerOrOptions, maybeOptions);
  const watcher = new RouteWatcher(af, options);
  if (listener) watcher.on('change', listener);
  watcher.start(af);
  return watcher;
}

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

function addressKey(bytes: Uint8Array): UnicastAddressKey {
  const row = MIB_UNICASTIPADDRESS_ROW.reader()(rowView(MIB_UNICASTIPADDRESS_ROW, bytes), 0) as Pick<UnicastIpAddressRow, 'address' | 'interfaceLuid' | 'interfaceIndex'>;
  const address = row.address as string | number;
  if (typeof address !== 'string' || address === '') throw badNotification('NotifyUnicastIpAddressChange', `Address has family ${String(address)}`, 'address', address);
  return { family: address.includes(':') ? 'ipv6' : 'ipv4', address, interfaceLuid: row.interfaceLuid, interfaceIndex: row.interfaceIndex };
}

const UNICAST_ADDRESSES: WatchKind<UnicastAddressKey, UnicastAddressChange> = {
  syscall: 'NotifyUnicastIpAddressChange',
  rowSize: MIB_UNICASTIPADDRESS_ROW.layout().rowSize,
  key: addressKey,
  id: (k) => `${k.interfaceLuid}|${k.address}`,
  toChange: ({ type, key }) =>
    type === 'delete' ? { type, ...key } : { type, ...key, ...reread(() => getUnicastIpAddressEntry({ address: key.address, interfaceLuid: key.interfaceLuid })) },
  initial: async (af) =>
    (await getUnicastIpAddressTableAsync(af)).map((row) => ({
      type: 'initial',
      family: row.address.includes(':') ? 'ipv6' : 'ipv4',
      address: row.address,
      interfaceLuid: row.interfaceLuid,
      interfaceIndex: row.interfaceIndex,
      row,
    })),
};

/** Watches unicast addresses (NotifyUnicastIpAddressChange); like IpInterfaceWatcher. */
export class UnicastAddressWatcher extends ChangeWatcher<UnicastAddressKey, UnicastAddressChange> {
  /** Not for users: use watchUnicastAddresses(). */
  constructor(af: 0 | 2 | 23, options: WatchOptions) {
    super(UNICAST_ADDRESSES, af, options);
  }
}

/**
 * Starts watching unicast address changes (NotifyUnicastIpAddressChange): each change carries the address's key and its current row.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-notifyunicastipaddresschange
 */
export function watchUnicastAddresses(listener?: (change: UnicastAddressChange) => unknown, options?: WatchOptions): UnicastAddressWatcher;
export function watchUnicastAddresses(options?: WatchOptions): UnicastAddressWatcher;
export function watchUnicastAddresses(
  listenerOrOptions?: ((change: UnicastAddressChange) => unknown) | WatchOptions,
  maybeOptions?: WatchOptions,
): UnicastAddressWatcher {
  const { listener, options, af } = watchArguments(UNICAST_ADDRESSES.syscall, listenerOrOptions, maybeOptions);
  const watcher = new UnicastAddressWatcher(af, options);
  if (listener) watcher.on('change', listener);
  watcher.start(af);
  return watcher;
}
