/**
 * Not API: the internals this package's own Wine tests, benchmarks and docs generator reach, exported from the
 * bundled entry as `_internal` (not enumerable there, and left out of the type declarations), so that they
 * share the one copy of the package's state that the public functions use. Anything here may change in any
 * release.
 */
export { openRegistrations } from './watch/registration.js';
export { bind } from './native.js';
export { koffiTypes } from './struct/koffi.js';
export { readTable, decodeList } from './struct/define.js';
export { adapterListBytes } from './adapter-config.js';
export { structReference } from './struct/docs.js';
export { tableReference } from './table/docs.js';
export { decodeIpInterfaceTableUnchecked } from './tables/ip-interfaces.js';
export * from './structs/index.js'; // STRUCTS and each struct by name
export { TABLES } from './tables/index.js';
