/**
 * The IP interface table joined with each interface's adapter (MIB_IF_ROW2:
 * alias, description, MAC address, status, link speed) from one GetIfTable2
 * call, and with its name ("ethernet_32768").
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
import { getIfTable2, getIfTable2Async, type IfRow2 } from './tables/adapters.js';
import type { FamilyOption } from './family.js';
import { convertInterfaceLuidToName } from './luid.js';
import { getIpInterfaceTable, getIpInterfaceTableAsync, type IpInterfaceRow } from './tables/ip-interfaces.js';

/** What getIpInterfaces adds to each row; `null` where the system has no adapter row (or no name) for the LUID. */
export interface IpInterfaceAdapterFields {
  /** MIB_IF_ROW2.Alias: the name a user sees, e.g. "Wi-Fi". */
  readonly alias: string | null;
  /** ConvertInterfaceLuidToNameW: e.g. "wireless_32768". */
  readonly name: string | null;
  /** MIB_IF_ROW2.Description: e.g. "Intel(R) Wi-Fi 6 AX201 160MHz". */
  readonly description: string | null;
  /** MIB_IF_ROW2.PhysicalAddress: e.g. '02:5e:11:22:33:44' ('' when the adapter has none). */
  readonly physicalAddress: string | null;
  /** MIB_IF_ROW2.OperStatus. */
  readonly operStatus: IfRow2['operStatus'] | null;
  /** MIB_IF_ROW2.MediaConnectState. */
  readonly mediaConnectState: IfRow2['mediaConnectState'] | null;
  /** MIB_IF_ROW2.TransmitLinkSpeed, bits per second. */
  readonly transmitLinkSpeed: bigint | null;
  /** MIB_IF_ROW2.ReceiveLinkSpeed, bits per second. */
  readonly receiveLinkSpeed: bigint | null;
}

/** A row with its adapter's fields and its name. */
export type IpInterface = IpInterfaceRow & IpInterfaceAdapterFields;

/** The keys getIpInterfaces adds, in order. */
export const ADAPTER_FIELD_KEYS = Object.freeze([
  'alias',
  'name',
  'description',
  'physicalAddress',
  'operStatus',
  'mediaConnectState',
  'transmitLinkSpeed',
  'receiveLinkSpeed',
] as const);

/** An interface's name (ConvertInterfaceLuidToNameW), or null where it cannot be had. */
export function nameOf(luid: bigint): string | null {
  try {
    return convertInterfaceLuidToName(luid);
  } catch {
    return null; // e.g. the interface went away between the table and the conversion
  }
}

/** Joins rows with adapters by LUID: one map of the adapter table, one name conversion per interface. */
export function joinAdapters(rows: readonly IpInterfaceRow[], adapters: readonly IfRow2[], names: (luid: bigint) => string | null = nameOf): IpInterface[] {
  const byLuid = new Map(adapters.map((a) => [a.interfaceLuid, a]));
  const extra = new Map<bigint, IpInterfaceAdapterFields>();
  return rows.map((row) => {
    let fields = extra.get(row.interfaceLuid);
    if (!fields) {
      const a = byLuid.get(row.interfaceLuid);
      fields = {
        alias: a?.alias ?? null,
        name: names(row.interfaceLuid),
        description: a?.description ?? null,
        physicalAddress: a?.physicalAddress ?? null,
        operStatus: a?.operStatus ?? null,
        mediaConnectState: a?.mediaConnectState ?? null,
        transmitLinkSpeed: a?.transmitLinkSpeed ?? null,
        receiveLinkSpeed: a?.receiveLinkSpeed ?? null,
      };
      extra.set(row.interfaceLuid, fields);
    }
    // Object.assign, not `{ ...row, ...fields }`: V8 spreads two objects into one some ten times slower.
    return Object.assign({}, row, fields);
  });
}

/**
 * Retrieves the IP interface table, each row joined with its adapter (alias, description, MAC address, status, link speed) from one GetIfTable2 call, and its name.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export function getIpInterfaces(family: FamilyOption = 'all'): IpInterface[] {
  const rows = getIpInterfaceTable(family);
  return joinAdapters(rows, getIfTable2());
}

/**
 * Like getIpInterfaces, with both table calls on worker threads (the name conversions are quick in-process lookups and run on the calling thread).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export async function getIpInterfacesAsync(family: FamilyOption = 'all'): Promise<IpInterface[]> {
  const rows = await getIpInterfaceTableAsync(family);
  return joinAdapters(rows, await getIfTable2Async());
}
