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
export const NOTIFICATION_TYPES: Readonly<Record<number, ChangeType>> = Object.freeze({
  0: 'parameter-change', // MibParameterNotification
  1: 'add', // MibAddInstance
  2: 'delete', // MibDeleteInstance
  3: 'initial', // MibInitialNotification (not requested: initial events come from the table)
});

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

export class CoalescingQueue<K> {
  readonly #pending = new Map<string, Pending<K>>();
  readonly #batch: number;
  readonly #max: number;
  readonly #schedule: (run: () => void) => void;
  #scheduled = false;
  #stopped = false;

  /** `id` names a key (one entry per id); `deliver` receives the merged notifications, in batches. */
  constructor(
    private readonly id: (key: K) => string,
    private readonly deliver: (pending: Pending<K>) => void,
    options: QueueOptions = {},
  ) {
    this.#batch = options.batch ?? 64;
    this.#max = options.max ?? 65_536;
    this.#schedule = options.schedule ?? ((run) => setImmediate(run));
  }

  /** Entries waiting. */
  get size(): number {
    return this.#pending.size;
  }

  /** Queues a notification, merged with the one already waiting for the same key. */
  push(type: ChangeType, key: K): void {
    if (this.#stopped) return;
    const id = this.id(key);
    const previous = this.#pending.get(id);
    const merged = previous?.type === 'add' && type === 'parameter-change' ? 'add' : type;
    if (previous) this.#pending.delete(id); // keep the queue in order of the latest change
    if (this.#pending.size >= this.#max) this.#pending.delete(this.#pending.keys().next().value as string);
    this.#pending.set(id, { type: merged, key });
    this.#wake();
  }

  /** Drops everything waiting and delivers nothing more. */
  stop(): void {
    this.#stopped = true;
    this.#pending.clear();
  }

  #wake(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#schedule(() => this.#drain());
  }

  #drain(): void {
    this.#scheduled = false;
    let handled = 0;
    for (const [id, pending] of this.#pending) {
      if (this.#stopped || handled++ >= this.#batch) break;
      this.#pending.delete(id);
      this.deliver(pending);
    }
    if (this.#pending.size > 0 && !this.#stopped) this.#wake();
  }
}
