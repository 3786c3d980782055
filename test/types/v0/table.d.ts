import { type FamilyOption } from './family.js';
import type { IpInterfaceRow } from './schema.js';
export { MAX_TABLE_ROWS } from './mibtable.js';
/**
 * Retrieves the IP interface table (one row per interface and family) and
 * returns it as validated rows. No entries for the family (ERROR_NOT_FOUND) is
 * an empty array, not an error.
 *
 * @param family `'ipv4' | 'ipv6' | 'all'` (default) or AF_INET / AF_INET6 / AF_UNSPEC.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export declare function getIpInterfaceTable(family?: FamilyOption): IpInterfaceRow[];
/**
 * Like getIpInterfaceTable, but the native call runs on a worker thread, so the
 * event loop (an Electron main process) never blocks on it.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export declare function getIpInterfaceTableAsync(family?: FamilyOption): Promise<IpInterfaceRow[]>;
/** Options of captureIpInterfaceTable. */
export interface CaptureTableOptions {
    /** LUID → names to record with the table. */
    readonly interfaces?: ReadonlyMap<bigint, {
        alias?: string;
        name?: string;
    }>;
}
/**
 * Retrieves the IP interface table and returns it as a capture file's bytes
 * (see decodeCapture), to decode on any OS or attach to a bug report.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export declare function captureIpInterfaceTable(family?: FamilyOption, options?: CaptureTableOptions): Uint8Array;
/** Options of captureTables. */
export interface CaptureTablesOptions extends CaptureTableOptions {
    /** The family of the interface table (default 'all'). */
    readonly family?: FamilyOption;
}
/**
 * Retrieves the IP interface, adapter, address, route and neighbour tables,
 * one right after the other, and returns them in one capture file (format
 * version 2), to decode on any OS or attach to a bug report. A table the
 * system does not support is left out.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getiftable2
 */
export declare function captureTables(options?: CaptureTablesOptions): Uint8Array;
