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
import {
  call,
  callAsync,
  CancelMibChangeNotify2,
  checkStatus,
  CloseHandle,
  CreateThread,
  GetModuleHandleW,
  GetProcAddress,
  WaitForSingleObject,
  type DllFunction,
} from '../functions.js';
import { registerChangeCallback, unregisterCallback, type NativePointer, type RegisteredCallback } from '../native.js';
import { CoalescingQueue, NOTIFICATION_TYPES, type Pending } from './queue.js';

/**
 * Notify…Change(Family, Callback, CallerContext, InitialNotification = FALSE,
 * &Handle): returns the status and the handle (which a system may leave NULL
 * on success: Wine 8's NotifyRouteChange2 does).
 */
function notifyChange(fn: DllFunction, af: number, callback: RegisteredCallback): { status: number; handle: NativePointer | null } {
  const handle: (NativePointer | null)[] = [null];
  const status = call(fn, af, callback, null, 0, handle) as number;
  return { status, handle: handle[0] ?? null };
}

const WAIT_OBJECT_0 = 0;

/**
 * For process exit, when nothing asynchronous can run any more: cancels on a
 * new native thread (CreateThread with CancelMibChangeNotify2 as its start
 * routine: both take one pointer and return a DWORD) and waits for it at most
 * `timeoutMs`. False if it did not finish: a callback is stuck waiting for this thread.
 */
function cancelMibChangeNotify2OnThread(handle: NativePointer, timeoutMs: number): boolean {
  const start = call(GetProcAddress, call(GetModuleHandleW, CancelMibChangeNotify2.dll), CancelMibChangeNotify2.name);
  if (!start) return false;
  const thread = call(CreateThread, null, 0, start, handle, 0, null);
  if (!thread) return false;
  const done = call(WaitForSingleObject, thread, timeoutMs) === WAIT_OBJECT_0;
  call(CloseHandle, thread);
  return done;
}

/** What a kind of notification needs: its function, row size, and how to read and name a key. */
export interface NotifyKind<K> {
  /** The Notify…Change function. */
  readonly notify: DllFunction;
  /** Its name, for errors. */
  readonly syscall: string;
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

/** Registrations the system may still call back into (with a handle to cancel). */
const live = new Set<Registration<unknown>>();
/** Registrations ever opened and not yet closed, by kind: for tests and the soak. */
const open = new Map<string, number>();

export const EXIT_CANCEL_TIMEOUT_MS = 500;
let exitHookInstalled = false;

export class Registration<K> {
  readonly subscribers = new Set<Subscriber<K>>();
  readonly #queue: CoalescingQueue<K>;
  #callback: RegisteredCallback | undefined;
  handle: NativePointer | null = null;
  /** Set once cancelling has begun: nothing is delivered after that. */
  cancelling = false;
  /** Resolves when the system can no longer call back and the callback is released. */
  cancelled: Promise<void> | undefined;

  constructor(
    readonly kind: NotifyKind<K>,
    readonly af: 0 | 2 | 23,
  ) {
    this.#queue = new CoalescingQueue(kind.id, (pending) => {
      for (const subscriber of [...this.subscribers]) subscriber.deliver(pending);
    });
  }

  open(): void {
    this.#callback = registerChangeCallback(this.kind.rowSize, (row, type) => this.#onNative(row, type));
    let result: ReturnType<typeof notifyChange>;
    try {
      result = notifyChange(this.kind.notify, this.af, this.#callback);
    } catch (error) {
      this.#release();
      throw error;
    }
    if (result.status !== 0) {
      this.#release(); // the system never saw a valid registration: nothing can call back
      checkStatus(this.kind.syscall, result.status);
    }
    this.handle = result.handle;
    if (this.handle !== null) live.add(this as Registration<unknown>);
    open.set(this.kind.syscall, (open.get(this.kind.syscall) ?? 0) + 1);
    installExitHook();
  }

  /** Runs on the main thread while the system's thread waits: copy, read the key, queue, return. Never throws. */
  #onNative(row: Uint8Array | null, notificationType: number): void {
    try {
      if (this.cancelling) return;
      const type = NOTIFICATION_TYPES[notificationType];
      if (!type || type === 'initial' || row === null) return;
      this.#queue.push(type, this.kind.key(row));
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      setImmediate(() => {
        for (const subscriber of this.subscribers) subscriber.fail(failure);
      });
    }
  }

  /** Cancels on a worker thread (never the main thread: deadlock), then releases the callback. */
  cancel(): Promise<void> {
    if (this.cancelled) return this.cancelled;
    this.cancelling = true;
    this.#queue.stop();
    const handle = this.handle;
    open.set(this.kind.syscall, (open.get(this.kind.syscall) ?? 1) - 1);
    this.cancelled = (async () => {
      if (handle === null) return; // no handle (Wine 8's NotifyRouteChange2): nothing to cancel; the callback stays registered
      try {
        // On a worker thread: it waits for in-flight callbacks, which wait for this (main) thread.
        checkStatus('CancelMibChangeNotify2', await callAsync(CancelMibChangeNotify2, handle));
      } finally {
        live.delete(this as Registration<unknown>);
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
      live.delete(this as Registration<unknown>);
      this.#release();
    }
    return done;
  }

  #release(): void {
    if (this.#callback !== undefined) unregisterCallback(this.#callback);
    this.#callback = undefined;
  }
}

/** The registration new watchers of each kind and family join. */
const shared = new Map<string, Registration<unknown>>();

/** Joins (or opens) the shared registration of a kind and family. */
export function join<K>(kind: NotifyKind<K>, af: 0 | 2 | 23, subscriber: Subscriber<K>): Registration<K> {
  const id = `${kind.syscall}:${af}`;
  let registration = shared.get(id) as Registration<K> | undefined;
  if (!registration || registration.cancelling) {
    registration = new Registration(kind, af);
    registration.open();
    shared.set(id, registration as Registration<unknown>);
  }
  registration.subscribers.add(subscriber);
  return registration;
}

/** Leaves a registration; the last subscriber out cancels it. */
export function leave<K>(registration: Registration<K>, subscriber: Subscriber<K>): Promise<void> {
  registration.subscribers.delete(subscriber);
  if (registration.subscribers.size > 0) return Promise.resolve();
  const id = `${registration.kind.syscall}:${registration.af}`;
  if (shared.get(id) === (registration as Registration<unknown>)) shared.delete(id);
  return registration.cancel();
}

/** Open registrations per Notify function (for tests and the soak: none may be left behind). */
export function openRegistrations(): Record<string, number> {
  return Object.fromEntries(open);
}

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
