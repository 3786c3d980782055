/**
 * Functions written once as plans of native steps (generators that yield each
 * native call), run either on this thread or with each call on one of koffi's
 * worker threads: the synchronous and asynchronous forms of a composite
 * function (getBestRoute, getDefaultRoutes, setIpInterface) cannot differ but
 * in the thread their calls run on.
 */

/** One native step of a plan: how to do it on this thread, and on a worker thread. */
export interface Step<T> {
  readonly sync: () => T;
  readonly async: () => Promise<T>;
}

/** A function written once as a generator of steps, run synchronously or asynchronously. */
export type Plan<T> = Generator<Step<unknown>, T, unknown>;

/** Runs a plan on this thread. */
export function runSync<T>(plan: Plan<T>): T {
  let next = plan.next();
  while (!next.done) {
    let value: unknown;
    try {
      value = next.value.sync();
    } catch (error) {
      next = plan.throw(error);
      continue;
    }
    next = plan.next(value);
  }
  return next.value;
}

/** Runs a plan with each step's native call on a worker thread. */
export async function runAsync<T>(plan: Plan<T>): Promise<T> {
  let next = plan.next();
  while (!next.done) {
    let value: unknown;
    try {
      value = await next.value.async();
    } catch (error) {
      next = plan.throw(error);
      continue;
    }
    next = plan.next(value);
  }
  return next.value;
}

/** `yield* step(s)` inside a plan: the step's value, typed. */
export function* step<T>(s: Step<T>): Generator<Step<unknown>, T, unknown> {
  return (yield s as Step<unknown>) as T;
}
