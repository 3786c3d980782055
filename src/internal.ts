/**
 * Not API: the internals this package's own Wine tests, benchmarks and docs generator reach, exported from the
 * bundled entry as `_internal` (not enumerable there, and left out of the type declarations), so that they
 * share the one copy of the package's state that the public functions use. Anything here may change in any
 * release.
 */
export { openRegistrations } from './watch/registration.js';
export { bind } from './native.js';
export { koffiTypes } from './struct/koffi.js';
export { readTable } from './struct/define.js';
export { structReference } from './struct/docs.js';
export { tableReference } from './table/docs.js';
export { decodeIpInterfaceTableUnchecked } from './tables/ip-interfaces.js';
export {
  STRUCTS,
  MIB_IPINTERFACE_ROW,
  MIB_IF_ROW2,
  MIB_UNICASTIPADDRESS_ROW,
  MIB_IPFORWARD_ROW2,
  MIB_IPNET_ROW2,
  MIB_TCPROW_OWNER_PID,
  MIB_TCP6ROW_OWNER_PID,
  MIB_UDPROW_OWNER_PID,
  MIB_UDP6ROW_OWNER_PID,
} from './structs/index.js';
export { TABLES } from './tables/index.js';
