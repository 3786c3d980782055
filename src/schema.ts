/**
 * The MIB_IPINTERFACE_ROW as users see it, and the zod schema every decoded row
 * passes. Both derive from the struct's one declaration
 * (./structs/mib-ipinterface-row.ts); `IpInterfaceRow` is inferred from the
 * schema, so the type and the runtime check cannot drift apart. Users can run
 * the same schema on rows that crossed a process boundary (Electron IPC) or
 * were revived from JSON.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_row
 */
import type { z } from 'zod';
import { lazy } from './lazy.js';
import { kindSchema } from './struct/schema.js';
import type { ValueOf } from './struct/ctypes.js';
import {
  AF_INET,
  AF_INET6,
  AF_UNSPEC,
  LINK_LOCAL_ADDRESS_BEHAVIOR,
  MIB_IPINTERFACE_ROW,
  OFFLOAD_FLAG_KEYS,
  OFFLOAD_ROD,
  ROUTER_DISCOVERY_BEHAVIOR,
  SCOPE_LEVEL_COUNT,
} from './structs/mib-ipinterface-row.js';

export { AF_UNSPEC, AF_INET, AF_INET6, ROUTER_DISCOVERY_BEHAVIOR, LINK_LOCAL_ADDRESS_BEHAVIOR, SCOPE_LEVEL_COUNT, OFFLOAD_FLAG_KEYS };

export type IpFamily = 'ipv4' | 'ipv6';
export type RouterDiscoveryBehavior = keyof typeof ROUTER_DISCOVERY_BEHAVIOR;
export type LinkLocalAddressBehavior = keyof typeof LINK_LOCAL_ADDRESS_BEHAVIOR;

const UINT32_MAX = 0xffff_ffff;
const UINT64_MAX = 0xffff_ffff_ffff_ffffn;

/** True for an integer in [0, 2^32 - 1]. */
export function isUint32(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= UINT32_MAX && value % 1 === 0;
}

/** True for a bigint in [0, 2^64 - 1]. */
export function isUint64(value: unknown): value is bigint {
  return typeof value === 'bigint' && value >= 0n && value <= UINT64_MAX;
}

/** NL_INTERFACE_OFFLOAD_ROD: eight capability flags, each a boolean. */
export type InterfaceOffload = ValueOf<typeof OFFLOAD_ROD>;

/** NL_INTERFACE_OFFLOAD_ROD as a schema: an object with the eight boolean flags. */
export const offloadSchema = lazy(() => kindSchema(OFFLOAD_ROD) as z.ZodType<InterfaceOffload>);

/** One MIB_IPINTERFACE_ROW, keys in header order. */
export const ipInterfaceRowSchema = lazy(() => MIB_IPINTERFACE_ROW.schema());

export type IpInterfaceRow = z.infer<typeof ipInterfaceRowSchema>;

/**
 * The part of the row schema that bytes can violate (ADDRESS_FAMILY and the two
 * enums), built from the same declaration; test/schema.test.ts holds it to the
 * full schema's verdict on decoded random bytes.
 */
export const decodedRowSchema = lazy(() => MIB_IPINTERFACE_ROW.decodedSchema());
