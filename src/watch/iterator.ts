/**
 * A bounded async iterator over a watcher's 'change' events (pure: any
 * emitter, any OS). Changes wait in a buffer of `bufferSize` for a slow
 * consumer; one more fails the iteration with `overflow()` and closes the
 * source. An 'error' event rejects the pending (or next) `next()`. Leaving the
 * loop (`return`) closes the source.
 */
import type { EventEmitter } from 'node:events';

/** What the iterator reads from: 'change', 'error' and 'close' events, and a way to close. */
export interface ChangeSource extends EventEmitter {
  readonly closed: boolean;
  close(): Promise<void>;
}

export function changeIterator<C>(source: ChangeSource, bufferSize: number, overflow: () => Error): AsyncIterator<C> {
  const queue: C[] = [];
  const waiting: { resolve: (r: IteratorResult<C>) => void; reject: (e: unknown) => void }[] = [];
  let failure: unknown;
  let done = false;
  const finish = () => {
    done = true;
    for (const w of waiting.splice(0)) w.resolve({ value: undefined, done: true });
  };
  const onError = (error: unknown) => {
    failure ??= error;
    const waiter = waiting.shift();
    if (waiter) {
      waiter.reject(failure);
      failure = undefined;
    }
  };
  const onChange = (change: C) => {
    const waiter = waiting.shift();
    if (waiter) return waiter.resolve({ value: change, done: false });
    if (queue.length >= bufferSize) {
      onError(overflow());
      void source.close();
      return;
    }
    queue.push(change);
  };
  source.on('change', onChange);
  source.on('error', onError);
  source.once('close', finish);
  const cleanup = () => {
    source.off('change', onChange);
    source.off('error', onError);
    source.off('close', finish);
  };
  return {
    next: () => {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
      if (failure !== undefined) {
        const error = failure;
        failure = undefined;
        return Promise.reject(error);
      }
      if (done || source.closed) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return: async () => {
      cleanup();
      await source.close();
      finish();
      return { value: undefined, done: true };
    },
  };
}
