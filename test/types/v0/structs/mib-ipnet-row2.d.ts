/** NL_NEIGHBOR_STATE (nldef.h), without the NlnsMaximum sentinel. */
export declare const NL_NEIGHBOR_STATE: Readonly<{
    readonly unreachable: 0;
    readonly incomplete: 1;
    readonly probe: 2;
    readonly delay: 3;
    readonly stale: 4;
    readonly reachable: 5;
    readonly permanent: 6;
}>;
export declare const MIB_IPNET_ROW2: import("../struct/define.js").Struct<readonly [readonly ["Address", import("../struct/ctypes.js").SockaddrKind<string>], readonly ["InterfaceIndex", import("../struct/ctypes.js").UintKind<number>], readonly ["InterfaceLuid", import("../struct/ctypes.js").UintKind<bigint>], readonly ["PhysicalAddress", import("../struct/ctypes.js").BytesKind<string>], readonly ["PhysicalAddressLength", import("../struct/ctypes.js").UintKind<number>], readonly ["State", import("../struct/ctypes.js").EnumKind<"unreachable" | "incomplete" | "probe" | "delay" | "stale" | "reachable" | "permanent">], readonly ["Flags", import("../struct/ctypes.js").FlagsKind<import("../struct/ctypes.js").BitsValue<readonly ["IsRouter", "IsUnreachable"]>>], readonly ["ReachabilityTime", {
    readonly cType: "union { ULONG LastReachable; ULONG LastUnreachable; }";
    readonly t: "uint";
    readonly size: number;
    readonly align: number;
    readonly __value?: number;
}]]>;
