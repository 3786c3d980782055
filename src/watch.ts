/**
 * Change notifications (NotifyIpInterfaceChange), made safe for Node:
 *
 * - The system calls back on its own thread, and koffi makes that thread wait
 *   while the JS callback runs on the main thread. The callback therefore only
 *   copies the row (its pointer dies with the callback) and queues it.
 * - Queued notifications are coalesced per interface and family, and handled in
 *   batches on later turns of the event loop: a burst of thousands neither
 *   freezes the loop nor grows memory beyond one entry per interface.
 * - CancelMibChangeNotify2 waits for in-flight callbacks, which wait for the main
 *   thread: it is called on a worker thread, and the koffi callback is released
 *   only after it returned.
 * - All watchers of one family share one native registration.
 * - Each open watcher keeps the process alive (like fs.watch) unless unref()ed.
 * - At process exit, open registrations are cancelled on a native thread, with
 *   a time limit, before koffi is torn down (see onExit below).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-notifyipinterfacechange
 */
import { EventEmitter } from 'node:events';
import { decodeRowKey, type RowKey } from './decode.js';
import { getIpInterfaceEntry } from './entry.js';
import { describeValue, IpHelperError } from './errors.js';
import { familyName, toAddressFamily, type FamilyOption } from './family.js';
import { ipInterfaceLayout } from './layout.js';
import {
  assertWindows,
  cancelMibChangeNotify2Async,
  cancelMibChangeNotify2OnThread,
  notifyChange,
  registerChangeCallback,
  checkStatus,
  unregisterCallback,
  type NativePointer,
  type RegisteredCallback,
} from './native.js';
import type { IpInterfaceRow } from './schema.js';
import { getIpInterfaceTableAsync } from './table.js';

const SYSCALL = 'NotifyIpInterfaceChange';

/** What changed. `initial` events list the interfaces present when the watch started (option `initial`). */
export type IpInterfaceChangeType = 'initial' | 'add' | 'delete' | 'parameter-change';

/** One change, as delivered to listeners. */
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

/** Options of watchIpInterfaces. */
export interface WatchOptions {
  /** `'ipv4'`, `'ipv6'` or `'all'` (default), or AF_INET / AF_INET6 / AF_UNSPEC. */
  readonly family?: FamilyOption;
  /** First deliver one `initial` event per interface present now (default false). */
  readonly initial?: boolean;
  /** Closes the watcher when aborted. */
  readonly signal?: AbortSignal;
  /** For the async-iterator form: events buffered for a slow consumer before it fails (default 1000). */
  readonly bufferSize?: number;
}

/** MIB_NOTIFICATION_TYPE (netioapi.h). */
const NOTIFICATION_TYPES: Readonly<Record<number, IpInterfaceChangeType>> = {
  0: 'parameter-change', // MibParameterNotification
  1: 'add', // MibAddInstance
  2: 'delete', // MibDeleteInstance
  3: 'initial', // MibInitialNotification (not requested: initial events come from the table)
};

/** Notifications handled per turn of the event loop. */
const BATCH = 64;

/** A registration's queue holds one entry per interface and family; this is a backstop. */
const MAX_PENDING = 65_536;

interface Pending {
  type: IpInterfaceChangeType;
  key: RowKey;
}

/** One native registration, shared by every watcher of its family. */
class Registration {
  readonly watchers = new Set<IpInterfaceWatcher>();
  readonly #pending = new Map<string, Pending>();
  #scheduled = false;
  #callback: RegisteredCallback | undefined;
  handle: NativePointer | null = null;
  /** Set once cancelling has begun: nothing is delivered after that. */
  cancelling = false;
  /** Resolves when the system can no longer call back and the callback is released. */
  cancelled: Promise<void> | undefined;

  constructor(readonly af: 0 | 2 | 23) {}

  open(): void {
    const rowSize = ipInterfaceLayout().rowSize;
    this.#callback = registerChangeCallback(rowSize, (row, type) => this.#onNative(row, type));
    let result: ReturnType<typeof notifyChange>;
    try {
      result = notifyChange('NotifyIpInterfaceChange', this.af, this.#callback);
    } catch (error) {
      this.#release();
      throw error;
    }
    if (result.status !== 0 || result.handle === null) {
      this.#release(); // the system never saw a valid registration: nothing can call back
      checkStatus(SYSCALL, result.status);
      throw new IpHelperError(`${SYSCALL} reported success but returned no handle`, { code: 'ERR_IPHLPAPI_BAD_RESULT', syscall: SYSCALL, errno: 0 });
    }
    this.handle = result.handle;
    live.add(this);
  }

  /** Runs on the main thread while the system's thread waits: copy, queue, return. Never throws. */
  #onNative(row: Uint8Array | null, notificationType: number): void {
    try {
      if (this.cancelling) return;
      const type = NOTIFICATION_TYPES[notificationType];
      if (!type || type === 'initial' || row === null) return;
      const key = decodeRowKey(row);
      const id = `${key.family}:${key.interfaceLuid}`;
      const previous = this.#pending.get(id);
      // Coalesce: an interface added and then changed, before we looked, is still "added".
      const merged = previous?.type === 'add' && type === 'parameter-change' ? 'add' : type;
      if (previous) this.#pending.delete(id); // keep the queue in order of the latest change
      if (this.#pending.size >= MAX_PENDING) this.#pending.delete(this.#pending.keys().next().value as string);
      this.#pending.set(id, { type: merged, key });
      this.#schedule();
    } catch (error) {
      const failure = asError(error);
      setImmediate(() => {
        for (const watcher of this.watchers) watcher.fail(failure);
      });
    }
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => this.#drain());
  }

  /** Handles up to BATCH notifications, then yields to the event loop. */
  #drain(): void {
    this.#scheduled = false;
    let handled = 0;
    for (const [id, pending] of this.#pending) {
      if (this.cancelling || handled++ >= BATCH) break;
      this.#pending.delete(id);
      this.#dispatch(toChange(pending));
    }
    if (this.#pending.size > 0 && !this.cancelling) this.#schedule();
  }

  #dispatch(change: IpInterfaceChange): void {
    for (const watcher of [...this.watchers]) watcher.deliver(change);
  }

  /** Cancels on a worker thread (never the main thread: deadlock), then releases the callback. */
  cancel(): Promise<void> {
    if (this.cancelled) return this.cancelled;
    this.cancelling = true;
    this.#pending.clear();
    const handle = this.handle;
    this.cancelled = (async () => {
      try {
        if (handle !== null) {
          checkStatus('CancelMibChangeNotify2', await cancelMibChangeNotify2Async(handle));
        }
      } finally {
        live.delete(this);
        this.#release();
      }
    })();
    return this.cancelled;
  }

  /** At process exit: no event loop any more, so cancel on a native thread and wait a bounded time. */
  cancelAtExit(): boolean {
    if (this.handle === null || this.cancelled) return false; // an async cancel is in progress
    this.cancelling = true;
    const done = cancelMibChangeNotify2OnThread(this.handle, EXIT_CANCEL_TIMEOUT_MS);
    if (done) {
      live.delete(this);
      this.#release();
    }
    return done;
  }

  #release(): void {
    if (this.#callback !== undefined) unregisterCallback(this.#callback);
    this.#callback = undefined;
  }
}

/** Fetches the row for an add or parameter change; a failure is reported in the event, never thrown. */
function toChange({ type, key }: Pending): IpInterfaceChange {
  if (type === 'delete') return { type, ...key };
  try {
    return { type, ...key, row: getIpInterfaceEntry({ family: key.family, luid: key.interfaceLuid }) };
  } catch (error) {
    return { type, ...key, error: asError(error) };
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** Registrations the system may still call back into. */
const live = new Set<Registration>();
/** The registration new watchers of each family join. */
const shared = new Map<number, Registration>();

const EXIT_CANCEL_TIMEOUT_MS = 500;
let exitHookInstalled = false;

/**
 * The shutdown order for process.exit() (and Electron's quit) with watchers
 * still open: while the process is still whole, and before Node and koffi tear
 * down, cancel every registration on a native thread and wait for it, then
 * release its callback. A cancel normally takes milliseconds. If a callback is
 * in flight at that moment it waits for the main thread, which will never run
 * it now, so the cancel cannot finish: after EXIT_CANCEL_TIMEOUT_MS the exit goes
 * on. The cancel has begun by then, so the system starts no new callback; the
 * stuck one stays blocked until the process ends, and its koffi callback is not
 * released under it.
 */
function onExit(): void {
  for (const registration of [...live]) {
    if (!registration.cancelled) registration.cancelAtExit();
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    if (process.env.IPINTERFACE_TEST_NO_EXIT_HOOK === '1') return; // lets a test compare with no hook
    onExit();
  });
}

/**
 * Watches IP interfaces for changes. Emits `'change'` (IpInterfaceChange),
 * `'error'` (a listener threw, or a notification could not be read) and
 * `'close'`; is also an async iterable of changes.
 */
export class IpInterfaceWatcher extends EventEmitter implements AsyncIterable<IpInterfaceChange> {
  readonly family: 'ipv4' | 'ipv6' | 'all';
  #registration: Registration | undefined;
  #keepAlive: NodeJS.Timeout | undefined;
  #closing: Promise<void> | undefined;
  #abort: (() => void) | undefined;
  #signal: AbortSignal | undefined;
  readonly #bufferSize: number;
  readonly #initial: boolean;
  /** Held back until the initial events have been delivered. */
  #held: IpInterfaceChange[] | undefined;

  /** @internal Use watchIpInterfaces(). */
  constructor(af: 0 | 2 | 23, options: WatchOptions) {
    super();
    this.family = familyName(af);
    this.#bufferSize = options.bufferSize ?? 1000;
    this.#initial = options.initial ?? false;
    this.#signal = options.signal;
  }

  /** @internal */
  start(af: 0 | 2 | 23): void {
    if (this.#signal?.aborted) {
      this.close().catch((error: unknown) => this.fail(asError(error)));
      return;
    }
    let registration = shared.get(af);
    if (!registration || registration.cancelling) {
      registration = new Registration(af);
      registration.open();
      shared.set(af, registration);
      installExitHook();
    }
    this.#registration = registration;
    registration.watchers.add(this);
    this.#keepAlive = setInterval(() => {}, 0x7fffffff);
    if (this.#signal) {
      this.#abort = () => void this.close().catch((error: unknown) => this.fail(asError(error)));
      this.#signal.addEventListener('abort', this.#abort, { once: true });
    }
    if (this.#initial) {
      this.#held = [];
      void getIpInterfaceTableAsync(af).then(
        (rows) => this.#release(rows),
        (error: unknown) => {
          this.#release([]);
          this.fail(asError(error));
        },
      );
    }
  }

  #release(rows: IpInterfaceRow[]): void {
    const held = this.#held ?? [];
    this.#held = undefined;
    for (const row of rows) {
      if (this.closed) return;
      this.#emitChange({ type: 'initial', family: row.family, interfaceLuid: row.interfaceLuid, interfaceIndex: row.interfaceIndex, row });
    }
    for (const change of held) if (!this.closed) this.#emitChange(change);
  }

  /** True once close() was called. */
  get closed(): boolean {
    return this.#closing !== undefined;
  }

  /** @internal Called by the registration for every change. */
  deliver(change: IpInterfaceChange): void {
    if (this.closed) return;
    if (this.#held) this.#held.push(change);
    else this.#emitChange(change);
  }

  #emitChange(change: IpInterfaceChange): void {
    // Each listener on its own: one that throws (or rejects) neither stops the
    // others nor the watcher; its error is surfaced as an 'error' event.
    for (const listener of this.listeners('change') as ((c: IpInterfaceChange) => unknown)[]) {
      try {
        const result = listener.call(this, change);
        if (result instanceof Promise) result.catch((error: unknown) => this.fail(asError(error)));
      } catch (error) {
        this.fail(asError(error));
      }
    }
  }

  /** @internal Surfaces an error: the 'error' event (uncaught if nobody listens, like any emitter). */
  fail(error: Error): void {
    process.nextTick(() => this.emit('error', error));
  }

  /**
   * Stops watching. Resolves once this watcher will get no more events and, if it
   * was the last of its family, the system registration is cancelled. Safe to
   * call twice and from inside a listener.
   *
   * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-cancelmibchangenotify2
   */
  close(): Promise<void> {
    if (this.#closing) return this.#closing;
    const registration = this.#registration;
    this.#registration = undefined;
    clearInterval(this.#keepAlive);
    if (this.#abort) this.#signal?.removeEventListener('abort', this.#abort);
    let cancelled: Promise<void> = Promise.resolve();
    if (registration) {
      registration.watchers.delete(this);
      if (registration.watchers.size === 0) {
        if (shared.get(registration.af) === registration) shared.delete(registration.af);
        cancelled = registration.cancel();
      }
    }
    this.#closing = cancelled.finally(() => this.emit('close'));
    return this.#closing;
  }

  /** Keeps the process alive while open (the default). */
  ref(): this {
    this.#keepAlive?.ref();
    return this;
  }

  /** Lets the process exit while this watcher is open. */
  unref(): this {
    this.#keepAlive?.unref();
    return this;
  }

  /** Changes one by one; leaving the loop closes the watcher. A consumer too slow for `bufferSize` gets ERR_IPINTERFACE_WATCH_OVERFLOW. */
  [Symbol.asyncIterator](): AsyncIterator<IpInterfaceChange> {
    const queue: IpInterfaceChange[] = [];
    const waiting: { resolve: (r: IteratorResult<IpInterfaceChange>) => void; reject: (e: unknown) => void }[] = [];
    let failure: unknown;
    let done = false;
    const finish = () => {
      done = true;
      for (const w of waiting.splice(0)) w.resolve({ value: undefined, done: true });
    };
    const onChange = (change: IpInterfaceChange) => {
      const waiter = waiting.shift();
      if (waiter) return waiter.resolve({ value: change, done: false });
      if (queue.length >= this.#bufferSize) {
        onError(new IpHelperError(`The watcher's consumer fell ${this.#bufferSize} events behind`, { code: 'ERR_IPINTERFACE_WATCH_OVERFLOW', syscall: SYSCALL }));
        void this.close();
        return;
      }
      queue.push(change);
    };
    const onError = (error: unknown) => {
      failure ??= error;
      const waiter = waiting.shift();
      if (waiter) {
        waiter.reject(failure);
        failure = undefined;
      }
    };
    this.on('change', onChange);
    this.on('error', onError);
    this.once('close', finish);
    const cleanup = () => {
      this.off('change', onChange);
      this.off('error', onError);
      this.off('close', finish);
    };
    return {
      next: () => {
        const value = queue.shift();
        if (value) return Promise.resolve({ value, done: false });
        if (failure !== undefined) {
          const error = failure;
          failure = undefined;
          return Promise.reject(error);
        }
        if (done || this.closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
      },
      return: async () => {
        cleanup();
        await this.close();
        finish();
        return { value: undefined, done: true };
      },
    };
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
export function watchIpInterfaces(
  listenerOrOptions?: ((change: IpInterfaceChange) => unknown) | WatchOptions,
  maybeOptions: WatchOptions = {},
): IpInterfaceWatcher {
  const listener = typeof listenerOrOptions === 'function' ? listenerOrOptions : undefined;
  const options = typeof listenerOrOptions === 'function' || listenerOrOptions === undefined ? maybeOptions : listenerOrOptions;
  if (listenerOrOptions !== undefined && typeof listenerOrOptions !== 'function' && typeof listenerOrOptions !== 'object') {
    throw new TypeError(`Expected \`listener\` to be a function or \`options\` an object, got ${describeValue(listenerOrOptions)}`);
  }
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`Expected \`options\` to be an object, got ${describeValue(options)}`);
  }
  const af = toAddressFamily(options.family ?? 'all', 'options.family');
  if (options.initial !== undefined && typeof options.initial !== 'boolean') {
    throw new TypeError(`Expected \`options.initial\` to be a boolean, got ${describeValue(options.initial)}`);
  }
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new TypeError(`Expected \`options.signal\` to be an AbortSignal, got ${describeValue(options.signal)}`);
  }
  if (options.bufferSize !== undefined && !(Number.isInteger(options.bufferSize) && options.bufferSize > 0)) {
    throw new TypeError(`Expected \`options.bufferSize\` to be a positive integer, got ${describeValue(options.bufferSize)}`);
  }
  assertWindows(SYSCALL);
  const watcher = new IpInterfaceWatcher(af, options);
  if (listener) watcher.on('change', listener);
  watcher.start(af);
  return watcher;
}
