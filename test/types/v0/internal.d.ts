/**
 * Not API: the internals this package's own Wine tests, benchmarks and docs generator reach, exported from the
 * bundled entry as `_internal` (and left out of the type declarations), so that they share the
 * one copy of the package's state that the public functions use. Anything here may change in any
 * release.
 */
export { openRegistrations } from './watch/registration.js';
export { bind } from './native.js';
export { koffiTypes } from './struct/koffi.js';
export { readTable } from './struct/define.js';
export { structReference } from './struct/docs.js';
export { decodeIpInterfaceTableUnchecked } from './decode.js';
export { STRUCTS, MIB_IPINTERFACE_ROW, MIB_IF_ROW2, MIB_UNICASTIPADDRESS_ROW, MIB_IPFORWARD_ROW2, MIB_IPNET_ROW2 } from './structs/index.js';
