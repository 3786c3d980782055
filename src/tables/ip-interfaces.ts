/**
 * The IP interface table: GetIpInterfaceTable and GetIpInterfaceEntry
 * (MIB_IPINTERFACE_ROW), what Get-NetIPInterface shows — MTU, metric,
 * forwarding, router discovery per interface and family — declared once.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
import type { z } from 'zod';
import type { FamilyOption } from '../family.js';
import { GetIpInterfaceEntry, GetIpInterfaceTable, InitializeIpInterfaceEntry, NotifyIpInterfaceChange, SetIpInterfaceEntry } from '../functions.js';
import { lazy } from '../lazy.js';
import type { ValueOf } from '../struct/ctypes.js';
import { readTable } from '../struct/define.js';
import { kindSchema } from '../struct/schema.js';
import type { BaseKind, FieldLayoutOf, StructLayoutOf } from '../struct/ctypes.js';
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
} from '../structs/mib-ipinterface-row.js';
import { defineTable } from '../table/define.js';
import { familyText } from '../view/format.js';

export { AF_UNSPEC, AF_INET, AF_INET6, ROUTER_DISCOVERY_BEHAVIOR, LINK_LOCAL_ADDRESS_BEHAVIOR, SCOPE_LEVEL_COUNT, OFFLOAD_FLAG_KEYS };

export type IpFamily = 'ipv4' | 'ipv6';
export type RouterDiscoveryBehavior = keyof typeof ROUTER_DISCOVERY_BEHAVIOR;
export type LinkLocalAddressBehavior = keyof typeof LINK_LOCAL_ADDRESS_BEHAVIOR;

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

/** Which row: a family and either an interface index or a LUID. */
export type IpInterfaceKey =
  | { readonly family: 'ipv4' | 'ipv6' | typeof AF_INET | typeof AF_INET6; readonly index: number; readonly luid?: undefined }
  | { readonly family: 'ipv4' | 'ipv6' | typeof AF_INET | typeof AF_INET6; readonly luid: bigint; readonly index?: undefined };

/**
 * The members setIpInterface writes (SetIpInterfaceEntry applies them; Set-NetIPInterface exposes
 * them), besides `metric`. The rest of the row — the key, MaxReassemblySize, InterfaceIdentifier, the
 * router-advertisement intervals, Connected, the Supports* flags, ReachableTime, ZoneIndices, the
 * offload flags — is reported state, written back as read.
 */
export const SETTABLE = [
  'nlMtu',
  'forwardingEnabled',
  'advertisingEnabled',
  'advertiseDefaultRoute',
  'managedAddressConfigurationSupported',
  'otherStatefulConfigurationSupported',
  'weakHostSend',
  'weakHostReceive',
  'useNeighborUnreachabilityDetection',
  'routerDiscoveryBehavior',
  'dadTransmits',
  'baseReachableTime',
  'retransmitTime',
  'pathMtuDiscoveryTimeout',
  'linkLocalAddressBehavior',
  'linkLocalAddressTimeout',
  'disableDefaultRoutes',
] as const;

export const IP_INTERFACES = defineTable({
  name: 'ipInterfaces',
  title: 'interface',
  summary: 'Per-interface IP settings, one row per interface and family: MTU, metric, forwarding, router discovery, DAD.',
  struct: MIB_IPINTERFACE_ROW,
  // 'all' is one AF_UNSPEC call: GetIpInterfaceTable answers it for both families.
  get: { fn: GetIpInterfaceTable, family: 'unspec' },
  family: 'family',
  key: ['family', 'interfaceLuid', 'interfaceIndex'],
  entry: {
    fn: GetIpInterfaceEntry,
    initialize: InitializeIpInterfaceEntry,
    input: {
      t: 'object',
      example: "{ family: 'ipv4', index: 12 } or { family: 'ipv6', luid: 1688849877041152n }",
      parts: [{ t: 'family' }, { t: 'interface', index: 'index', luid: 'luid' }],
    },
  },
  notify: NotifyIpInterfaceChange,
  set: { fn: SetIpInterfaceEntry, members: SETTABLE },
  capture: 'rows',
  view: {
    command: 'interfaces',
    cmdlet: 'Get-NetIPInterface',
    help: 'per-interface IP settings: MTU, metric, connection, forwarding, router discovery',
    extras: ['adapter'],
    columns: [
      { field: 'interfaceIndex', header: 'ifIndex', cell: (r) => String(r.interfaceIndex) },
      { field: 'alias', header: 'InterfaceAlias', cell: (r) => r.alias ?? '' },
      { field: 'family', header: 'AddressFamily', cell: (r) => familyText(r.family) },
      { field: 'nlMtu', header: 'NlMtu(Bytes)', cell: (r) => String(r.nlMtu) },
      { field: 'metric', header: 'InterfaceMetric', cell: (r) => `${r.metric}${r.useAutomaticMetric ? ' (auto)' : ''}` },
      { field: 'connected', header: 'ConnectionState', cell: (r) => (r.connected ? 'Connected' : 'Disconnected') },
      { field: 'forwardingEnabled', header: 'Forwarding', cell: (r) => (r.forwardingEnabled ? 'Enabled' : 'Disabled') },
      { field: 'routerDiscoveryBehavior', header: 'RouterDiscovery', cell: (r) => r.routerDiscoveryBehavior },
      { field: 'dadTransmits', header: 'DadTransmits', cell: (r) => String(r.dadTransmits) },
    ],
    sort: (r) => [r.interfaceIndex, r.family],
    alarm: ['Disconnected'],
    watchLine: (c) => (c.row ? ` NlMtu=${c.row.nlMtu} metric=${c.row.metric} ${c.row.connected ? 'Connected' : 'Disconnected'}` : ''),
  },
  docs: {
    get: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable',
    entry: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfaceentry',
    notify: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-notifyipinterfacechange',
    table: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_table',
  },
  api: {
    get: 'getIpInterfaceTable',
    getAsync: 'getIpInterfaceTableAsync',
    entry: 'getIpInterfaceEntry',
    entryAsync: 'getIpInterfaceEntryAsync',
    decode: 'decodeIpInterfaceTable',
    decodeRow: 'decodeIpInterfaceRow',
    schema: 'ipInterfaceRowSchema',
    watch: 'watchIpInterfaces',
    watcher: 'IpInterfaceWatcher',
    row: 'IpInterfaceRow',
  },
});

/**
 * Retrieves the IP interface table (one row per interface and family) and
 * returns it as validated rows. No entries for the family (ERROR_NOT_FOUND) is
 * an empty array, not an error.
 *
 * @param family `'ipv4' | 'ipv6' | 'all'` (default) or AF_INET / AF_INET6 / AF_UNSPEC.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export const getIpInterfaceTable: (family?: FamilyOption) => IpInterfaceRow[] = IP_INTERFACES.get;

/**
 * Like getIpInterfaceTable, but the native call runs on a worker thread, so the
 * event loop (an Electron main process) never blocks on it.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export const getIpInterfaceTableAsync: (family?: FamilyOption) => Promise<IpInterfaceRow[]> = IP_INTERFACES.getAsync;

/**
 * Retrieves one interface's settings for one family as a validated row. Unlike
 * the table, "not found" is an error here: `ERROR_NOT_FOUND` (the family is not
 * enabled on that interface) or `ERROR_FILE_NOT_FOUND` (no such interface).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfaceentry
 */
export const getIpInterfaceEntry: (key: IpInterfaceKey) => IpInterfaceRow = IP_INTERFACES.entry;

/**
 * Like getIpInterfaceEntry, with the native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfaceentry
 */
export const getIpInterfaceEntryAsync: (key: IpInterfaceKey) => Promise<IpInterfaceRow> = IP_INTERFACES.entryAsync;

/**
 * Decodes the raw bytes of a MIB_IPINTERFACE_TABLE (as GetIpInterfaceTable
 * returns them) into validated rows, walking rows by stride.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_table
 */
export const decodeIpInterfaceTable: (bytes: Uint8Array | ArrayBuffer) => IpInterfaceRow[] = IP_INTERFACES.decode;

/**
 * Decodes one MIB_IPINTERFACE_ROW (as GetIpInterfaceEntry fills it) into a validated row.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_row
 */
export const decodeIpInterfaceRow: (bytes: Uint8Array | ArrayBuffer) => IpInterfaceRow = IP_INTERFACES.decodeRow;

/** A row as read, before validation: unknown enum or family values are left as raw numbers. */
export type UncheckedRow = Omit<IpInterfaceRow, 'family' | 'routerDiscoveryBehavior' | 'linkLocalAddressBehavior'> & {
  family: IpInterfaceRow['family'] | number;
  routerDiscoveryBehavior: IpInterfaceRow['routerDiscoveryBehavior'] | number;
  linkLocalAddressBehavior: IpInterfaceRow['linkLocalAddressBehavior'] | number;
};

/**
 * Reads NumEntries and every row, without validation. Throws
 * IpInterfaceDecodeError('ERR_IPINTERFACE_TRUNCATED') before reading any row
 * if the buffer cannot hold NumEntries full rows.
 */
export function decodeIpInterfaceTableUnchecked(bytes: Uint8Array | ArrayBuffer): UncheckedRow[] {
  return readTable<UncheckedRow>(MIB_IPINTERFACE_ROW, bytes);
}

type Members = typeof MIB_IPINTERFACE_ROW.decl.members;
export type RowCName = Members[number][0];

/** A member placed at its offset. */
export type FieldLayout = FieldLayoutOf<BaseKind>;

/** Everything the decoder needs to know about the bytes, derived from one declaration. */
export interface IpInterfaceLayout extends StructLayoutOf<BaseKind> {
  /** offsetof(MIB_IPINTERFACE_ROW, field) by C name. */
  readonly offsets: Readonly<Record<RowCName, number>>;
}

/**
 * Returns the layout of MIB_IPINTERFACE_ROW and MIB_IPINTERFACE_TABLE on x64
 * (the same on ia32 and arm64): row size, alignment, first-row offset and every
 * member's offset.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_table
 */
export function ipInterfaceLayout(): IpInterfaceLayout {
  return MIB_IPINTERFACE_ROW.layout() as unknown as IpInterfaceLayout;
}
