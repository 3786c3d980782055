/**
 * Bytes → rows. A pure function of its input: it reads a copy of a
 * MIB_IPINTERFACE_TABLE with a DataView, walking rows by stride from the
 * first-row offset, reading each field at its declared offset, so padding is
 * never read. Offsets come from ./layout.ts.
 */
import { describeValue, IpInterfaceDecodeError } from './errors.js';
import { ipInterfaceLayout, type IpInterfaceLayout } from './layout.js';
import {
  AF_INET,
  AF_INET6,
  decodedRowSchema,
  SCOPE_LEVEL_COUNT,
  type InterfaceOffload,
  type IpInterfaceRow,
} from './schema.js';

/** Raw enum value + 1 → name; values outside stay raw numbers for the schema to reject. */
const ROUTER_DISCOVERY_NAMES = ['unchanged', 'disabled', 'enabled', 'dhcp'] as const;
const LINK_LOCAL_NAMES = ['unchanged', 'always-off', 'delayed', 'always-on'] as const;

function offload(byte: number): InterfaceOffload {
  return {
    nlChecksumSupported: (byte & 0x01) !== 0,
    nlOptionsSupported: (byte & 0x02) !== 0,
    tlDatagramChecksumSupported: (byte & 0x04) !== 0,
    tlStreamChecksumSupported: (byte & 0x08) !== 0,
    tlStreamOptionsSupported: (byte & 0x10) !== 0,
    fastPathCompatible: (byte & 0x20) !== 0,
    tlLargeSendOffloadSupported: (byte & 0x40) !== 0,
    tlGiantSendOffloadSupported: (byte & 0x80) !== 0,
  };
}

/** A row as read, before validation: unknown enum or family values are left as raw numbers. */
export type UncheckedRow = Omit<IpInterfaceRow, 'family' | 'routerDiscoveryBehavior' | 'linkLocalAddressBehavior'> & {
  family: IpInterfaceRow['family'] | number;
  routerDiscoveryBehavior: IpInterfaceRow['routerDiscoveryBehavior'] | number;
  linkLocalAddressBehavior: IpInterfaceRow['linkLocalAddressBehavior'] | number;
};

type RowReader = (view: DataView, base: number) => UncheckedRow;

/** One reader per layout: every offset is a constant captured once. */
function makeRowReader(layout: IpInterfaceLayout): RowReader {
  const o = layout.offsets;
  const family = o.Family;
  const luid = o.InterfaceLuid;
  const index = o.InterfaceIndex;
  const maxReassembly = o.MaxReassemblySize;
  const identifier = o.InterfaceIdentifier;
  const minRa = o.MinRouterAdvertisementInterval;
  const maxRa = o.MaxRouterAdvertisementInterval;
  const advertising = o.AdvertisingEnabled;
  const forwarding = o.ForwardingEnabled;
  const weakSend = o.WeakHostSend;
  const weakReceive = o.WeakHostReceive;
  const autoMetric = o.UseAutomaticMetric;
  const nud = o.UseNeighborUnreachabilityDetection;
  const managed = o.ManagedAddressConfigurationSupported;
  const otherStateful = o.OtherStatefulConfigurationSupported;
  const advertiseDefault = o.AdvertiseDefaultRoute;
  const routerDiscovery = o.RouterDiscoveryBehavior;
  const dad = o.DadTransmits;
  const baseReachable = o.BaseReachableTime;
  const retransmit = o.RetransmitTime;
  const pmtu = o.PathMtuDiscoveryTimeout;
  const linkLocal = o.LinkLocalAddressBehavior;
  const linkLocalTimeout = o.LinkLocalAddressTimeout;
  const zones = o.ZoneIndices;
  const sitePrefix = o.SitePrefixLength;
  const metric = o.Metric;
  const nlMtu = o.NlMtu;
  const connected = o.Connected;
  const wakeUp = o.SupportsWakeUpPatterns;
  const nd = o.SupportsNeighborDiscovery;
  const rd = o.SupportsRouterDiscovery;
  const reachable = o.ReachableTime;
  const tx = o.TransmitOffload;
  const rx = o.ReceiveOffload;
  const disableDefault = o.DisableDefaultRoutes;

  return (v, b) => {
    const rawFamily = v.getUint16(b + family, true);
    const rawRd = v.getInt32(b + routerDiscovery, true);
    const rawLl = v.getInt32(b + linkLocal, true);
    const zoneIndices: number[] = [];
    for (let i = 0; i < SCOPE_LEVEL_COUNT; i++) zoneIndices.push(v.getUint32(b + zones + 4 * i, true));
    return {
      family: rawFamily === AF_INET ? 'ipv4' : rawFamily === AF_INET6 ? 'ipv6' : rawFamily,
      interfaceLuid: v.getBigUint64(b + luid, true),
      interfaceIndex: v.getUint32(b + index, true),
      maxReassemblySize: v.getUint32(b + maxReassembly, true),
      interfaceIdentifier: v.getBigUint64(b + identifier, true),
      minRouterAdvertisementInterval: v.getUint32(b + minRa, true),
      maxRouterAdvertisementInterval: v.getUint32(b + maxRa, true),
      advertisingEnabled: v.getUint8(b + advertising) !== 0,
      forwardingEnabled: v.getUint8(b + forwarding) !== 0,
      weakHostSend: v.getUint8(b + weakSend) !== 0,
      weakHostReceive: v.getUint8(b + weakReceive) !== 0,
      useAutomaticMetric: v.getUint8(b + autoMetric) !== 0,
      useNeighborUnreachabilityDetection: v.getUint8(b + nud) !== 0,
      managedAddressConfigurationSupported: v.getUint8(b + managed) !== 0,
      otherStatefulConfigurationSupported: v.getUint8(b + otherStateful) !== 0,
      advertiseDefaultRoute: v.getUint8(b + advertiseDefault) !== 0,
      routerDiscoveryBehavior: ROUTER_DISCOVERY_NAMES[rawRd + 1] ?? rawRd,
      dadTransmits: v.getUint32(b + dad, true),
      baseReachableTime: v.getUint32(b + baseReachable, true),
      retransmitTime: v.getUint32(b + retransmit, true),
      pathMtuDiscoveryTimeout: v.getUint32(b + pmtu, true),
      linkLocalAddressBehavior: LINK_LOCAL_NAMES[rawLl + 1] ?? rawLl,
      linkLocalAddressTimeout: v.getUint32(b + linkLocalTimeout, true),
      zoneIndices,
      sitePrefixLength: v.getUint32(b + sitePrefix, true),
      metric: v.getUint32(b + metric, true),
      nlMtu: v.getUint32(b + nlMtu, true),
      connected: v.getUint8(b + connected) !== 0,
      supportsWakeUpPatterns: v.getUint8(b + wakeUp) !== 0,
      supportsNeighborDiscovery: v.getUint8(b + nd) !== 0,
      supportsRouterDiscovery: v.getUint8(b + rd) !== 0,
      reachableTime: v.getUint32(b + reachable, true),
      transmitOffload: offload(v.getUint8(b + tx)),
      receiveOffload: offload(v.getUint8(b + rx)),
      disableDefaultRoutes: v.getUint8(b + disableDefault) !== 0,
    };
  };
}

let reader: RowReader | undefined;

function toView(bytes: Uint8Array | ArrayBuffer): DataView {
  if (bytes instanceof Uint8Array) return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes instanceof ArrayBuffer) return new DataView(bytes);
  throw new TypeError(`Expected \`bytes\` to be a Uint8Array or an ArrayBuffer, got ${describeValue(bytes)}`);
}

/**
 * Reads NumEntries and every row, without validation. Throws
 * IpInterfaceDecodeError('ERR_IPINTERFACE_TRUNCATED') before reading any row
 * if the buffer cannot hold NumEntries full rows.
 */
export function decodeIpInterfaceTableUnchecked(bytes: Uint8Array | ArrayBuffer): UncheckedRow[] {
  const view = toView(bytes);
  const layout = ipInterfaceLayout();
  const headerEnd = layout.numEntriesOffset + 4;
  if (view.byteLength < headerEnd) {
    throw new IpInterfaceDecodeError(
      `A MIB_IPINTERFACE_TABLE needs at least ${headerEnd} bytes for NumEntries, got ${view.byteLength}`,
      { code: 'ERR_IPINTERFACE_TRUNCATED' },
    );
  }
  const count = view.getUint32(layout.numEntriesOffset, true);
  const needed = count === 0 ? headerEnd : layout.firstRowOffset + count * layout.rowSize;
  if (view.byteLength < needed) {
    throw new IpInterfaceDecodeError(
      `The MIB_IPINTERFACE_TABLE is truncated: NumEntries is ${count}, which needs ${needed} bytes ` +
        `(${layout.firstRowOffset} + ${count} × ${layout.rowSize}), got ${view.byteLength}`,
      { code: 'ERR_IPINTERFACE_TRUNCATED' },
    );
  }
  const read = (reader ??= makeRowReader(layout));
  const rows = new Array<UncheckedRow>(count);
  for (let i = 0, base = layout.firstRowOffset; i < count; i++, base += layout.rowSize) rows[i] = read(view, base);
  return rows;
}

/** Validates rows made by the decoder; throws on the first invalid one, naming row, field and raw value. */
export function validateRows(rows: readonly UncheckedRow[]): IpInterfaceRow[] {
  const out = new Array<IpInterfaceRow>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const result = decodedRowSchema.safeParse(row);
    if (!result.success) throw invalidRow(i, row, result.error);
    out[i] = row as IpInterfaceRow;
  }
  return out;
}

function invalidRow(index: number, row: unknown, error: { issues: readonly { path: PropertyKey[]; message: string }[] }) {
  const issue = error.issues[0];
  const path = issue?.path ?? [];
  let raw: unknown = row;
  for (const key of path) raw = raw != null && typeof raw === 'object' ? (raw as Record<PropertyKey, unknown>)[key] : undefined;
  const field = path.length > 0 ? path.map(String).join('.') : undefined;
  return new IpInterfaceDecodeError(
    `Row ${index} of the MIB_IPINTERFACE_TABLE is invalid: ` +
      (field === undefined ? '' : `\`${field}\` has raw value ${describeValue(raw)}: `) +
      (issue?.message ?? 'rejected by the schema'),
    {
      code: 'ERR_IPINTERFACE_INVALID_ROW',
      rowIndex: index,
      ...(field === undefined ? {} : { field, rawValue: raw }),
      cause: error,
    },
  );
}

/**
 * Decodes one MIB_IPINTERFACE_ROW (as GetIpInterfaceEntry fills it) into a validated row.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_row
 */
export function decodeIpInterfaceRow(bytes: Uint8Array | ArrayBuffer): IpInterfaceRow {
  const view = rowView(bytes);
  return validateRows([(reader ??= makeRowReader(ipInterfaceLayout()))(view, 0)])[0]!;
}

/** A view of one whole MIB_IPINTERFACE_ROW; ERR_IPINTERFACE_TRUNCATED if the bytes are fewer. */
function rowView(bytes: Uint8Array | ArrayBuffer): DataView {
  const view = toView(bytes);
  const { rowSize } = ipInterfaceLayout();
  if (view.byteLength < rowSize) {
    throw new IpInterfaceDecodeError(`A MIB_IPINTERFACE_ROW is ${rowSize} bytes, got ${view.byteLength}`, {
      code: 'ERR_IPINTERFACE_TRUNCATED',
    });
  }
  return view;
}

/**
 * Decodes the raw bytes of a MIB_IPINTERFACE_TABLE (as GetIpInterfaceTable
 * returns them) into validated rows, walking rows by stride.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_table
 */
export function decodeIpInterfaceTable(bytes: Uint8Array | ArrayBuffer): IpInterfaceRow[] {
  return validateRows(decodeIpInterfaceTableUnchecked(bytes));
}

/** The key fields of a row: what a change notification guarantees to fill in. */
export interface RowKey {
  readonly family: 'ipv4' | 'ipv6';
  readonly interfaceLuid: bigint;
  readonly interfaceIndex: number;
}

/**
 * Reads Family, InterfaceLuid and InterfaceIndex of one MIB_IPINTERFACE_ROW
 * (the only members a change notification's row is documented to fill).
 */
export function decodeRowKey(bytes: Uint8Array): RowKey {
  const view = rowView(bytes);
  const o = ipInterfaceLayout().offsets;
  const raw = view.getUint16(o.Family, true);
  if (raw !== AF_INET && raw !== AF_INET6) {
    throw new IpInterfaceDecodeError(`The notified row has \`family\` raw value ${describeValue(raw)}: expected AF_INET (2) or AF_INET6 (23)`, {
      code: 'ERR_IPINTERFACE_INVALID_ROW',
      rowIndex: 0,
      field: 'family',
      rawValue: raw,
    });
  }
  return {
    family: raw === AF_INET ? 'ipv4' : 'ipv6',
    interfaceLuid: view.getBigUint64(o.InterfaceLuid, true),
    interfaceIndex: view.getUint32(o.InterfaceIndex, true),
  };
}
