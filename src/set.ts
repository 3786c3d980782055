/**
 * Changing interface settings: read the current row (GetIpInterfaceEntry),
 * change only the fields the caller named, write it back (SetIpInterfaceEntry),
 * read it again. Like Set-NetIPInterface, from Node.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-setipinterfaceentry
 */
import type { z } from 'zod';
import { lazy, zod } from './lazy.js';
import { decodeIpInterfaceRow } from './decode.js';
import { checkKey, keyedRow, type IpInterfaceKey } from './entry.js';
import { describeValue } from './errors.js';
import { ipInterfaceLayout, type RowCName } from './layout.js';
import { call, callAsync, GetIpInterfaceEntry, SetIpInterfaceEntry } from './functions.js';
import { assertWindows, checkStatus as check } from './native.js';
import {
  AF_INET,
  LINK_LOCAL_ADDRESS_BEHAVIOR,
  ROUTER_DISCOVERY_BEHAVIOR,
  type IpInterfaceRow,
} from './schema.js';

const u32 = () => zod().int().min(0).max(0xffff_ffff);

/**
 * The fields setIpInterface writes, and what each accepts. Unknown keys are
 * rejected. These are the members SetIpInterfaceEntry applies and
 * Set-NetIPInterface exposes; the rest of the row (the key, MaxReassemblySize,
 * InterfaceIdentifier, the router-advertisement intervals, Connected, the
 * Supports* flags, ReachableTime, ZoneIndices, the offload flags) is reported
 * state, written back as read.
 */
export const ipInterfaceChangesSchema = lazy(() =>
  zod().strictObject({
  /** A fixed metric (UseAutomaticMetric becomes false), or 'automatic' (UseAutomaticMetric true). */
  metric: zod().union([u32(), zod().literal('automatic')], { error: "expected an integer from 0 to 4294967295 or 'automatic'" }).optional(),
  /** Network-layer MTU in bytes: at least 576 for IPv4 and 1280 for IPv6 (checked against the family). */
  nlMtu: u32().optional(),
  forwardingEnabled: zod().boolean().optional(),
  advertisingEnabled: zod().boolean().optional(),
  advertiseDefaultRoute: zod().boolean().optional(),
  managedAddressConfigurationSupported: zod().boolean().optional(),
  otherStatefulConfigurationSupported: zod().boolean().optional(),
  weakHostSend: zod().boolean().optional(),
  weakHostReceive: zod().boolean().optional(),
  useNeighborUnreachabilityDetection: zod().boolean().optional(),
  routerDiscoveryBehavior: zod().enum(['disabled', 'enabled', 'dhcp']).optional(),
  dadTransmits: u32().optional(),
  /** Milliseconds. */
  baseReachableTime: u32().optional(),
  /** Milliseconds. */
  retransmitTime: u32().optional(),
  /** Milliseconds. */
  pathMtuDiscoveryTimeout: u32().optional(),
  linkLocalAddressBehavior: zod().enum(['always-off', 'delayed', 'always-on']).optional(),
  /** Milliseconds. */
  linkLocalAddressTimeout: u32().optional(),
  disableDefaultRoutes: zod().boolean().optional(),
  }),
);

export type IpInterfaceChanges = z.input<typeof ipInterfaceChangesSchema>;

/** The smallest MTU each family allows (RFC 791 reassembly minimum, RFC 8200 link MTU). */
const MIN_MTU = { ipv4: 576, ipv6: 1280 } as const;

/** Validates `changes` for a family; a TypeError naming the field and the value for anything wrong. */
export function checkChanges(changes: unknown, family: 'ipv4' | 'ipv6'): z.output<typeof ipInterfaceChangesSchema> {
  if (changes === null || typeof changes !== 'object' || Array.isArray(changes)) {
    throw new TypeError(`Expected \`changes\` to be an object of settings to change, got ${describeValue(changes)}`);
  }
  const result = ipInterfaceChangesSchema.safeParse(changes);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') {
      throw new TypeError(`\`changes\` has ${issue.keys.length === 1 ? 'a field' : 'fields'} that cannot be set: ${issue.keys.map((k) => `\`${k}\``).join(', ')}`);
    }
    const field = String(issue.path[0]);
    throw new TypeError(`Invalid \`changes.${field}\`: ${issue.message}, got ${describeValue((changes as Record<string, unknown>)[field])}`);
  }
  const value = result.data;
  if (Object.values(value).every((v) => v === undefined)) throw new TypeError('Expected `changes` to name at least one setting to change');
  if (value.nlMtu !== undefined && value.nlMtu < MIN_MTU[family]) {
    throw new TypeError(`Invalid \`changes.nlMtu\`: ${family === 'ipv4' ? 'IPv4' : 'IPv6'} needs at least ${MIN_MTU[family]} bytes, got ${describeValue(value.nlMtu)}`);
  }
  return value;
}

type Writer = (row: Buffer, offset: number, value: unknown) => void;
const bool: Writer = (row, offset, value) => row.writeUInt8(value ? 1 : 0, offset);
const ulong: Writer = (row, offset, value) => row.writeUInt32LE(value as number, offset);

/** Each settable key: the C member it is written to, and how. */
const WRITES: Readonly<Record<string, readonly [RowCName, Writer]>> = {
  nlMtu: ['NlMtu', ulong],
  forwardingEnabled: ['ForwardingEnabled', bool],
  advertisingEnabled: ['AdvertisingEnabled', bool],
  advertiseDefaultRoute: ['AdvertiseDefaultRoute', bool],
  managedAddressConfigurationSupported: ['ManagedAddressConfigurationSupported', bool],
  otherStatefulConfigurationSupported: ['OtherStatefulConfigurationSupported', bool],
  weakHostSend: ['WeakHostSend', bool],
  weakHostReceive: ['WeakHostReceive', bool],
  useNeighborUnreachabilityDetection: ['UseNeighborUnreachabilityDetection', bool],
  routerDiscoveryBehavior: ['RouterDiscoveryBehavior', (row, offset, value) => row.writeInt32LE(ROUTER_DISCOVERY_BEHAVIOR[value as keyof typeof ROUTER_DISCOVERY_BEHAVIOR], offset)],
  dadTransmits: ['DadTransmits', ulong],
  baseReachableTime: ['BaseReachableTime', ulong],
  retransmitTime: ['RetransmitTime', ulong],
  pathMtuDiscoveryTimeout: ['PathMtuDiscoveryTimeout', ulong],
  linkLocalAddressBehavior: ['LinkLocalAddressBehavior', (row, offset, value) => row.writeInt32LE(LINK_LOCAL_ADDRESS_BEHAVIOR[value as keyof typeof LINK_LOCAL_ADDRESS_BEHAVIOR], offset)],
  linkLocalAddressTimeout: ['LinkLocalAddressTimeout', ulong],
  disableDefaultRoutes: ['DisableDefaultRoutes', bool],
};

/**
 * Applies the changes to the row bytes GetIpInterfaceEntry returned, in place,
 * and clamps SitePrefixLength as SetIpInterfaceEntry needs (0 for IPv4 above 32,
 * 128 for IPv6 above 128: Windows reports such values but refuses them back).
 */
export function applyChanges(row: Buffer, family: 'ipv4' | 'ipv6', changes: z.output<typeof ipInterfaceChangesSchema>): void {
  const o = ipInterfaceLayout().offsets;
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (key === 'metric') {
      if (value === 'automatic') {
        row.writeUInt8(1, o.UseAutomaticMetric);
      } else {
        row.writeUInt8(0, o.UseAutomaticMetric);
        row.writeUInt32LE(value as number, o.Metric);
      }
      continue;
    }
    const [member, write] = WRITES[key]!;
    write(row, o[member], value);
  }
  const prefix = row.readUInt32LE(o.SitePrefixLength);
  if (family === 'ipv4' && prefix > 32) row.writeUInt32LE(0, o.SitePrefixLength);
  if (family === 'ipv6' && prefix > 128) row.writeUInt32LE(128, o.SitePrefixLength);
}

/** The row before and after the write, as read from the system. */
export interface SetIpInterfaceResult {
  readonly before: IpInterfaceRow;
  readonly after: IpInterfaceRow;
}

function prepare(key: IpInterfaceKey, changes: unknown) {
  const checked = checkKey(key);
  const family = checked.af === AF_INET ? 'ipv4' : 'ipv6';
  const valid = checkChanges(changes, family);
  assertWindows('SetIpInterfaceEntry');
  return { checked, family, valid } as const;
}

/**
 * Changes the named settings of one interface and family (read, modify, write),
 * and returns the row before and after. Needs administrator rights:
 * `ERROR_ACCESS_DENIED` otherwise. Invalid changes are rejected before any call.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-setipinterfaceentry
 */
export function setIpInterface(key: IpInterfaceKey, changes: IpInterfaceChanges): SetIpInterfaceResult {
  const { checked, family, valid } = prepare(key, changes);
  const row = keyedRow(checked);
  check('GetIpInterfaceEntry', call(GetIpInterfaceEntry, row) as number);
  const before = decodeIpInterfaceRow(row);
  applyChanges(row, family, valid);
  check('SetIpInterfaceEntry', call(SetIpInterfaceEntry, row) as number);
  const again = keyedRow(checked);
  check('GetIpInterfaceEntry', call(GetIpInterfaceEntry, again) as number);
  return { before, after: decodeIpInterfaceRow(again) };
}

/**
 * Like setIpInterface, with each native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-setipinterfaceentry
 */
export async function setIpInterfaceAsync(key: IpInterfaceKey, changes: IpInterfaceChanges): Promise<SetIpInterfaceResult> {
  const { checked, family, valid } = prepare(key, changes);
  const row = keyedRow(checked);
  check('GetIpInterfaceEntry', await callAsync(GetIpInterfaceEntry, row));
  const before = decodeIpInterfaceRow(row);
  applyChanges(row, family, valid);
  check('SetIpInterfaceEntry', await callAsync(SetIpInterfaceEntry, row));
  const again = keyedRow(checked);
  check('GetIpInterfaceEntry', await callAsync(GetIpInterfaceEntry, again));
  return { before, after: decodeIpInterfaceRow(again) };
}
