// The pure parts of the watch machinery, on any OS, without Wine: the burst-merging
// queue and the bounded async iterator.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { changeIterator } from '../src/watch/iterator.js';
import { CoalescingQueue, type ChangeType, type Pending } from '../src/watch/queue.js';

/** A queue whose batches run only when the test says so. */
function manualQueue(options: { batch?: number; max?: number } = {}) {
  const delivered: Pending<string>[] = [];
  const runs: (() => void)[] = [];
  const queue = new CoalescingQueue<string>((k) => k, (p) => delivered.push(p), { ...options, schedule: (run) => runs.push(run) });
  const tick = () => runs.splice(0).forEach((run) => run());
  return { queue, delivered, tick, runs };
}

describe('CoalescingQueue', () => {
  it('one entry per key: the latest type wins, and moves to the back', () => {
    const { queue, delivered, tick } = manualQueue();
    queue.push('parameter-change', 'a');
    queue.push('parameter-change', 'b');
    queue.push('delete', 'a');
    tick();
    expect(delivered).toEqual([
      { type: 'parameter-change', key: 'b' },
      { type: 'delete', key: 'a' },
    ]);
  });

  it('added then changed before anyone looked is still "add"; added then deleted is "delete"', () => {
    const { queue, delivered, tick } = manualQueue();
    queue.push('add', 'x');
    queue.push('parameter-change', 'x');
    queue.push('add', 'y');
    queue.push('delete', 'y');
    tick();
    expect(delivered.map((p) => [p.key, p.type])).toEqual([
      ['x', 'add'],
      ['y', 'delete'],
    ]);
  });

  it('hands out at most `batch` entries per turn, and schedules one turn at a time', () => {
    const { queue, delivered, tick, runs } = manualQueue({ batch: 3 });
    for (let i = 0; i < 8; i++) queue.push('parameter-change', `k${i}`);
    expect(runs).toHaveLength(1); // one scheduled turn for 8 pushes
    tick();
    expect(delivered).toHaveLength(3);
    tick();
    expect(delivered).toHaveLength(6);
    tick();
    expect(delivered).toHaveLength(8);
    expect(runs).toHaveLength(0);
  });

  it('a flood of 100,000 notifications over 10 keys holds 10 entries', () => {
    const { queue, delivered, tick } = manualQueue();
    const types: ChangeType[] = ['parameter-change', 'add', 'delete'];
    for (let i = 0; i < 100_000; i++) queue.push(types[i % 3]!, `k${i % 10}`);
    expect(queue.size).toBe(10);
    tick();
    expect(delivered).toHaveLength(10);
  });

  it('the backstop drops the oldest key beyond `max`; stop() drops all and delivers nothing more', () => {
    const { queue, delivered, tick } = manualQueue({ max: 4 });
    for (let i = 0; i < 6; i++) queue.push('add', `k${i}`);
    expect(queue.size).toBe(4);
    queue.stop();
    queue.push('add', 'late');
    tick();
    expect(delivered).toEqual([]);
    expect(queue.size).toBe(0);
  });

  it('by default it yields to the event loop between batches (setImmediate)', async () => {
    const delivered: string[] = [];
    const queue = new CoalescingQueue<string>((k) => k, (p) => delivered.push(p.key), { batch: 2 });
    for (let i = 0; i < 5; i++) queue.push('add', `k${i}`);
    expect(delivered).toEqual([]); // nothing synchronously
    await new Promise((r) => setImmediate(r));
    expect(delivered).toHaveLength(2);
    for (let turn = 0; turn < 20 && delivered.length < 5; turn++) await new Promise((r) => setImmediate(r));
    expect(delivered).toHaveLength(5);
  });
});

class FakeSource extends EventEmitter {
  closed = false;
  closes = 0;
  close(): Promise<void> {
    this.closes++;
    if (!this.closed) {
      this.closed = true;
      setImmediate(() => this.emit('close'));
    }
    return Promise.resolve();
  }
}

describe('changeIterator', () => {
  it('yields changes in order, waiting for ones not there yet', async () => {
    const source = new FakeSource();
    const it = changeIterator<number>(source, 10, () => new Error('overflow'));
    source.emit('change', 1);
    expect(await it.next()).toEqual({ value: 1, done: false }); // queued before anyone asked
    const pending = it.next(); // nothing yet: waits
    source.emit('change', 2);
    expect(await pending).toEqual({ value: 2, done: false });
  });

  it('a consumer too slow for the buffer gets the overflow error once, and the source is closed', async () => {
    const source = new FakeSource();
    const it = changeIterator<number>(source, 3, () => Object.assign(new Error('fell behind'), { code: 'ERR_IPINTERFACE_WATCH_OVERFLOW' }));
    for (let i = 0; i < 4; i++) source.emit('change', i);
    expect(source.closes).toBe(1);
    const results = [await it.next(), await it.next(), await it.next()];
    expect(results.map((r) => r.value)).toEqual([0, 1, 2]);
    await expect(it.next()).rejects.toMatchObject({ code: 'ERR_IPINTERFACE_WATCH_OVERFLOW' });
    await new Promise((r) => setImmediate(r));
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });

  it("an 'error' event rejects the waiting next(); leaving the loop closes the source and stops listening", async () => {
    const source = new FakeSource();
    const it = changeIterator<number>(source, 10, () => new Error('overflow'));
    const waiting = it.next();
    source.emit('error', new Error('boom'));
    await expect(waiting).rejects.toThrow('boom');
    expect(await it.return!()).toEqual({ value: undefined, done: true });
    expect(source.closes).toBe(1);
    expect(source.listenerCount('change')).toBe(0);
    expect(source.listenerCount('error')).toBe(0);
  });

  it('a close ends waiting consumers with done', async () => {
    const source = new FakeSource();
    const it = changeIterator<number>(source, 10, () => new Error('overflow'));
    const waiting = it.next();
    void source.close();
    expect(await waiting).toEqual({ value: undefined, done: true });
  });
});
