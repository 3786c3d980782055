/** Common IANA ifType values (ipifcons.h), by their IANA names. */
export declare const IF_TYPE: Readonly<{
    readonly other: 1;
    readonly ethernetCsmacd: 6;
    readonly iso88025TokenRing: 9;
    readonly ppp: 23;
    readonly softwareLoopback: 24;
    readonly atm: 37;
    readonly propVirtual: 53;
    readonly ieee80211: 71;
    readonly tunnel: 131;
    readonly l2Vlan: 135;
    readonly ieee1394: 144;
}>;
export type IfTypeName = keyof typeof IF_TYPE;
/** The parts of a NET_LUID (bits 0–23 reserved, 24–47 NetLuidIndex, 48–63 IfType). */
export interface LuidParts {
    /** The reserved low 24 bits (0 on LUIDs Windows hands out). */
    readonly reserved: number;
    /** 24-bit index distinguishing interfaces of the same type. */
    readonly netLuidIndex: number;
    /** 16-bit IANA interface type (see IF_TYPE). */
    readonly ifType: number;
    /** The IF_TYPE name of `ifType`, when it is one of the common ones. */
    readonly ifTypeName: IfTypeName | undefined;
}
/** Checks a LUID argument: a bigint in 0…2^64−1 (or a safe non-negative integer number). */
export declare function toLuid(value: unknown, name?: string): bigint;
/** Checks an interface index argument: an integer in 1…2^32−1. */
export declare function toInterfaceIndex(value: unknown, name?: string): number;
/**
 * Splits a NET_LUID into its NetLuidIndex and IfType (pure; no system call).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/ifdef/ns-ifdef-net_luid_lh
 */
export declare function parseLuid(luid: bigint): LuidParts;
/**
 * Builds a NET_LUID from an IfType and a NetLuidIndex (pure; no system call).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/ifdef/ns-ifdef-net_luid_lh
 */
export declare function makeLuid(parts: {
    ifType: number;
    netLuidIndex: number;
}): bigint;
/**
 * Converts a LUID to the interface index (ConvertInterfaceLuidToIndex).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-convertinterfaceluidtoindex
 */
export declare function convertInterfaceLuidToIndex(luid: bigint): number;
/**
 * Converts an interface index to its LUID (ConvertInterfaceIndexToLuid).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-convertinterfaceindextoluid
 */
export declare function convertInterfaceIndexToLuid(index: number): bigint;
/**
 * Converts a LUID to the interface alias a user sees, such as "Wi-Fi" or "Ethernet 2"
 * (ConvertInterfaceLuidToAlias). Fails for a LUID no interface has.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-convertinterfaceluidtoalias
 */
export declare function convertInterfaceLuidToAlias(luid: bigint): string;
/**
 * Converts a LUID to the interface name, such as "ethernet_32768" (ConvertInterfaceLuidToNameW).
 * The name is formatted from the LUID's type and index, so it can succeed for a
 * LUID that no interface has (Wine's does).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-convertinterfaceluidtonamew
 */
export declare function convertInterfaceLuidToName(luid: bigint): string;
/**
 * Converts a LUID to the interface GUID, as `{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}` (ConvertInterfaceLuidToGuid).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-convertinterfaceluidtoguid
 */
export declare function convertInterfaceLuidToGuid(luid: bigint): string;
/** GUID bytes (Data1–3 little-endian, Data4 as is) → `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`: the row reader's GUID text. */
export declare function formatGuid(bytes: Uint8Array): string;
