import { AF_INET, AF_INET6, type IpInterfaceRow } from './schema.js';
/** Which row: a family and either an interface index or a LUID. */
export type IpInterfaceKey = {
    readonly family: 'ipv4' | 'ipv6' | typeof AF_INET | typeof AF_INET6;
    readonly index: number;
    readonly luid?: undefined;
} | {
    readonly family: 'ipv4' | 'ipv6' | typeof AF_INET | typeof AF_INET6;
    readonly luid: bigint;
    readonly index?: undefined;
};
interface CheckedKey {
    readonly af: 2 | 23;
    readonly index: number | undefined;
    readonly luid: bigint | undefined;
}
/** Validates a key argument; TypeErrors name the field and value. */
export declare function checkKey(key: unknown, name?: string): CheckedKey;
/** A MIB_IPINTERFACE_ROW buffer, initialized by the system and keyed by family + LUID or index. */
export declare function keyedRow(key: CheckedKey): Buffer;
/**
 * Retrieves one interface's settings for one family as a validated row. Unlike
 * the table, "not found" is an error here: `ERROR_NOT_FOUND` (the family is not
 * enabled on that interface) or `ERROR_FILE_NOT_FOUND` (no such interface).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfaceentry
 */
export declare function getIpInterfaceEntry(key: IpInterfaceKey): IpInterfaceRow;
/**
 * Like getIpInterfaceEntry, with the native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfaceentry
 */
export declare function getIpInterfaceEntryAsync(key: IpInterfaceKey): Promise<IpInterfaceRow>;
export {};
