/**
 * Importing the package loads neither koffi nor zod: native code is loaded on
 * the first call that needs it, and zod on the first decode or schema use.
 * `zod()` is that lazy require; `lazy()` makes an exported value (a schema)
 * that is built on first touch and then behaves as the value itself.
 */
import type * as Zod from 'zod';
/** zod, required on first use. */
export declare function zod(): typeof Zod;
/**
 * A stand-in for `build()`'s result, built on first use: property reads,
 * `in`, key listing and the prototype (so `instanceof` holds) all go to the
 * real value. zod's methods are closures over their schema, so
 * `schema.parse(x)` works through it as it does on the schema.
 */
export declare function lazy<T extends object>(build: () => T): T;
