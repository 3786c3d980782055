/**
 * The watcher users hold: an EventEmitter of 'change' / 'error' / 'close' and
 * an async iterable, generic over what it watches. It joins the shared
 * registration of its kind and family (./registration.ts), turns each merged
 * notification into a change (re-reading the row by its key), holds the
 * process open unless unref()ed (a registered callback does not), and closes
 * on an AbortSignal.
 */
import { EventEmitter } from 'node:events';
import { type FamilyOption } from '../family.js';
import type { Pending } from './queue.js';
import { type NotifyKind, type Subscriber } from './registration.js';
/** Options of every watch function. */
export interface WatchOptions {
    /** `'ipv4'`, `'ipv6'` or `'all'` (default), or AF_INET / AF_INET6 / AF_UNSPEC. */
    readonly family?: FamilyOption;
    /** First deliver one `initial` event per item present now (default false). */
    readonly initial?: boolean;
    /** Closes the watcher when aborted. */
    readonly signal?: AbortSignal;
    /** For the async-iterator form: events buffered for a slow consumer before it fails (default 1000). */
    readonly bufferSize?: number;
}
/** A kind of watch: its notifications, how a notification becomes a change, and what is there at the start. */
export interface WatchKind<K, C> extends NotifyKind<K> {
    /** Re-reads the row by key (a deletion carries the key only); a failure goes into the change, never thrown. */
    readonly toChange: (pending: Pending<K>) => C;
    /** The items present now, as `initial` changes. */
    readonly initial: (af: 0 | 2 | 23) => Promise<C[]>;
}
export declare class ChangeWatcher<K, C> extends EventEmitter implements AsyncIterable<C>, Subscriber<K> {
    #private;
    readonly family: 'ipv4' | 'ipv6' | 'all';
    /** Not for users: use the watch functions. */
    constructor(kind: WatchKind<K, C>, af: 0 | 2 | 23, options: WatchOptions);
    /** Not for users: called by the watch functions. */
    start(af: 0 | 2 | 23): void;
    /** True once close() was called. */
    get closed(): boolean;
    /** Not for users: called by the registration for every merged notification. */
    deliver(pending: Pending<K>): void;
    /** Not for users: surfaces an error: the 'error' event (uncaught if nobody listens, like any emitter). */
    fail(error: Error): void;
    /**
     * Stops watching. Resolves once this watcher will get no more events and, if it
     * was the last of its kind and family, the system registration is cancelled.
     * Safe to call twice and from inside a listener.
     *
     * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-cancelmibchangenotify2
     */
    close(): Promise<void>;
    /** Keeps the process alive while open (the default). */
    ref(): this;
    /** Lets the process exit while this watcher is open. */
    unref(): this;
    /** Changes one by one; leaving the loop closes the watcher. A consumer too slow for `bufferSize` gets ERR_IPINTERFACE_WATCH_OVERFLOW. */
    [Symbol.asyncIterator](): AsyncIterator<C>;
}
/** Checks a watch function's arguments (before anything platform-specific); returns the listener, options and family. */
export declare function watchArguments<C>(syscall: string, listenerOrOptions: ((change: C) => unknown) | WatchOptions | undefined, maybeOptions: WatchOptions | undefined): {
    listener: ((change: C) => unknown) | undefined;
    options: WatchOptions;
    af: 0 | 2 | 23;
};
