/** ADDRESS_FAMILY values as Windows numbers them (ws2def.h). AF_INET6 is 23 on Windows, not Linux's 10. */
export declare const AF_UNSPEC = 0;
export declare const AF_INET = 2;
export declare const AF_INET6 = 23;
/** ScopeLevelCount in ws2def.h: the length of ZoneIndices. */
export declare const SCOPE_LEVEL_COUNT = 16;
/** ADDRESS_FAMILY of a row: AF_INET or AF_INET6. */
export declare const ADDRESS_FAMILY: import("../struct/ctypes.js").EnumKind<"ipv4" | "ipv6">;
/** NL_ROUTER_DISCOVERY_BEHAVIOR (nldef.h): name → raw value. */
export declare const ROUTER_DISCOVERY_BEHAVIOR: Readonly<{
    readonly disabled: 0;
    readonly enabled: 1;
    readonly dhcp: 2;
    readonly unchanged: -1;
}>;
/** NL_LINK_LOCAL_ADDRESS_BEHAVIOR (nldef.h): name → raw value. */
export declare const LINK_LOCAL_ADDRESS_BEHAVIOR: Readonly<{
    readonly 'always-off': 0;
    readonly delayed: 1;
    readonly 'always-on': 2;
    readonly unchanged: -1;
}>;
/** NL_INTERFACE_OFFLOAD_ROD's eight 1-bit flags, first-declared (bit 0) first. */
declare const OFFLOAD_ROD: import("../struct/ctypes.js").BitsKind<import("../struct/ctypes.js").BitsValue<readonly ["NlChecksumSupported", "NlOptionsSupported", "TlDatagramChecksumSupported", "TlStreamChecksumSupported", "TlStreamOptionsSupported", "FastPathCompatible", "TlLargeSendOffloadSupported", "TlGiantSendOffloadSupported"]>>;
export declare const MIB_IPINTERFACE_ROW: import("../struct/define.js").Struct<readonly [readonly ["Family", import("../struct/ctypes.js").EnumKind<"ipv4" | "ipv6">], readonly ["InterfaceLuid", import("../struct/ctypes.js").UintKind<bigint>], readonly ["InterfaceIndex", import("../struct/ctypes.js").UintKind<number>], readonly ["MaxReassemblySize", import("../struct/ctypes.js").UintKind<number>], readonly ["InterfaceIdentifier", import("../struct/ctypes.js").UintKind<bigint>], readonly ["MinRouterAdvertisementInterval", import("../struct/ctypes.js").UintKind<number>], readonly ["MaxRouterAdvertisementInterval", import("../struct/ctypes.js").UintKind<number>], readonly ["AdvertisingEnabled", import("../struct/ctypes.js").BoolKind<boolean>], readonly ["ForwardingEnabled", import("../struct/ctypes.js").BoolKind<boolean>], readonly ["WeakHostSend", import("../struct/ctypes.js").BoolKind<boolean>], readonly ["WeakHostReceive", import("../struct/ctypes.js").BoolKind<boolean>], readonly ["UseAutomaticMetric", import("../struct/ctypes.js").BoolKind<boolean>], readonly ["UseNeighborUnreachabilityDetection", import("../struct/ctypes.js").BoolKind<boolean>], readonly ["ManagedAddressConfigurationSupported", import("../struct/ctypes.js").BoolKind<boolean>], readonly ["OtherStatefulConfigurationSupported", import("../struct/ctypes.js").BoolKind<boolean>], readonly ["AdvertiseDefaultRoute", import("../struct/ctypes.js").BoolKind<boolean>], readonly ["RouterDiscoveryBehavior", import("../struct/ctypes.js").EnumKind<"disabled" | "enabled" | "dhcp" | "unchanged">], readonly ["DadTransmits", import("../struct/ctypes.js").UintKind<number>], readonly ["BaseReachableTime", import("../struct/ctypes.js").UintKind<number>], readonly ["RetransmitTime", import("../struct/ctypes.js").UintKind<number>], readonly ["PathMtuDiscoveryTimeout", import("../struct/ctypes.js").UintKind<number>], readonly ["LinkLocalAddressBehavior", import("../struct/ctypes.js").EnumKind<"unchanged" | "always-off" | "delayed" | "always-on">], readonly ["LinkLocalAddressTimeout", import("../struct/ctypes.js").UintKind<number>], readonly ["ZoneIndices", import("../struct/ctypes.js").ArrayKind<number[]>], readonly ["SitePrefixLength", import("../struct/ctypes.js").UintKind<number>], readonly ["Metric", import("../struct/ctypes.js").UintKind<number>], readonly ["NlMtu", import("../struct/ctypes.js").UintKind<number>], readonly ["Connected", import("../struct/ctypes.js").BoolKind<boolean>], readonly ["SupportsWakeUpPatterns", import("../struct/ctypes.js").BoolKind<boolean>], readonly ["SupportsNeighborDiscovery", import("../struct/ctypes.js").BoolKind<boolean>], readonly ["SupportsRouterDiscovery", import("../struct/ctypes.js").BoolKind<boolean>], readonly ["ReachableTime", import("../struct/ctypes.js").UintKind<number>], readonly ["TransmitOffload", import("../struct/ctypes.js").BitsKind<import("../struct/ctypes.js").BitsValue<readonly ["NlChecksumSupported", "NlOptionsSupported", "TlDatagramChecksumSupported", "TlStreamChecksumSupported", "TlStreamOptionsSupported", "FastPathCompatible", "TlLargeSendOffloadSupported", "TlGiantSendOffloadSupported"]>>], readonly ["ReceiveOffload", import("../struct/ctypes.js").BitsKind<import("../struct/ctypes.js").BitsValue<readonly ["NlChecksumSupported", "NlOptionsSupported", "TlDatagramChecksumSupported", "TlStreamChecksumSupported", "TlStreamOptionsSupported", "FastPathCompatible", "TlLargeSendOffloadSupported", "TlGiantSendOffloadSupported"]>>], readonly ["DisableDefaultRoutes", import("../struct/ctypes.js").BoolKind<boolean>]]>;
/** NL_INTERFACE_OFFLOAD_ROD's flags as row keys, bit 0 first. */
export declare const OFFLOAD_FLAG_KEYS: readonly ["nlChecksumSupported", "nlOptionsSupported", "tlDatagramChecksumSupported", "tlStreamChecksumSupported", "tlStreamOptionsSupported", "fastPathCompatible", "tlLargeSendOffloadSupported", "tlGiantSendOffloadSupported"];
export { OFFLOAD_ROD };
