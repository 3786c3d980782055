/** NL_PREFIX_ORIGIN (nldef.h): where the address's prefix came from. */
export declare const NL_PREFIX_ORIGIN: Readonly<{
    readonly other: 0;
    readonly manual: 1;
    readonly wellKnown: 2;
    readonly dhcp: 3;
    readonly routerAdvertisement: 4;
    readonly unchanged: 16;
}>;
/** NL_SUFFIX_ORIGIN (nldef.h): where the address's suffix (interface identifier) came from. */
export declare const NL_SUFFIX_ORIGIN: Readonly<{
    readonly other: 0;
    readonly manual: 1;
    readonly wellKnown: 2;
    readonly dhcp: 3;
    readonly linkLayerAddress: 4;
    readonly random: 5;
    readonly unchanged: 16;
}>;
/** NL_DAD_STATE (nldef.h): duplicate address detection state. */
export declare const NL_DAD_STATE: Readonly<{
    readonly invalid: 0;
    readonly tentative: 1;
    readonly duplicate: 2;
    readonly deprecated: 3;
    readonly preferred: 4;
}>;
/** A lifetime of 0xFFFFFFFF seconds means infinite. */
export declare const INFINITE_LIFETIME = 4294967295;
export declare const MIB_UNICASTIPADDRESS_ROW: import("../struct/define.js").Struct<readonly [readonly ["Address", import("../struct/ctypes.js").SockaddrKind<string>], readonly ["InterfaceLuid", import("../struct/ctypes.js").UintKind<bigint>], readonly ["InterfaceIndex", import("../struct/ctypes.js").UintKind<number>], readonly ["PrefixOrigin", import("../struct/ctypes.js").EnumKind<"other" | "dhcp" | "unchanged" | "manual" | "wellKnown" | "routerAdvertisement">], readonly ["SuffixOrigin", import("../struct/ctypes.js").EnumKind<"other" | "dhcp" | "unchanged" | "manual" | "wellKnown" | "linkLayerAddress" | "random">], readonly ["ValidLifetime", import("../struct/ctypes.js").UintKind<number>], readonly ["PreferredLifetime", import("../struct/ctypes.js").UintKind<number>], readonly ["OnLinkPrefixLength", import("../struct/ctypes.js").UintKind<number>], readonly ["SkipAsSource", import("../struct/ctypes.js").BoolKind<boolean>], readonly ["DadState", import("../struct/ctypes.js").EnumKind<"deprecated" | "invalid" | "tentative" | "duplicate" | "preferred">], readonly ["ScopeId", import("../struct/ctypes.js").UintKind<number>], readonly ["CreationTimeStamp", import("../struct/ctypes.js").IntKind<bigint>]]>;
