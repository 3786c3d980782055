/**
 * The MIB_IPINTERFACE_ROW as users see it, and the zod schema every decoded row
 * passes. Both derive from the struct's one declaration
 * (./structs/mib-ipinterface-row.ts); `IpInterfaceRow` is inferred from the
 * schema, so the type and the runtime check cannot drift apart. Users can run
 * the same schema on rows that crossed a process boundary (Electron IPC) or
 * were revived from JSON.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_row
 */
import type { z } from 'zod';
import type { ValueOf } from './struct/ctypes.js';
import { AF_INET, AF_INET6, AF_UNSPEC, LINK_LOCAL_ADDRESS_BEHAVIOR, OFFLOAD_FLAG_KEYS, OFFLOAD_ROD, ROUTER_DISCOVERY_BEHAVIOR, SCOPE_LEVEL_COUNT } from './structs/mib-ipinterface-row.js';
export { AF_UNSPEC, AF_INET, AF_INET6, ROUTER_DISCOVERY_BEHAVIOR, LINK_LOCAL_ADDRESS_BEHAVIOR, SCOPE_LEVEL_COUNT, OFFLOAD_FLAG_KEYS };
export type IpFamily = 'ipv4' | 'ipv6';
export type RouterDiscoveryBehavior = keyof typeof ROUTER_DISCOVERY_BEHAVIOR;
export type LinkLocalAddressBehavior = keyof typeof LINK_LOCAL_ADDRESS_BEHAVIOR;
/** True for an integer in [0, 2^32 - 1]. */
export declare function isUint32(value: unknown): value is number;
/** True for a bigint in [0, 2^64 - 1]. */
export declare function isUint64(value: unknown): value is bigint;
/** NL_INTERFACE_OFFLOAD_ROD: eight capability flags, each a boolean. */
export type InterfaceOffload = ValueOf<typeof OFFLOAD_ROD>;
/** NL_INTERFACE_OFFLOAD_ROD as a schema: an object with the eight boolean flags. */
export declare const offloadSchema: z.ZodType<import("./struct/ctypes.js").BitsValue<readonly ["NlChecksumSupported", "NlOptionsSupported", "TlDatagramChecksumSupported", "TlStreamChecksumSupported", "TlStreamOptionsSupported", "FastPathCompatible", "TlLargeSendOffloadSupported", "TlGiantSendOffloadSupported"]>, unknown, z.core.$ZodTypeInternals<import("./struct/ctypes.js").BitsValue<readonly ["NlChecksumSupported", "NlOptionsSupported", "TlDatagramChecksumSupported", "TlStreamChecksumSupported", "TlStreamOptionsSupported", "FastPathCompatible", "TlLargeSendOffloadSupported", "TlGiantSendOffloadSupported"]>, unknown>>;
/** One MIB_IPINTERFACE_ROW, keys in header order. */
export declare const ipInterfaceRowSchema: import("./struct/schema.js").RowSchema<readonly [readonly ["Family", import("./struct/ctypes.js").EnumKind<"ipv4" | "ipv6">], readonly ["InterfaceLuid", import("./struct/ctypes.js").UintKind<bigint>], readonly ["InterfaceIndex", import("./struct/ctypes.js").UintKind<number>], readonly ["MaxReassemblySize", import("./struct/ctypes.js").UintKind<number>], readonly ["InterfaceIdentifier", import("./struct/ctypes.js").UintKind<bigint>], readonly ["MinRouterAdvertisementInterval", import("./struct/ctypes.js").UintKind<number>], readonly ["MaxRouterAdvertisementInterval", import("./struct/ctypes.js").UintKind<number>], readonly ["AdvertisingEnabled", import("./struct/ctypes.js").BoolKind<boolean>], readonly ["ForwardingEnabled", import("./struct/ctypes.js").BoolKind<boolean>], readonly ["WeakHostSend", import("./struct/ctypes.js").BoolKind<boolean>], readonly ["WeakHostReceive", import("./struct/ctypes.js").BoolKind<boolean>], readonly ["UseAutomaticMetric", import("./struct/ctypes.js").BoolKind<boolean>], readonly ["UseNeighborUnreachabilityDetection", import("./struct/ctypes.js").BoolKind<boolean>], readonly ["ManagedAddressConfigurationSupported", import("./struct/ctypes.js").BoolKind<boolean>], readonly ["OtherStatefulConfigurationSupported", import("./struct/ctypes.js").BoolKind<boolean>], readonly ["AdvertiseDefaultRoute", import("./struct/ctypes.js").BoolKind<boolean>], readonly ["RouterDiscoveryBehavior", import("./struct/ctypes.js").EnumKind<"disabled" | "enabled" | "dhcp" | "unchanged">], readonly ["DadTransmits", import("./struct/ctypes.js").UintKind<number>], readonly ["BaseReachableTime", import("./struct/ctypes.js").UintKind<number>], readonly ["RetransmitTime", import("./struct/ctypes.js").UintKind<number>], readonly ["PathMtuDiscoveryTimeout", import("./struct/ctypes.js").UintKind<number>], readonly ["LinkLocalAddressBehavior", import("./struct/ctypes.js").EnumKind<"unchanged" | "always-off" | "delayed" | "always-on">], readonly ["LinkLocalAddressTimeout", import("./struct/ctypes.js").UintKind<number>], readonly ["ZoneIndices", import("./struct/ctypes.js").ArrayKind<number[]>], readonly ["SitePrefixLength", import("./struct/ctypes.js").UintKind<number>], readonly ["Metric", import("./struct/ctypes.js").UintKind<number>], readonly ["NlMtu", import("./struct/ctypes.js").UintKind<number>], readonly ["Connected", import("./struct/ctypes.js").BoolKind<boolean>], readonly ["SupportsWakeUpPatterns", import("./struct/ctypes.js").BoolKind<boolean>], readonly ["SupportsNeighborDiscovery", import("./struct/ctypes.js").BoolKind<boolean>], readonly ["SupportsRouterDiscovery", import("./struct/ctypes.js").BoolKind<boolean>], readonly ["ReachableTime", import("./struct/ctypes.js").UintKind<number>], readonly ["TransmitOffload", import("./struct/ctypes.js").BitsKind<import("./struct/ctypes.js").BitsValue<readonly ["NlChecksumSupported", "NlOptionsSupported", "TlDatagramChecksumSupported", "TlStreamChecksumSupported", "TlStreamOptionsSupported", "FastPathCompatible", "TlLargeSendOffloadSupported", "TlGiantSendOffloadSupported"]>>], readonly ["ReceiveOffload", import("./struct/ctypes.js").BitsKind<import("./struct/ctypes.js").BitsValue<readonly ["NlChecksumSupported", "NlOptionsSupported", "TlDatagramChecksumSupported", "TlStreamChecksumSupported", "TlStreamOptionsSupported", "FastPathCompatible", "TlLargeSendOffloadSupported", "TlGiantSendOffloadSupported"]>>], readonly ["DisableDefaultRoutes", import("./struct/ctypes.js").BoolKind<boolean>]]>;
export type IpInterfaceRow = z.infer<typeof ipInterfaceRowSchema>;
/**
 * The part of the row schema that bytes can violate (ADDRESS_FAMILY and the two
 * enums), built from the same declaration; test/schema.test.ts holds it to the
 * full schema's verdict on decoded random bytes.
 */
export declare const decodedRowSchema: z.ZodType<unknown, unknown, z.core.$ZodTypeInternals<unknown, unknown>>;
