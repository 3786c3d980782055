/**
 * The watcher users hold: an EventEmitter of 'change' / 'error' / 'close' and
 * an async iterable, generic over what it watches. It joins the shared
 * registration of its kind and family (./registration.ts), turns each merged
 * notification into a change (re-reading the row by its key), holds the
 * process open unless unref()ed (a registered callback does not), and closes
 * on an AbortSignal.
 */
import { EventEmitter } from 'node:events';
import { describeValue, IpHelperError, readObject } from '../errors.js';
import { familyName, toAddressFamily, type FamilyOption } from '../family.js';
import { assertWindows } from '../native.js';
import { changeIterator } from './iterator.js';
import type { Pending } from './queue.js';
import { join, leave, type NotifyKind, type Registration, type Subscriber } from './registration.js';

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

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

export class ChangeWatcher<K, C> extends EventEmitter implements AsyncIterable<C>, Subscriber<K> {
  readonly family: 'ipv4' | 'ipv6' | 'all';
  readonly #kind: WatchKind<K, C>;
  #registration: Registration<K> | undefined;
  #keepAlive: NodeJS.Timeout | undefined;
  #closing: Promise<void> | undefined;
  #abort: (() => void) | undefined;
  readonly #signal: AbortSignal | undefined;
  readonly #bufferSize: number;
  readonly #initial: boolean;
  /** Held back until the initial events have been delivered. */
  #held: C[] | undefined;

  /** Not for users: use the watch functions. */
  constructor(kind: WatchKind<K, C>, af: 0 | 2 | 23, options: WatchOptions) {
    super();
    this.#kind = kind;
    this.family = familyName(af);
    this.#bufferSize = options.bufferSize ?? 1000;
    this.#initial = options.initial ?? false;
    this.#signal = options.signal;
  }

  /** Not for users: called by the watch functions. */
  start(af: 0 | 2 | 23): void {
    if (this.#signal?.aborted) {
      this.close().catch((error: unknown) => this.fail(asError(error)));
      return;
    }
    this.#registration = join(this.#kind, af, this);
    this.#keepAlive = setInterval(() => {}, 0x7fffffff);
    if (this.#signal) {
      this.#abort = () => void this.close().catch((error: unknown) => this.fail(asError(error)));
      this.#signal.addEventListener('abort', this.#abort, { once: true });
    }
    if (this.#initial) {
      this.#held = [];
      void this.#kind.initial(af).then(
        (changes) => this.#releaseHeld(changes),
        (error: unknown) => {
          this.#releaseHeld([]);
          this.fail(asError(error));
        },
      );
    }
  }

  #releaseHeld(initial: C[]): void {
    const held = this.#held ?? [];
    this.#held = undefined;
    for (const change of [...initial, ...held]) {
      if (this.closed) return;
      this.#emitChange(change);
    }
  }

  /** True once close() was called. */
  get closed(): boolean {
    return this.#closing !== undefined;
  }

  /** Not for users: called by the registration for every merged notification. */
  deliver(pending: Pending<K>): void {
    if (this.closed) return;
    const change = this.#kind.toChange(pending);
    if (this.#held) this.#held.push(change);
    else this.#emitChange(change);
  }

  #emitChange(change: C): void {
    // Each listener on its own: one that throws (or rejects) neither stops the
    // others nor the watcher; its error is surfaced as an 'error' event.
    for (const listener of this.listeners('change') as ((c: C) => unknown)[]) {
      try {
        const result = listener.call(this, change);
        if (result instanceof Promise) result.catch((error: unknown) => this.fail(asError(error)));
      } catch (error) {
        this.fail(asError(error));
      }
    }
  }

  /** Not for users: surfaces an error: the 'error' event (uncaught if nobody listens, like any emitter). */
  fail(error: Error): void {
    process.nextTick(() => this.emit('error', error));
  }

  /**
   * Stops watching. Resolves once this watcher will get no more events and, if it
   * was the last of its kind and family, the system registration is cancelled.
   * Safe to call twice and from inside a listener.
   *
   * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-cancelmibchangenotify2
   */
  close(): Promise<void> {
    if (this.#closing) return this.#closing;
    const registration = this.#registration;
    this.#registration = undefined;
    clearInterval(this.#keepAlive);
    if (this.#abort) this.#signal?.removeEventListener('abort', this.#abort);
    const cancelled = registration ? leave(registration, this) : Promise.resolve();
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
  [Symbol.asyncIterator](): AsyncIterator<C> {
    return changeIterator<C>(
      this,
      this.#bufferSize,
      () => new IpHelperError(`The watcher's consumer fell ${this.#bufferSize} events behind`, { code: 'ERR_IPINTERFACE_WATCH_OVERFLOW', syscall: this.#kind.syscall }),
    );
  }
}

/** Checks a watch function's arguments (before anything platform-specific); returns the listener, options and family. */
export function watchArguments<C>(
  syscall: string,
  listenerOrOptions: ((change: C) => unknown) | WatchOptions | undefined,
  maybeOptions: WatchOptions | undefined,
): { listener: ((change: C) => unknown) | undefined; options: WatchOptions; af: 0 | 2 | 23 } {
  const listener = typeof listenerOrOptions === 'function' ? listenerOrOptions : undefined;
  const given = typeof listenerOrOptions === 'function' || listenerOrOptions === undefined ? (maybeOptions ?? {}) : listenerOrOptions;
  if (listenerOrOptions !== undefined && typeof listenerOrOptions !== 'function' && typeof listenerOrOptions !== 'object') {
    throw new TypeError(`Expected \`listener\` to be a function or \`options\` an object, got ${describeValue(listenerOrOptions)}`);
  }
  const options = readObject(given, 'options') as WatchOptions;
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
  assertWindows(syscall);
  return { listener, options, af };
}
