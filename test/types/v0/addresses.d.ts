/**
 * Unicast IP addresses: GetUnicastIpAddressTable and GetUnicastIpAddressEntry
 * (MIB_UNICASTIPADDRESS_ROW) — every address on every interface, what
 * Get-NetIPAddress shows, with its interface index, origin and lifetimes.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getunicastipaddresstable
 */
import type { z } from 'zod';
import type { FamilyOption } from './family.js';
import { INFINITE_LIFETIME, NL_DAD_STATE, NL_PREFIX_ORIGIN, NL_SUFFIX_ORIGIN } from './structs/mib-unicastipaddress-row.js';
export { INFINITE_LIFETIME, NL_DAD_STATE, NL_PREFIX_ORIGIN, NL_SUFFIX_ORIGIN };
/** One MIB_UNICASTIPADDRESS_ROW as a zod schema. */
export declare const unicastIpAddressRowSchema: import("./struct/schema.js").RowSchema<readonly [readonly ["Address", import("./struct/ctypes.js").SockaddrKind<string>], readonly ["InterfaceLuid", import("./struct/ctypes.js").UintKind<bigint>], readonly ["InterfaceIndex", import("./struct/ctypes.js").UintKind<number>], readonly ["PrefixOrigin", import("./struct/ctypes.js").EnumKind<"other" | "dhcp" | "unchanged" | "manual" | "wellKnown" | "routerAdvertisement">], readonly ["SuffixOrigin", import("./struct/ctypes.js").EnumKind<"other" | "dhcp" | "unchanged" | "manual" | "wellKnown" | "linkLayerAddress" | "random">], readonly ["ValidLifetime", import("./struct/ctypes.js").UintKind<number>], readonly ["PreferredLifetime", import("./struct/ctypes.js").UintKind<number>], readonly ["OnLinkPrefixLength", import("./struct/ctypes.js").UintKind<number>], readonly ["SkipAsSource", import("./struct/ctypes.js").BoolKind<boolean>], readonly ["DadState", import("./struct/ctypes.js").EnumKind<"deprecated" | "invalid" | "tentative" | "duplicate" | "preferred">], readonly ["ScopeId", import("./struct/ctypes.js").UintKind<number>], readonly ["CreationTimeStamp", import("./struct/ctypes.js").IntKind<bigint>]]>;
/** One unicast IP address (MIB_UNICASTIPADDRESS_ROW), keys in header order. */
export type UnicastIpAddressRow = z.infer<typeof unicastIpAddressRowSchema>;
/**
 * Decodes the raw bytes of a MIB_UNICASTIPADDRESS_TABLE into validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_unicastipaddress_table
 */
export declare function decodeUnicastIpAddressTable(bytes: Uint8Array | ArrayBuffer): UnicastIpAddressRow[];
/**
 * Retrieves every unicast IP address (both families by default) as validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getunicastipaddresstable
 */
export declare function getUnicastIpAddressTable(family?: FamilyOption): UnicastIpAddressRow[];
/**
 * Like getUnicastIpAddressTable, with the native calls on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getunicastipaddresstable
 */
export declare function getUnicastIpAddressTableAsync(family?: FamilyOption): Promise<UnicastIpAddressRow[]>;
/** Which address: its text and the interface it is on (index or LUID). */
export type UnicastIpAddressKey = {
    readonly address: string;
    readonly interfaceIndex: number;
    readonly interfaceLuid?: undefined;
} | {
    readonly address: string;
    readonly interfaceLuid: bigint;
    readonly interfaceIndex?: undefined;
};
/** Checks an interface given as `interfaceIndex` or `interfaceLuid` (exactly one). */
export declare function checkInterface(key: Record<string, unknown>, name: string): {
    index: number;
} | {
    luid: bigint;
};
/**
 * Retrieves one unicast IP address by its text and interface; `ERROR_NOT_FOUND` when that interface has no such address.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getunicastipaddressentry
 */
export declare function getUnicastIpAddressEntry(key: UnicastIpAddressKey): UnicastIpAddressRow;
/**
 * Like getUnicastIpAddressEntry, with the native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getunicastipaddressentry
 */
export declare function getUnicastIpAddressEntryAsync(key: UnicastIpAddressKey): Promise<UnicastIpAddressRow>;
/** The table's raw bytes for `family` (null: no entries), for captures. */
export declare function unicastIpAddressTableBytes(family?: FamilyOption): Uint8Array | null;
