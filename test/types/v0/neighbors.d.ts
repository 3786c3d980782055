/**
 * Neighbours: GetIpNetTable2 (MIB_IPNET_ROW2) — the ARP (IPv4) and NDP (IPv6)
 * caches, what `arp -a` and Get-NetNeighbor show, without parsing localized
 * text. Only the table is read: GetIpNetEntry2 would send ARP/ND and wait.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipnettable2
 */
import type { z } from 'zod';
import type { FamilyOption } from './family.js';
import { NL_NEIGHBOR_STATE } from './structs/mib-ipnet-row2.js';
export { NL_NEIGHBOR_STATE };
/** One MIB_IPNET_ROW2 as a zod schema. */
export declare const ipNetRow2Schema: import("./struct/schema.js").RowSchema<readonly [readonly ["Address", import("./struct/ctypes.js").SockaddrKind<string>], readonly ["InterfaceIndex", import("./struct/ctypes.js").UintKind<number>], readonly ["InterfaceLuid", import("./struct/ctypes.js").UintKind<bigint>], readonly ["PhysicalAddress", import("./struct/ctypes.js").BytesKind<string>], readonly ["PhysicalAddressLength", import("./struct/ctypes.js").UintKind<number>], readonly ["State", import("./struct/ctypes.js").EnumKind<"unreachable" | "incomplete" | "probe" | "delay" | "stale" | "reachable" | "permanent">], readonly ["Flags", import("./struct/ctypes.js").FlagsKind<import("./struct/ctypes.js").BitsValue<readonly ["IsRouter", "IsUnreachable"]>>], readonly ["ReachabilityTime", {
    readonly cType: "union { ULONG LastReachable; ULONG LastUnreachable; }";
    readonly t: "uint";
    readonly size: number;
    readonly align: number;
    readonly __value?: number;
}]]>;
/** One neighbour (MIB_IPNET_ROW2), keys in header order. */
export type IpNetRow2 = z.infer<typeof ipNetRow2Schema>;
/**
 * Decodes the raw bytes of a MIB_IPNET_TABLE2 into validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipnet_table2
 */
export declare function decodeIpNetTable2(bytes: Uint8Array | ArrayBuffer): IpNetRow2[];
/**
 * Retrieves the neighbour (ARP and NDP) table as validated rows; 'all' asks each family in turn.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipnettable2
 */
export declare function getIpNetTable2(family?: FamilyOption): IpNetRow2[];
/**
 * Like getIpNetTable2, with the native calls on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipnettable2
 */
export declare function getIpNetTable2Async(family?: FamilyOption): Promise<IpNetRow2[]>;
/** The table's raw bytes for `family` (null: no entries), for captures. */
export declare function ipNetTable2Bytes(family?: FamilyOption): Uint8Array | null;
