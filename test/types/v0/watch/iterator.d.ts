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
export declare function changeIterator<C>(source: ChangeSource, bufferSize: number, overflow: () => Error): AsyncIterator<C>;
