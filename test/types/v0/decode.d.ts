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
export declare function decodeIpInterfaceTableUnchecked(bytes: Uint8Array | ArrayBuffer): UncheckedRow[];
/**
 * Decodes one MIB_IPINTERFACE_ROW (as GetIpInterfaceEntry fills it) into a validated row.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_row
 */
export declare function decodeIpInterfaceRow(bytes: Uint8Array | ArrayBuffer): IpInterfaceRow;
/**
 * Decodes the raw bytes of a MIB_IPINTERFACE_TABLE (as GetIpInterfaceTable
 * returns them) into validated rows, walking rows by stride.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_table
 */
export declare function decodeIpInterfaceTable(bytes: Uint8Array | ArrayBuffer): IpInterfaceRow[];
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
export declare function decodeRowKey(bytes: Uint8Array): RowKey;
