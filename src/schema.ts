/**
 * The row as users see it, and the zod schema every decoded row passes.
 * `IpInterfaceRow` is inferred from the schema, so the type and the runtime
 * check cannot drift apart. Users can run the same schema on rows that crossed
 * a process boundary (Electron IPC) or were revived from JSON.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_row
 */
import { z } from 'zod';

/** ADDRESS_FAMILY values as Windows numbers them (ws2def.h). AF_INET6 is 23 on Windows, not Linux's 10. */
export const AF_UNSPEC = 0;
export const AF_INET = 2;
export const AF_INET6 = 23;

/** NL_ROUTER_DISCOVERY_BEHAVIOR (nldef.h): raw value → name. */
export const ROUTER_DISCOVERY_BEHAVIOR = {
  disabled: 0,
  enabled: 1,
  dhcp: 2,
  unchanged: -1,
} as const;

/** NL_LINK_LOCAL_ADDRESS_BEHAVIOR (nldef.h): raw value → name. */
export const LINK_LOCAL_ADDRESS_BEHAVIOR = {
  'always-off': 0,
  delayed: 1,
  'always-on': 2,
  unchanged: -1,
} as const;

export type IpFamily = 'ipv4' | 'ipv6';
export type RouterDiscoveryBehavior = keyof typeof ROUTER_DISCOVERY_BEHAVIOR;
export type LinkLocalAddressBehavior = keyof typeof LINK_LOCAL_ADDRESS_BEHAVIOR;

/*
 * The schema is written for speed as well as exactness: zod's cost is per
 * schema node, so the 13 ULONG and 2 ULONG64 fields are typed with the cheap
 * `z.number()` / `z.bigint()` nodes and their ranges are checked together in one
 * row-level check; ZoneIndices and the offload bytes are one node each. The
 * result accepts exactly what the per-field `z.uint32()` / `z.uint64()` /
 * `z.array()` / `z.object()` spelling would (the tests hold both to the same
 * inputs) at about a third of the cost. See bench/ for the figures.
 */

/** ScopeLevelCount in ws2def.h: the length of ZoneIndices. */
export const SCOPE_LEVEL_COUNT = 16;

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

/** NL_INTERFACE_OFFLOAD_ROD's eight flags, first-declared (bit 0) first. */
export const OFFLOAD_FLAG_KEYS = [
  'nlChecksumSupported',
  'nlOptionsSupported',
  'tlDatagramChecksumSupported',
  'tlStreamChecksumSupported',
  'tlStreamOptionsSupported',
  'fastPathCompatible',
  'tlLargeSendOffloadSupported',
  'tlGiantSendOffloadSupported',
] as const;

/** NL_INTERFACE_OFFLOAD_ROD: eight capability flags, each a boolean. */
export type InterfaceOffload = { [K in (typeof OFFLOAD_FLAG_KEYS)[number]]: boolean };

function isOffload(value: unknown): value is InterfaceOffload {
  if (value === null || typeof value !== 'object') return false;
  const flags = value as Record<string, unknown>;
  for (const key of OFFLOAD_FLAG_KEYS) if (typeof flags[key] !== 'boolean') return false;
  return true;
}

function isZoneIndices(value: unknown): value is number[] {
  if (!Array.isArray(value) || value.length !== SCOPE_LEVEL_COUNT) return false;
  for (let i = 0; i < SCOPE_LEVEL_COUNT; i++) if (!isUint32(value[i])) return false;
  return true;
}

/** NL_INTERFACE_OFFLOAD_ROD as a schema: an object with the eight boolean flags. */
export const offloadSchema = z.custom<InterfaceOffload>(isOffload, {
  message: `Expected an object with boolean ${OFFLOAD_FLAG_KEYS.join(', ')}`,
});

const zoneIndicesSchema = z.custom<number[]>(isZoneIndices, {
  message: `Expected an array of ${SCOPE_LEVEL_COUNT} unsigned 32-bit integers (one per SCOPE_LEVEL)`,
});

/** The ULONG fields, range-checked by the row-level check below. */
const UINT32_KEYS = [
  'interfaceIndex',
  'maxReassemblySize',
  'minRouterAdvertisementInterval',
  'maxRouterAdvertisementInterval',
  'dadTransmits',
  'baseReachableTime',
  'retransmitTime',
  'pathMtuDiscoveryTimeout',
  'linkLocalAddressTimeout',
  'sitePrefixLength',
  'metric',
  'nlMtu',
  'reachableTime',
] as const;
/** The ULONG64 fields (NET_LUID is a ULONG64 union). */
const UINT64_KEYS = ['interfaceLuid', 'interfaceIdentifier'] as const;

const u32 = z.number();
const u64 = z.bigint();
const bool = z.boolean();

/** The row's fields, keys in header order. */
const rowShape = {
  family: z.enum(['ipv4', 'ipv6']),
  interfaceLuid: u64,
  interfaceIndex: u32,
  maxReassemblySize: u32,
  interfaceIdentifier: u64,
  minRouterAdvertisementInterval: u32,
  maxRouterAdvertisementInterval: u32,
  advertisingEnabled: bool,
  forwardingEnabled: bool,
  weakHostSend: bool,
  weakHostReceive: bool,
  useAutomaticMetric: bool,
  useNeighborUnreachabilityDetection: bool,
  managedAddressConfigurationSupported: bool,
  otherStatefulConfigurationSupported: bool,
  advertiseDefaultRoute: bool,
  routerDiscoveryBehavior: z.enum(['disabled', 'enabled', 'dhcp', 'unchanged']),
  dadTransmits: u32,
  baseReachableTime: u32,
  retransmitTime: u32,
  pathMtuDiscoveryTimeout: u32,
  linkLocalAddressBehavior: z.enum(['always-off', 'delayed', 'always-on', 'unchanged']),
  linkLocalAddressTimeout: u32,
  zoneIndices: zoneIndicesSchema,
  sitePrefixLength: u32,
  metric: u32,
  nlMtu: u32,
  connected: bool,
  supportsWakeUpPatterns: bool,
  supportsNeighborDiscovery: bool,
  supportsRouterDiscovery: bool,
  reachableTime: u32,
  transmitOffload: offloadSchema,
  receiveOffload: offloadSchema,
  disableDefaultRoutes: bool,
};

/** One MIB_IPINTERFACE_ROW, keys in header order. */
export const ipInterfaceRowSchema = z
  .object(rowShape)
  .check((ctx) => {
    const row = ctx.value;
    // Named reads first (fast, monomorphic); the keyed loop only runs to report a failure.
    if (
      isUint32(row.interfaceIndex) &&
      isUint32(row.maxReassemblySize) &&
      isUint32(row.minRouterAdvertisementInterval) &&
      isUint32(row.maxRouterAdvertisementInterval) &&
      isUint32(row.dadTransmits) &&
      isUint32(row.baseReachableTime) &&
      isUint32(row.retransmitTime) &&
      isUint32(row.pathMtuDiscoveryTimeout) &&
      isUint32(row.linkLocalAddressTimeout) &&
      isUint32(row.sitePrefixLength) &&
      isUint32(row.metric) &&
      isUint32(row.nlMtu) &&
      isUint32(row.reachableTime) &&
      isUint64(row.interfaceLuid) &&
      isUint64(row.interfaceIdentifier)
    ) {
      return;
    }
    for (const key of UINT32_KEYS) {
      const value = row[key];
      if (!isUint32(value)) {
        ctx.issues.push({ code: 'custom', message: 'Expected an unsigned 32-bit integer (ULONG)', input: value, path: [key] });
      }
    }
    for (const key of UINT64_KEYS) {
      const value = row[key];
      if (!isUint64(value)) {
        ctx.issues.push({ code: 'custom', message: 'Expected an unsigned 64-bit bigint (ULONG64)', input: value, path: [key] });
      }
    }
  });

export type IpInterfaceRow = z.infer<typeof ipInterfaceRowSchema>;

/**
 * The part of the row schema that bytes can violate. The decoder builds every
 * other field with a type that cannot fail the schema (getUint32 gives a ULONG,
 * getBigUint64 a ULONG64, `!== 0` a boolean, 16 reads the ZoneIndices, a mask of
 * one byte the offload flags); only ADDRESS_FAMILY and the two enums can hold a
 * value with no meaning. Decoded rows are validated with this schema, built from
 * the same zod nodes as `ipInterfaceRowSchema`; test/schema.test.ts holds both
 * to the same verdict on decoded random bytes.
 */
export const decodedRowSchema = z.object({
  family: rowShape.family,
  routerDiscoveryBehavior: rowShape.routerDiscoveryBehavior,
  linkLocalAddressBehavior: rowShape.linkLocalAddressBehavior,
});
