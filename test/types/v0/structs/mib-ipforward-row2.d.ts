/**
 * NL_ROUTE_PROTOCOL (nldef.h): who added the route. 15…19 (RouteProtocolIdpr …
 * RouteProtocolDhcp) are in Microsoft's SDK and documentation but not in
 * mingw-w64's header; 10002, 10006 and 10007 are MIB_IPPROTO_NT_AUTOSTATIC,
 * _NT_STATIC and _NT_STATIC_NON_DOD.
 */
export declare const NL_ROUTE_PROTOCOL: Readonly<{
    readonly other: 1;
    readonly local: 2;
    readonly netMgmt: 3;
    readonly icmp: 4;
    readonly egp: 5;
    readonly ggp: 6;
    readonly hello: 7;
    readonly rip: 8;
    readonly isIs: 9;
    readonly esIs: 10;
    readonly cisco: 11;
    readonly bbn: 12;
    readonly ospf: 13;
    readonly bgp: 14;
    readonly idpr: 15;
    readonly eigrp: 16;
    readonly dvmrp: 17;
    readonly rpl: 18;
    readonly dhcp: 19;
    readonly ntAutostatic: 10002;
    readonly ntStatic: 10006;
    readonly ntStaticNonDod: 10007;
}>;
/** NL_ROUTE_ORIGIN (nldef.h): how the route came to be. */
export declare const NL_ROUTE_ORIGIN: Readonly<{
    readonly manual: 0;
    readonly wellKnown: 1;
    readonly dhcp: 2;
    readonly routerAdvertisement: 3;
    readonly '6to4': 4;
}>;
export declare const MIB_IPFORWARD_ROW2: import("../struct/define.js").Struct<readonly [readonly ["InterfaceLuid", import("../struct/ctypes.js").UintKind<bigint>], readonly ["InterfaceIndex", import("../struct/ctypes.js").UintKind<number>], readonly ["DestinationPrefix", import("../struct/ctypes.js").PrefixKind<{
    address: string;
    prefixLength: number;
}>], readonly ["NextHop", import("../struct/ctypes.js").SockaddrKind<string>], readonly ["SitePrefixLength", import("../struct/ctypes.js").UintKind<number>], readonly ["ValidLifetime", import("../struct/ctypes.js").UintKind<number>], readonly ["PreferredLifetime", import("../struct/ctypes.js").UintKind<number>], readonly ["Metric", import("../struct/ctypes.js").UintKind<number>], readonly ["Protocol", import("../struct/ctypes.js").EnumKind<"other" | "dhcp" | "local" | "netMgmt" | "icmp" | "egp" | "ggp" | "hello" | "rip" | "isIs" | "esIs" | "cisco" | "bbn" | "ospf" | "bgp" | "idpr" | "eigrp" | "dvmrp" | "rpl" | "ntAutostatic" | "ntStatic" | "ntStaticNonDod">], readonly ["Loopback", import("../struct/ctypes.js").BoolKind<boolean>], readonly ["AutoconfigureAddress", import("../struct/ctypes.js").BoolKind<boolean>], readonly ["Publish", import("../struct/ctypes.js").BoolKind<boolean>], readonly ["Immortal", import("../struct/ctypes.js").BoolKind<boolean>], readonly ["Age", import("../struct/ctypes.js").UintKind<number>], readonly ["Origin", import("../struct/ctypes.js").EnumKind<"dhcp" | "6to4" | "manual" | "wellKnown" | "routerAdvertisement">]]>;
