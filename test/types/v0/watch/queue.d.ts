/**
 * The burst-merging queue of change notifications (pure: no native code, any
 * OS). The system calls back once per change and can flood; what a listener
 * needs is the latest state of each thing that changed. So the queue holds at
 * most one entry per key: a newer notification replaces an older one (and
 * moves to the back), except that a thing added and then changed before
 * anyone looked is still reported as added. Entries are handed out in batches,
 * one batch per turn of the event loop, so a burst of thousands neither
 * freezes the loop nor grows memory beyond one entry per key.
 */
/** What changed. `initial` events list what was there when the watch started (option `initial`). */
export type ChangeType = 'initial' | 'add' | 'delete' | 'parameter-change';
/** MIB_NOTIFICATION_TYPE (netioapi.h) → change type. */
export declare const NOTIFICATION_TYPES: Readonly<Record<number, ChangeType>>;
/** One queued notification. */
export interface Pending<K> {
    readonly type: ChangeType;
    readonly key: K;
}
/** Options of the queue; the defaults are what the watchers use. */
export interface QueueOptions {
    /** Entries handed out per turn of the event loop (default 64). */
    readonly batch?: number;
    /** A backstop: the oldest entry is dropped beyond this many keys (default 65,536). */
    readonly max?: number;
    /** Schedules the next batch (default setImmediate). */
    readonly schedule?: (run: () => void) => void;
}
export declare class CoalescingQueue<K> {
    #private;
    private readonly id;
    private readonly deliver;
    /** `id` names a key (one entry per id); `deliver` receives the merged notifications, in batches. */
    constructor(id: (key: K) => string, deliver: (pending: Pending<K>) => void, options?: QueueOptions);
    /** Entries waiting. */
    get size(): number;
    /** Queues a notification, merged with the one already waiting for the same key. */
    push(type: ChangeType, key: K): void;
    /** Drops everything waiting and delivers nothing more. */
    stop(): void;
}
