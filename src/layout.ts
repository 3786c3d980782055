/**
 * The one declaration of MIB_IPINTERFACE_ROW and MIB_IPINTERFACE_TABLE.
 *
 * Field order, C types and alignments follow netioapi.h; every offset, the row
 * stride and the first-row offset are read back from koffi's struct types
 * (koffi.offsetof / sizeof / alignof), never typed in a second time. The
 * decoder uses the numbers this module derives; nothing else touches koffi
 * types. Alignments are explicit so the layout is the Windows one whatever the
 * host's C ABI (i386 System V aligns 64-bit members to 4, Windows to 8).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_row
 */
import { loadKoffi, type Koffi, type KoffiType } from './native.js';
import { SCOPE_LEVEL_COUNT } from './schema.js';

/** How the decoder turns a field's bytes into a JS value. */
export type FieldKind =
  | 'family' // ADDRESS_FAMILY (USHORT): AF_INET / AF_INET6
  | 'u64' // ULONG64 / NET_LUID: bigint
  | 'u32' // ULONG / NET_IFINDEX: unsigned number
  | 'bool' // BOOLEAN: one byte, true when non-zero
  | 'routerDiscovery' // NL_ROUTER_DISCOVERY_BEHAVIOR: signed 32-bit enum
  | 'linkLocal' // NL_LINK_LOCAL_ADDRESS_BEHAVIOR: signed 32-bit enum
  | 'zoneIndices' // ULONG[ScopeLevelCount]
  | 'offload'; // NL_INTERFACE_OFFLOAD_ROD: one byte of eight 1-bit flags

type FieldSpec = readonly [cName: string, key: string, kind: FieldKind];

/** MIB_IPINTERFACE_ROW, all 35 fields in header order: C name, JS key, decode kind. */
export const ROW_FIELDS = [
  ['Family', 'family', 'family'],
  ['InterfaceLuid', 'interfaceLuid', 'u64'],
  ['InterfaceIndex', 'interfaceIndex', 'u32'],
  ['MaxReassemblySize', 'maxReassemblySize', 'u32'],
  ['InterfaceIdentifier', 'interfaceIdentifier', 'u64'],
  ['MinRouterAdvertisementInterval', 'minRouterAdvertisementInterval', 'u32'],
  ['MaxRouterAdvertisementInterval', 'maxRouterAdvertisementInterval', 'u32'],
  ['AdvertisingEnabled', 'advertisingEnabled', 'bool'],
  ['ForwardingEnabled', 'forwardingEnabled', 'bool'],
  ['WeakHostSend', 'weakHostSend', 'bool'],
  ['WeakHostReceive', 'weakHostReceive', 'bool'],
  ['UseAutomaticMetric', 'useAutomaticMetric', 'bool'],
  ['UseNeighborUnreachabilityDetection', 'useNeighborUnreachabilityDetection', 'bool'],
  ['ManagedAddressConfigurationSupported', 'managedAddressConfigurationSupported', 'bool'],
  ['OtherStatefulConfigurationSupported', 'otherStatefulConfigurationSupported', 'bool'],
  ['AdvertiseDefaultRoute', 'advertiseDefaultRoute', 'bool'],
  ['RouterDiscoveryBehavior', 'routerDiscoveryBehavior', 'routerDiscovery'],
  ['DadTransmits', 'dadTransmits', 'u32'],
  ['BaseReachableTime', 'baseReachableTime', 'u32'],
  ['RetransmitTime', 'retransmitTime', 'u32'],
  ['PathMtuDiscoveryTimeout', 'pathMtuDiscoveryTimeout', 'u32'],
  ['LinkLocalAddressBehavior', 'linkLocalAddressBehavior', 'linkLocal'],
  ['LinkLocalAddressTimeout', 'linkLocalAddressTimeout', 'u32'],
  ['ZoneIndices', 'zoneIndices', 'zoneIndices'],
  ['SitePrefixLength', 'sitePrefixLength', 'u32'],
  ['Metric', 'metric', 'u32'],
  ['NlMtu', 'nlMtu', 'u32'],
  ['Connected', 'connected', 'bool'],
  ['SupportsWakeUpPatterns', 'supportsWakeUpPatterns', 'bool'],
  ['SupportsNeighborDiscovery', 'supportsNeighborDiscovery', 'bool'],
  ['SupportsRouterDiscovery', 'supportsRouterDiscovery', 'bool'],
  ['ReachableTime', 'reachableTime', 'u32'],
  ['TransmitOffload', 'transmitOffload', 'offload'],
  ['ReceiveOffload', 'receiveOffload', 'offload'],
  ['DisableDefaultRoutes', 'disableDefaultRoutes', 'bool'],
] as const satisfies readonly FieldSpec[];

export type RowCName = (typeof ROW_FIELDS)[number][0];
export type RowKey = (typeof ROW_FIELDS)[number][1];

/** The Windows C type of each kind, with its Windows alignment, for koffi. */
function koffiMember(koffi: Koffi, kind: FieldKind): [number, KoffiType | string] {
  switch (kind) {
    case 'family':
      return [2, 'uint16_t']; // USHORT
    case 'u64':
      return [8, 'uint64_t']; // ULONG64, NET_LUID (a union whose Value is ULONG64)
    case 'u32':
      return [4, 'uint32_t']; // ULONG
    case 'bool':
    case 'offload':
      return [1, 'uint8_t']; // BOOLEAN; NL_INTERFACE_OFFLOAD_ROD (8 bitfields in a byte)
    case 'routerDiscovery':
    case 'linkLocal':
      return [4, 'int32_t']; // C enums are signed int on Windows
    case 'zoneIndices':
      return [4, koffi.array('uint32_t', SCOPE_LEVEL_COUNT)]; // ULONG[ScopeLevelCount]
  }
}

/** A field with the offset and size koffi computed for it. */
export interface FieldLayout {
  readonly cName: RowCName;
  readonly key: RowKey;
  readonly kind: FieldKind;
  readonly offset: number;
  readonly size: number;
}

/** Everything the decoder needs to know about the bytes, derived from one declaration. */
export interface IpInterfaceLayout {
  /** sizeof(MIB_IPINTERFACE_ROW): the stride between rows. */
  readonly rowSize: number;
  /** alignof(MIB_IPINTERFACE_ROW). */
  readonly rowAlignment: number;
  /** offsetof(MIB_IPINTERFACE_TABLE, NumEntries). */
  readonly numEntriesOffset: number;
  /** offsetof(MIB_IPINTERFACE_TABLE, Table): where the first row starts. */
  readonly firstRowOffset: number;
  /** The 35 fields in header order. */
  readonly fields: readonly FieldLayout[];
  /** offsetof(MIB_IPINTERFACE_ROW, field) by C name. */
  readonly offsets: Readonly<Record<RowCName, number>>;
}

/** The koffi types, for the native calls. */
export interface IpInterfaceKoffiTypes {
  readonly row: KoffiType;
  readonly table: KoffiType;
}

let types: IpInterfaceKoffiTypes | undefined;
let layout: IpInterfaceLayout | undefined;

/**
 * The koffi struct types for MIB_IPINTERFACE_ROW and MIB_IPINTERFACE_TABLE,
 * declared on first use. They are anonymous: koffi type names are global, and
 * an application may declare its own MIB_IPINTERFACE_ROW.
 */
export function ipInterfaceKoffiTypes(): IpInterfaceKoffiTypes {
  if (types) return types;
  const koffi = loadKoffi();
  const members: Record<string, [number, KoffiType | string]> = {};
  for (const [cName, , kind] of ROW_FIELDS) members[cName] = koffiMember(koffi, kind);
  const row = koffi.struct(members);
  // ANY_SIZE is 1 in the header: Table[1] fixes the offset of the first row.
  const table = koffi.struct({ NumEntries: [4, 'uint32_t'], Table: [koffi.alignof(row), koffi.array(row, 1)] });
  types = { row, table };
  return types;
}

/**
 * Returns the layout of MIB_IPINTERFACE_ROW and MIB_IPINTERFACE_TABLE as koffi computes it from the declaration above.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_table
 */
export function ipInterfaceLayout(): IpInterfaceLayout {
  if (layout) return layout;
  const koffi = loadKoffi();
  const { row, table } = ipInterfaceKoffiTypes();
  const offsets = {} as Record<RowCName, number>;
  const fields = ROW_FIELDS.map(([cName, key, kind]): FieldLayout => {
    const offset = koffi.offsetof(row, cName);
    offsets[cName] = offset;
    const member = row.members?.[cName];
    if (!member) throw new Error(`koffi lost member ${cName} of MIB_IPINTERFACE_ROW`);
    return Object.freeze({ cName, key, kind, offset, size: member.type.size });
  });
  layout = Object.freeze({
    rowSize: koffi.sizeof(row),
    rowAlignment: koffi.alignof(row),
    numEntriesOffset: koffi.offsetof(table, 'NumEntries'),
    firstRowOffset: koffi.offsetof(table, 'Table'),
    fields: Object.freeze(fields),
    offsets: Object.freeze(offsets),
  });
  return layout;
}
