/**
 * The IP interface table joined with each interface's adapter (MIB_IF_ROW2:
 * alias, description, MAC address, status, link speed) from one GetIfTable2
 * call, and with its name ("ethernet_32768").
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
import { type IfRow2 } from './adapters.js';
import type { FamilyOption } from './family.js';
import type { IpInterfaceRow } from './schema.js';
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
export declare const ADAPTER_FIELD_KEYS: readonly ["alias", "name", "description", "physicalAddress", "operStatus", "mediaConnectState", "transmitLinkSpeed", "receiveLinkSpeed"];
/** Joins rows with adapters by LUID: one map of the adapter table, one name conversion per interface. */
export declare function joinAdapters(rows: readonly IpInterfaceRow[], adapters: readonly IfRow2[], names?: (luid: bigint) => string | null): IpInterface[];
/**
 * Retrieves the IP interface table, each row joined with its adapter (alias, description, MAC address, status, link speed) from one GetIfTable2 call, and its name.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export declare function getIpInterfaces(family?: FamilyOption): IpInterface[];
/**
 * Like getIpInterfaces, with both table calls on worker threads (the name conversions are quick in-process lookups and run on the calling thread).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export declare function getIpInterfacesAsync(family?: FamilyOption): Promise<IpInterface[]>;
