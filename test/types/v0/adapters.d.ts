/**
 * Network adapters: GetIfTable2 and GetIfEntry2 (MIB_IF_ROW2), what
 * Get-NetAdapter shows — name, description, MAC address, status, speed and
 * counters — without spawning PowerShell, wmic or netsh.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getiftable2
 */
import type { z } from 'zod';
export { IF_MAX_PHYS_ADDRESS_LENGTH, IF_MAX_STRING_SIZE, IF_OPER_STATUS, NDIS_MEDIUM, NDIS_PHYSICAL_MEDIUM, NET_IF_ACCESS_TYPE, NET_IF_ADMIN_STATUS, NET_IF_CONNECTION_TYPE, NET_IF_DIRECTION_TYPE, NET_IF_MEDIA_CONNECT_STATE, TUNNEL_TYPE, } from './structs/mib-if-row2.js';
/** One MIB_IF_ROW2 as a zod schema: run it on rows that crossed a process boundary. */
export declare const ifRow2Schema: import("./struct/schema.js").RowSchema<readonly [readonly ["InterfaceLuid", import("./struct/ctypes.js").UintKind<bigint>], readonly ["InterfaceIndex", import("./struct/ctypes.js").UintKind<number>], readonly ["InterfaceGuid", import("./struct/ctypes.js").GuidKind<string>], readonly ["Alias", import("./struct/ctypes.js").WstrKind<string>], readonly ["Description", import("./struct/ctypes.js").WstrKind<string>], readonly ["PhysicalAddressLength", import("./struct/ctypes.js").UintKind<number>], readonly ["PhysicalAddress", import("./struct/ctypes.js").BytesKind<string>], readonly ["PermanentPhysicalAddress", import("./struct/ctypes.js").BytesKind<string>], readonly ["Mtu", import("./struct/ctypes.js").UintKind<number>], readonly ["Type", {
    readonly cType: "IFTYPE";
    readonly t: "uint";
    readonly size: number;
    readonly align: number;
    readonly __value?: number;
}], readonly ["TunnelType", {
    readonly cType: "TUNNEL_TYPE";
    readonly t: "uint";
    readonly size: number;
    readonly align: number;
    readonly __value?: number;
}], readonly ["MediaType", {
    readonly cType: "NDIS_MEDIUM";
    readonly t: "uint";
    readonly size: number;
    readonly align: number;
    readonly __value?: number;
}], readonly ["PhysicalMediumType", {
    readonly cType: "NDIS_PHYSICAL_MEDIUM";
    readonly t: "uint";
    readonly size: number;
    readonly align: number;
    readonly __value?: number;
}], readonly ["AccessType", import("./struct/ctypes.js").EnumKind<"loopback" | "broadcast" | "pointToPoint" | "pointToMultiPoint">], readonly ["DirectionType", import("./struct/ctypes.js").EnumKind<"sendReceive" | "sendOnly" | "receiveOnly">], readonly ["InterfaceAndOperStatusFlags", import("./struct/ctypes.js").BitsKind<import("./struct/ctypes.js").BitsValue<readonly ["HardwareInterface", "FilterInterface", "ConnectorPresent", "NotAuthenticated", "NotMediaConnected", "Paused", "LowPower", "EndPointInterface"]>>], readonly ["OperStatus", import("./struct/ctypes.js").EnumKind<"unknown" | "up" | "down" | "testing" | "dormant" | "notPresent" | "lowerLayerDown">], readonly ["AdminStatus", import("./struct/ctypes.js").EnumKind<"up" | "down" | "testing">], readonly ["MediaConnectState", import("./struct/ctypes.js").EnumKind<"unknown" | "connected" | "disconnected">], readonly ["NetworkGuid", {
    readonly cType: "NET_IF_NETWORK_GUID";
    readonly t: "guid";
    readonly size: number;
    readonly align: number;
    readonly __value?: string;
}], readonly ["ConnectionType", import("./struct/ctypes.js").EnumKind<"dedicated" | "passive" | "demand">], readonly ["TransmitLinkSpeed", import("./struct/ctypes.js").UintKind<bigint>], readonly ["ReceiveLinkSpeed", import("./struct/ctypes.js").UintKind<bigint>], readonly ["InOctets", import("./struct/ctypes.js").UintKind<bigint>], readonly ["InUcastPkts", import("./struct/ctypes.js").UintKind<bigint>], readonly ["InNUcastPkts", import("./struct/ctypes.js").UintKind<bigint>], readonly ["InDiscards", import("./struct/ctypes.js").UintKind<bigint>], readonly ["InErrors", import("./struct/ctypes.js").UintKind<bigint>], readonly ["InUnknownProtos", import("./struct/ctypes.js").UintKind<bigint>], readonly ["InUcastOctets", import("./struct/ctypes.js").UintKind<bigint>], readonly ["InMulticastOctets", import("./struct/ctypes.js").UintKind<bigint>], readonly ["InBroadcastOctets", import("./struct/ctypes.js").UintKind<bigint>], readonly ["OutOctets", import("./struct/ctypes.js").UintKind<bigint>], readonly ["OutUcastPkts", import("./struct/ctypes.js").UintKind<bigint>], readonly ["OutNUcastPkts", import("./struct/ctypes.js").UintKind<bigint>], readonly ["OutDiscards", import("./struct/ctypes.js").UintKind<bigint>], readonly ["OutErrors", import("./struct/ctypes.js").UintKind<bigint>], readonly ["OutUcastOctets", import("./struct/ctypes.js").UintKind<bigint>], readonly ["OutMulticastOctets", import("./struct/ctypes.js").UintKind<bigint>], readonly ["OutBroadcastOctets", import("./struct/ctypes.js").UintKind<bigint>], readonly ["OutQLen", import("./struct/ctypes.js").UintKind<bigint>]]>;
/** One network adapter (MIB_IF_ROW2), keys in header order. */
export type IfRow2 = z.infer<typeof ifRow2Schema>;
export type IfOperStatus = IfRow2['operStatus'];
export type IfAdminStatus = IfRow2['adminStatus'];
export type MediaConnectState = IfRow2['mediaConnectState'];
export type InterfaceAndOperStatusFlags = IfRow2['interfaceAndOperStatusFlags'];
/**
 * Decodes the raw bytes of a MIB_IF_TABLE2 (as GetIfTable2 returns them) into validated rows, walking rows by stride.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_if_table2
 */
export declare function decodeIfTable2(bytes: Uint8Array | ArrayBuffer): IfRow2[];
/**
 * Decodes one MIB_IF_ROW2 (as GetIfEntry2 fills it) into a validated row.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_if_row2
 */
export declare function decodeIfRow2(bytes: Uint8Array | ArrayBuffer): IfRow2;
/**
 * Retrieves every network adapter (MIB_IF_ROW2: alias, description, MAC address, status, link speed, counters) as validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getiftable2
 */
export declare function getIfTable2(): IfRow2[];
/**
 * Like getIfTable2, with the native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getiftable2
 */
export declare function getIfTable2Async(): Promise<IfRow2[]>;
/**
 * Retrieves one network adapter by interface index (a number) or LUID (a bigint). No such interface is the system's `ERROR_FILE_NOT_FOUND`.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getifentry2
 */
export declare function getIfEntry2(indexOrLuid: number | bigint): IfRow2;
/**
 * Like getIfEntry2, with the native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getifentry2
 */
export declare function getIfEntry2Async(indexOrLuid: number | bigint): Promise<IfRow2>;
/** The table's raw bytes (null: no entries), for captures. */
export declare function ifTable2Bytes(): Uint8Array | null;
