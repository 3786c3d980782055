import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { ipInterfaceRowSchema, offloadSchema, type IpInterfaceRow } from '../src/index.js';
import { decodedRowSchema, decodeIpInterfaceTableUnchecked, ipInterfaceLayout } from '../src/tables/ip-interfaces.js';
import { reviveRow, tableJson } from './helpers.js';

/**
 * The straightforward spelling of the row schema, one zod node per value. The
 * exported schema is hand-tuned for speed; it must accept and reject exactly
 * what this one does.
 */
const u32 = z.uint32();
const offload = z.object({
  nlChecksumSupported: z.boolean(), nlOptionsSupported: z.boolean(), tlDatagramChecksumSupported: z.boolean(),
  tlStreamChecksumSupported: z.boolean(), tlStreamOptionsSupported: z.boolean(), fastPathCompatible: z.boolean(),
  tlLargeSendOffloadSupported: z.boolean(), tlGiantSendOffloadSupported: z.boolean(),
});
const referenceSchema = z.object({
  family: z.enum(['ipv4', 'ipv6']), interfaceLuid: z.uint64(), interfaceIndex: u32, maxReassemblySize: u32,
  interfaceIdentifier: z.uint64(), minRouterAdvertisementInterval: u32, maxRouterAdvertisementInterval: u32,
  advertisingEnabled: z.boolean(), forwardingEnabled: z.boolean(), weakHostSend: z.boolean(), weakHostReceive: z.boolean(),
  useAutomaticMetric: z.boolean(), useNeighborUnreachabilityDetection: z.boolean(),
  managedAddressConfigurationSupported: z.boolean(), otherStatefulConfigurationSupported: z.boolean(),
  advertiseDefaultRoute: z.boolean(), routerDiscoveryBehavior: z.enum(['disabled', 'enabled', 'dhcp', 'unchanged']),
  dadTransmits: u32, baseReachableTime: u32, retransmitTime: u32, pathMtuDiscoveryTimeout: u32,
  linkLocalAddressBehavior: z.enum(['always-off', 'delayed', 'always-on', 'unchanged']), linkLocalAddressTimeout: u32,
  zoneIndices: z.array(u32).length(16), sitePrefixLength: u32, metric: u32, nlMtu: u32, connected: z.boolean(),
  supportsWakeUpPatterns: z.boolean(), supportsNeighborDiscovery: z.boolean(), supportsRouterDiscovery: z.boolean(),
  reachableTime: u32, transmitOffload: offload, receiveOffload: offload, disableDefaultRoutes: z.boolean(),
});

const cRows = [...tableJson('realistic').rows!, ...tableJson('extremes').rows!].map(reviveRow);
const base = cRows[0]!;

/** Mutations of a valid row: [description, patch]. */
const mutations: [string, Record<string, unknown>][] = [
  ['nlMtu -1', { nlMtu: -1 }],
  ['nlMtu 2^32', { nlMtu: 2 ** 32 }],
  ['metric 1.5', { metric: 1.5 }],
  ['metric NaN', { metric: Number.NaN }],
  ['metric Infinity', { metric: Number.POSITIVE_INFINITY }],
  ['metric as string', { metric: '5' }],
  ['interfaceIndex as bigint', { interfaceIndex: 5n }],
  ['reachableTime missing', { reachableTime: undefined }],
  ['interfaceLuid -1n', { interfaceLuid: -1n }],
  ['interfaceLuid 2^64', { interfaceLuid: 2n ** 64n }],
  ['interfaceLuid as number', { interfaceLuid: 5 }],
  ['interfaceIdentifier as string', { interfaceIdentifier: '5' }],
  ['family ipv5', { family: 'ipv5' }],
  ['family 23', { family: 23 }],
  ['routerDiscoveryBehavior 9', { routerDiscoveryBehavior: 9 }],
  ['linkLocalAddressBehavior bogus', { linkLocalAddressBehavior: 'bogus' }],
  ['connected 1', { connected: 1 }],
  ['zoneIndices of 15', { zoneIndices: Array(15).fill(0) }],
  ['zoneIndices of 17', { zoneIndices: Array(17).fill(0) }],
  ['zoneIndices with -1', { zoneIndices: [...Array(15).fill(0), -1] }],
  ['zoneIndices with 2^32', { zoneIndices: [2 ** 32, ...Array(15).fill(0)] }],
  ['zoneIndices with a string', { zoneIndices: ['1', ...Array(15).fill(0)] }],
  ['zoneIndices as object', { zoneIndices: { length: 16 } }],
  ['transmitOffload missing a flag', { transmitOffload: { ...(base.transmitOffload as object), fastPathCompatible: undefined } }],
  ['receiveOffload flag as 1', { receiveOffload: { ...(base.receiveOffload as object), nlChecksumSupported: 1 } }],
  ['receiveOffload null', { receiveOffload: null }],
  ['edge: metric 0', { metric: 0 }],
  ['edge: metric 2^32-1', { metric: 2 ** 32 - 1 }],
  ['edge: luid 2^64-1', { interfaceLuid: 2n ** 64n - 1n }],
  ['edge: zone all max', { zoneIndices: Array(16).fill(2 ** 32 - 1) }],
  ['edge: extra key is stripped', { somethingElse: 1 }],
];

describe('ipInterfaceRowSchema', () => {
  it('accepts every row the C program printed', () => {
    for (const row of cRows) {
      expect(ipInterfaceRowSchema.safeParse(row).success).toBe(true);
      expect(referenceSchema.safeParse(row).success).toBe(true);
    }
  });

  it.each(mutations)('agrees with the one-node-per-value reference schema: %s', (_name, patch) => {
    const row = { ...base, ...patch };
    const lean = ipInterfaceRowSchema.safeParse(row);
    const reference = referenceSchema.safeParse(row);
    expect(lean.success).toBe(reference.success);
    if (!lean.success && !reference.success) {
      // Same field to blame (the reference may also name an element inside it).
      expect(lean.error.issues[0]?.path[0]).toBe(reference.error.issues[0]?.path[0]);
    }
    if (lean.success) expect(Object.keys(lean.data)).toEqual(Object.keys(referenceSchema.parse(row)));
  });

  it('rejects what the reference rejects (sanity: most mutations are invalid)', () => {
    const rejected = mutations.filter(([, patch]) => !referenceSchema.safeParse({ ...base, ...patch }).success);
    expect(rejected.length).toBe(mutations.filter(([name]) => !name.startsWith('edge:')).length);
  });

  it('offloadSchema accepts eight booleans and nothing less', () => {
    expect(offloadSchema.safeParse(base.transmitOffload).success).toBe(true);
    expect(offloadSchema.safeParse({}).success).toBe(false);
  });

  it('infers the row type from the schema', () => {
    expectTypeOf<IpInterfaceRow>().toEqualTypeOf<z.infer<typeof ipInterfaceRowSchema>>();
    expectTypeOf<IpInterfaceRow['family']>().toEqualTypeOf<'ipv4' | 'ipv6'>();
    expectTypeOf<IpInterfaceRow['interfaceLuid']>().toEqualTypeOf<bigint>();
    expectTypeOf<IpInterfaceRow['nlMtu']>().toEqualTypeOf<number>();
    expectTypeOf<IpInterfaceRow['routerDiscoveryBehavior']>().toEqualTypeOf<'disabled' | 'enabled' | 'dhcp' | 'unchanged'>();
    expectTypeOf<IpInterfaceRow['linkLocalAddressBehavior']>().toEqualTypeOf<'always-off' | 'delayed' | 'always-on' | 'unchanged'>();
    expectTypeOf<IpInterfaceRow['zoneIndices']>().toEqualTypeOf<number[]>();
    expectTypeOf<IpInterfaceRow['transmitOffload']['tlGiantSendOffloadSupported']>().toEqualTypeOf<boolean>();
    expectTypeOf<keyof IpInterfaceRow>().toEqualTypeOf<keyof z.infer<typeof referenceSchema>>();
  });
});

describe('decoded rows: the decoder-side schema agrees with the full schema', () => {
  it('on 3,000 rows of random bytes, decodedRowSchema and ipInterfaceRowSchema give the same verdict', () => {
    let seed = 0x9e3779b9;
    const random = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    const { rowSize, firstRowOffset, offsets } = ipInterfaceLayout();
    const count = 3000;
    const bytes = new Uint8Array(firstRowOffset + count * rowSize);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < bytes.length; i++) bytes[i] = random() & 0xff;
    view.setUint32(0, count, true);
    for (let r = 0; r < count; r++) {
      const base = firstRowOffset + r * rowSize;
      // Mostly meaningful values, sometimes not, so both verdicts occur.
      if (random() % 4 !== 0) view.setUint16(base + offsets.Family, random() % 2 ? 2 : 23, true);
      if (random() % 4 !== 0) view.setInt32(base + offsets.RouterDiscoveryBehavior, (random() % 4) - 1, true);
      if (random() % 4 !== 0) view.setInt32(base + offsets.LinkLocalAddressBehavior, (random() % 4) - 1, true);
    }
    const rows = decodeIpInterfaceTableUnchecked(bytes);
    let accepted = 0;
    for (const row of rows) {
      const full = ipInterfaceRowSchema.safeParse(row).success;
      expect(decodedRowSchema.safeParse(row).success).toBe(full);
      if (full) accepted++;
    }
    expect(accepted).toBeGreaterThan(500);
    expect(accepted).toBeLessThan(count - 500);
  });
});
