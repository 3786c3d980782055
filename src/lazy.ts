/**
 * Importing the package loads neither koffi nor zod: native code is loaded on
 * the first call that needs it, and zod on the first decode or schema use.
 * `zod()` is that lazy require; `lazy()` makes an exported value (a schema)
 * that is built on first touch and then behaves as the value itself.
 */
import type * as Zod from 'zod';

let zodModule: typeof Zod | undefined;

/** zod, required on first use. */
export function zod(): typeof Zod {
  return (zodModule ??= require('zod') as typeof Zod);
}

/**
 * A stand-in for `build()`'s result, built on first use: property reads,
 * `in`, key listing and the prototype (so `instanceof` holds) all go to the
 * real value. zod's methods are closures over their schema, so
 * `schema.parse(x)` works through it as it does on the schema.
 */
export function lazy<T extends object>(build: () => T): T {
  let value: T | undefined;
  const real = (): T => (value ??= build());
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(real(), key, real()),
    set: (_target, key, v) => Reflect.set(real(), key, v),
    has: (_target, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      if (descriptor) descriptor.configurable = true; // a proxy may not report a non-configurable property its target lacks
      return descriptor;
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
