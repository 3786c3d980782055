/**
 * Bytes → MIB_IPINTERFACE_ROWs. Pure functions of their input, through the
 * shared struct machinery (./struct/define.ts): rows are read by stride with
 * the reader generated from the struct's declaration, so padding is never read.
 */
import { describeValue, IpInterfaceDecodeError } from './errors.js';
import { decodeRow, decodeTable, readTable, rowView } from './struct/define.js';
import { AF_INET, AF_INET6, MIB_IPINTERFACE_ROW } from './structs/mib-ipinterface-row.js';
import type { IpInterfaceRow } from './schema.js';

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

/**
 * Decodes one MIB_IPINTERFACE_ROW (as GetIpInterfaceEntry fills it) into a validated row.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_row
 */
export function decodeIpInterfaceRow(bytes: Uint8Array | ArrayBuffer): IpInterfaceRow {
  return decodeRow(MIB_IPINTERFACE_ROW, bytes);
}

/**
 * Decodes the raw bytes of a MIB_IPINTERFACE_TABLE (as GetIpInterfaceTable
 * returns them) into validated rows, walking rows by stride.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_table
 */
export function decodeIpInterfaceTable(bytes: Uint8Array | ArrayBuffer): IpInterfaceRow[] {
  return decodeTable(MIB_IPINTERFACE_ROW, bytes);
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
  const view = rowView(MIB_IPINTERFACE_ROW, bytes);
  const o = MIB_IPINTERFACE_ROW.layout().offsets;
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
