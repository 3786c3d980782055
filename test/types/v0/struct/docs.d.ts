/**
 * The reference page of a declared struct, generated from its declaration:
 * every member with its C type, offset and size on x64 and ia32, JS key, JS
 * type and meaning. `scripts/gen-docs.mjs` writes docs/structs/NAME.md from
 * it and a test fails when a committed page differs, so the docs cannot drift.
 */
import { type Kind } from './ctypes.js';
import type { Struct } from './define.js';
/** The JS type of a kind, as the reference page shows it. */
export declare function jsType(kind: Kind): string;
/** Markdown reference page of a struct. */
export declare function structReference(struct: Struct): string;
