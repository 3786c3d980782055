/**
 * Changing interface settings: read the current row (GetIpInterfaceEntry),
 * change only the fields the caller named, write it back (SetIpInterfaceEntry),
 * read it again. Like Set-NetIPInterface, from Node.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-setipinterfaceentry
 */
import type { z } from 'zod';
import { type IpInterfaceKey } from './entry.js';
import { type IpInterfaceRow } from './schema.js';
/**
 * The fields setIpInterface writes, and what each accepts. Unknown keys are
 * rejected. These are the members SetIpInterfaceEntry applies and
 * Set-NetIPInterface exposes; the rest of the row (the key, MaxReassemblySize,
 * InterfaceIdentifier, the router-advertisement intervals, Connected, the
 * Supports* flags, ReachableTime, ZoneIndices, the offload flags) is reported
 * state, written back as read.
 */
export declare const ipInterfaceChangesSchema: z.ZodObject<{
    metric: z.ZodOptional<z.ZodUnion<readonly [z.ZodInt, z.ZodLiteral<"automatic">]>>;
    nlMtu: z.ZodOptional<z.ZodInt>;
    forwardingEnabled: z.ZodOptional<z.ZodBoolean>;
    advertisingEnabled: z.ZodOptional<z.ZodBoolean>;
    advertiseDefaultRoute: z.ZodOptional<z.ZodBoolean>;
    managedAddressConfigurationSupported: z.ZodOptional<z.ZodBoolean>;
    otherStatefulConfigurationSupported: z.ZodOptional<z.ZodBoolean>;
    weakHostSend: z.ZodOptional<z.ZodBoolean>;
    weakHostReceive: z.ZodOptional<z.ZodBoolean>;
    useNeighborUnreachabilityDetection: z.ZodOptional<z.ZodBoolean>;
    routerDiscoveryBehavior: z.ZodOptional<z.ZodEnum<{
        disabled: "disabled";
        enabled: "enabled";
        dhcp: "dhcp";
    }>>;
    dadTransmits: z.ZodOptional<z.ZodInt>;
    baseReachableTime: z.ZodOptional<z.ZodInt>;
    retransmitTime: z.ZodOptional<z.ZodInt>;
    pathMtuDiscoveryTimeout: z.ZodOptional<z.ZodInt>;
    linkLocalAddressBehavior: z.ZodOptional<z.ZodEnum<{
        "always-off": "always-off";
        delayed: "delayed";
        "always-on": "always-on";
    }>>;
    linkLocalAddressTimeout: z.ZodOptional<z.ZodInt>;
    disableDefaultRoutes: z.ZodOptional<z.ZodBoolean>;
}, z.core.$strict>;
export type IpInterfaceChanges = z.input<typeof ipInterfaceChangesSchema>;
/** Validates `changes` for a family; a TypeError naming the field and the value for anything wrong. */
export declare function checkChanges(changes: unknown, family: 'ipv4' | 'ipv6'): z.output<typeof ipInterfaceChangesSchema>;
/**
 * Applies the changes to the row bytes GetIpInterfaceEntry returned, in place,
 * and clamps SitePrefixLength as SetIpInterfaceEntry needs (0 for IPv4 above 32,
 * 128 for IPv6 above 128: Windows reports such values but refuses them back).
 */
export declare function applyChanges(row: Buffer, family: 'ipv4' | 'ipv6', changes: z.output<typeof ipInterfaceChangesSchema>): void;
/** The row before and after the write, as read from the system. */
export interface SetIpInterfaceResult {
    readonly before: IpInterfaceRow;
    readonly after: IpInterfaceRow;
}
/**
 * Changes the named settings of one interface and family (read, modify, write),
 * and returns the row before and after. Needs administrator rights:
 * `ERROR_ACCESS_DENIED` otherwise. Invalid changes are rejected before any call.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-setipinterfaceentry
 */
export declare function setIpInterface(key: IpInterfaceKey, changes: IpInterfaceChanges): SetIpInterfaceResult;
/**
 * Like setIpInterface, with each native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-setipinterfaceentry
 */
export declare function setIpInterfaceAsync(key: IpInterfaceKey, changes: IpInterfaceChanges): Promise<SetIpInterfaceResult>;
