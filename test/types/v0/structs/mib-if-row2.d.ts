/** IF_MAX_STRING_SIZE (ifdef.h): Alias and Description hold this many characters plus a NUL. */
export declare const IF_MAX_STRING_SIZE = 256;
/** IF_MAX_PHYS_ADDRESS_LENGTH (ifdef.h): the size of the PhysicalAddress arrays. */
export declare const IF_MAX_PHYS_ADDRESS_LENGTH = 32;
/** TUNNEL_TYPE (ifdef.h): name → value. `tunnelType` is a number; this names the documented ones. */
export declare const TUNNEL_TYPE: Readonly<{
    readonly none: 0;
    readonly other: 1;
    readonly direct: 2;
    readonly '6to4': 11;
    readonly isatap: 13;
    readonly teredo: 14;
    readonly iphttps: 15;
}>;
/** NDIS_MEDIUM (ntddndis.h): name → value. `mediaType` is a number; this names the documented ones. */
export declare const NDIS_MEDIUM: Readonly<{
    readonly '802_3': 0;
    readonly '802_5': 1;
    readonly fddi: 2;
    readonly wan: 3;
    readonly localTalk: 4;
    readonly dix: 5;
    readonly arcnetRaw: 6;
    readonly arcnet878_2: 7;
    readonly atm: 8;
    readonly wirelessWan: 9;
    readonly irda: 10;
    readonly bpc: 11;
    readonly coWan: 12;
    readonly '1394': 13;
    readonly infiniBand: 14;
    readonly tunnel: 15;
    readonly native802_11: 16;
    readonly loopback: 17;
    readonly wiMAX: 18;
    readonly ip: 19;
}>;
/** NDIS_PHYSICAL_MEDIUM (ntddndis.h): name → value. `physicalMediumType` is a number; this names the documented ones. */
export declare const NDIS_PHYSICAL_MEDIUM: Readonly<{
    readonly unspecified: 0;
    readonly wirelessLan: 1;
    readonly cableModem: 2;
    readonly phoneLine: 3;
    readonly powerLine: 4;
    readonly dsl: 5;
    readonly fibreChannel: 6;
    readonly '1394': 7;
    readonly wirelessWan: 8;
    readonly native802_11: 9;
    readonly bluetooth: 10;
    readonly infiniband: 11;
    readonly wiMax: 12;
    readonly uwb: 13;
    readonly '802_3': 14;
    readonly '802_5': 15;
    readonly irda: 16;
    readonly wiredWAN: 17;
    readonly wiredCoWan: 18;
    readonly other: 19;
}>;
/** IF_OPER_STATUS (ifdef.h). */
export declare const IF_OPER_STATUS: Readonly<{
    readonly up: 1;
    readonly down: 2;
    readonly testing: 3;
    readonly unknown: 4;
    readonly dormant: 5;
    readonly notPresent: 6;
    readonly lowerLayerDown: 7;
}>;
/** NET_IF_ADMIN_STATUS (ifdef.h). */
export declare const NET_IF_ADMIN_STATUS: Readonly<{
    readonly up: 1;
    readonly down: 2;
    readonly testing: 3;
}>;
/** NET_IF_MEDIA_CONNECT_STATE (ifdef.h). */
export declare const NET_IF_MEDIA_CONNECT_STATE: Readonly<{
    readonly unknown: 0;
    readonly connected: 1;
    readonly disconnected: 2;
}>;
/** NET_IF_ACCESS_TYPE (ifdef.h), without the NET_IF_ACCESS_MAXIMUM sentinel. */
export declare const NET_IF_ACCESS_TYPE: Readonly<{
    readonly loopback: 1;
    readonly broadcast: 2;
    readonly pointToPoint: 3;
    readonly pointToMultiPoint: 4;
}>;
/** NET_IF_DIRECTION_TYPE (ifdef.h), without the NET_IF_DIRECTION_MAXIMUM sentinel. */
export declare const NET_IF_DIRECTION_TYPE: Readonly<{
    readonly sendReceive: 0;
    readonly sendOnly: 1;
    readonly receiveOnly: 2;
}>;
/** NET_IF_CONNECTION_TYPE (ifdef.h), without the NET_IF_CONNECTION_MAXIMUM sentinel. */
export declare const NET_IF_CONNECTION_TYPE: Readonly<{
    readonly dedicated: 1;
    readonly passive: 2;
    readonly demand: 3;
}>;
export declare const MIB_IF_ROW2: import("../struct/define.js").Struct<readonly [readonly ["InterfaceLuid", import("../struct/ctypes.js").UintKind<bigint>], readonly ["InterfaceIndex", import("../struct/ctypes.js").UintKind<number>], readonly ["InterfaceGuid", import("../struct/ctypes.js").GuidKind<string>], readonly ["Alias", import("../struct/ctypes.js").WstrKind<string>], readonly ["Description", import("../struct/ctypes.js").WstrKind<string>], readonly ["PhysicalAddressLength", import("../struct/ctypes.js").UintKind<number>], readonly ["PhysicalAddress", import("../struct/ctypes.js").BytesKind<string>], readonly ["PermanentPhysicalAddress", import("../struct/ctypes.js").BytesKind<string>], readonly ["Mtu", import("../struct/ctypes.js").UintKind<number>], readonly ["Type", {
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
}], readonly ["AccessType", import("../struct/ctypes.js").EnumKind<"loopback" | "broadcast" | "pointToPoint" | "pointToMultiPoint">], readonly ["DirectionType", import("../struct/ctypes.js").EnumKind<"sendReceive" | "sendOnly" | "receiveOnly">], readonly ["InterfaceAndOperStatusFlags", import("../struct/ctypes.js").BitsKind<import("../struct/ctypes.js").BitsValue<readonly ["HardwareInterface", "FilterInterface", "ConnectorPresent", "NotAuthenticated", "NotMediaConnected", "Paused", "LowPower", "EndPointInterface"]>>], readonly ["OperStatus", import("../struct/ctypes.js").EnumKind<"unknown" | "up" | "down" | "testing" | "dormant" | "notPresent" | "lowerLayerDown">], readonly ["AdminStatus", import("../struct/ctypes.js").EnumKind<"up" | "down" | "testing">], readonly ["MediaConnectState", import("../struct/ctypes.js").EnumKind<"unknown" | "connected" | "disconnected">], readonly ["NetworkGuid", {
    readonly cType: "NET_IF_NETWORK_GUID";
    readonly t: "guid";
    readonly size: number;
    readonly align: number;
    readonly __value?: string;
}], readonly ["ConnectionType", import("../struct/ctypes.js").EnumKind<"dedicated" | "passive" | "demand">], readonly ["TransmitLinkSpeed", import("../struct/ctypes.js").UintKind<bigint>], readonly ["ReceiveLinkSpeed", import("../struct/ctypes.js").UintKind<bigint>], readonly ["InOctets", import("../struct/ctypes.js").UintKind<bigint>], readonly ["InUcastPkts", import("../struct/ctypes.js").UintKind<bigint>], readonly ["InNUcastPkts", import("../struct/ctypes.js").UintKind<bigint>], readonly ["InDiscards", import("../struct/ctypes.js").UintKind<bigint>], readonly ["InErrors", import("../struct/ctypes.js").UintKind<bigint>], readonly ["InUnknownProtos", import("../struct/ctypes.js").UintKind<bigint>], readonly ["InUcastOctets", import("../struct/ctypes.js").UintKind<bigint>], readonly ["InMulticastOctets", import("../struct/ctypes.js").UintKind<bigint>], readonly ["InBroadcastOctets", import("../struct/ctypes.js").UintKind<bigint>], readonly ["OutOctets", import("../struct/ctypes.js").UintKind<bigint>], readonly ["OutUcastPkts", import("../struct/ctypes.js").UintKind<bigint>], readonly ["OutNUcastPkts", import("../struct/ctypes.js").UintKind<bigint>], readonly ["OutDiscards", import("../struct/ctypes.js").UintKind<bigint>], readonly ["OutErrors", import("../struct/ctypes.js").UintKind<bigint>], readonly ["OutUcastOctets", import("../struct/ctypes.js").UintKind<bigint>], readonly ["OutMulticastOctets", import("../struct/ctypes.js").UintKind<bigint>], readonly ["OutBroadcastOctets", import("../struct/ctypes.js").UintKind<bigint>], readonly ["OutQLen", import("../struct/ctypes.js").UintKind<bigint>]]>;
