/**
 * One native registration of a Notify…Change function, generic over the three
 * kinds (IP interfaces, routes, unicast addresses), shared by every watcher of
 * its kind and family:
 *
 * - The system calls back on its own thread, and koffi makes that thread wait
 *   while the JS callback runs on the main thread. The callback only copies the
 *   row (its pointer dies with the callback), reads the key from the copy and
 *   queues it (./queue.ts merges bursts).
 * - CancelMibChangeNotify2 waits for in-flight callbacks, which wait for the
 *   main thread: it runs on a worker thread, and the koffi callback is released
 *   only after it returned.
 * - A system may accept a registration and hand back no handle (Wine 8's
 *   NotifyRouteChange2), or never call back: the registration is kept open,
 *   delivers nothing, and closes without a cancel; its callback stays
 *   registered until the process ends, since nothing says the system will
 *   never call it.
 * - At process exit, open registrations are cancelled on a native thread, with
 *   a time limit, before koffi is torn down (see onExit).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-cancelmibchangenotify2
 */
import { IpHelperError } from '../errors.js';
import { type NativePointer, type NotifyFunction } from '../native.js';
import { type Pending } from './queue.js';
/** What a kind of notification needs: its function, row size, and how to read and name a key. */
export interface NotifyKind<K> {
    readonly syscall: NotifyFunction;
    /** sizeof the row the callback receives. */
    readonly rowSize: number;
    /** The key members of a notified row (the only ones Windows promises to fill); may throw for a row it cannot read. */
    readonly key: (row: Uint8Array) => K;
    /** One queue entry per id. */
    readonly id: (key: K) => string;
}
/** What a registration delivers to: its watchers. */
export interface Subscriber<K> {
    deliver(pending: Pending<K>): void;
    fail(error: Error): void;
}
export declare const EXIT_CANCEL_TIMEOUT_MS = 500;
export declare class Registration<K> {
    #private;
    readonly kind: NotifyKind<K>;
    readonly af: 0 | 2 | 23;
    readonly subscribers: Set<Subscriber<K>>;
    handle: NativePointer | null;
    /** Set once cancelling has begun: nothing is delivered after that. */
    cancelling: boolean;
    /** Resolves when the system can no longer call back and the callback is released. */
    cancelled: Promise<void> | undefined;
    constructor(kind: NotifyKind<K>, af: 0 | 2 | 23);
    open(): void;
    /** Cancels on a worker thread (never the main thread: deadlock), then releases the callback. */
    cancel(): Promise<void>;
    /** At process exit: no event loop any more, so cancel on a native thread and wait a bounded time. */
    cancelAtExit(): boolean;
}
/** Joins (or opens) the shared registration of a kind and family. */
export declare function join<K>(kind: NotifyKind<K>, af: 0 | 2 | 23, subscriber: Subscriber<K>): Registration<K>;
/** Leaves a registration; the last subscriber out cancels it. */
export declare function leave<K>(registration: Registration<K>, subscriber: Subscriber<K>): Promise<void>;
/** Open registrations per Notify function (for tests and the soak: none may be left behind). */
export declare function openRegistrations(): Record<string, number>;
/** A notified row whose key cannot be read. */
export declare function badNotification(syscall: string, message: string, field: string, rawValue: unknown): IpHelperError;
