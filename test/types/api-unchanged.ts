// The public API's types did not change when tables became declarations: test/types/v0/ holds the
// .d.ts files tsc wrote for the package before that change (copied from dist/, never edited), and
// every runtime export and public type named there must have exactly the same type now. `npm run
// typecheck` (part of `npm test`) compiles this file; a changed type is a compile error here.
// Capture (and the two functions returning it), the version 2 metadata and what the encoders take
// may gain optional members as tables are added: their existing members must keep exactly their types.
// The watcher classes hold #private members, which make two declarations of one class nominally
// distinct: they are compared by their public members and constructor parameters instead.
import type * as V0 from './v0/index.js';
import type * as Now from '../../src/index.js';
import type { z } from 'zod';

/** Exactly the same type (not merely assignable either way). */
type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
/**
 * A class instance's public members, without the brand its #private members give it: each method as
 * its parameters and its result, a result of the instance itself (`this`, which would bring the
 * brand back) as 'self'.
 */
type Public<T> = { [K in keyof T]: T[K] extends (...a: infer A) => infer R ? [A, R extends T ? 'self' : R] : T[K] };
/**
 * A type that later releases extend with new optional members (a capture gains the tables that are
 * added, and its metadata what they need): every member it had is kept with a compatible type,
 * checked as assignable both ways (strict identity would fail on the new optional members nested
 * inside), and new members are optional (an old value is still a new one).
 */
type Extended<Old, New> = [Old] extends [New] ? ([New] extends [Old] ? (keyof Old extends keyof New ? true : false) : false) : false;
/** A union that only gained members: every old value is still a new one. */
type Widened<Old, New> = [Old] extends [New] ? true : false;
/** Both overloads of a watch function, with the watcher it returns compared by its public members. */
type Overloads2<F> = F extends { (...a: infer A1): infer R1; (...a: infer A2): infer R2 } ? [A1, Public<R1>, A2, Public<R2>] : never;

export type RuntimeExports = [
  Assert<Equal<typeof V0.AF_INET, typeof Now.AF_INET>>,
  Assert<Equal<typeof V0.AF_INET6, typeof Now.AF_INET6>>,
  Assert<Equal<typeof V0.AF_UNSPEC, typeof Now.AF_UNSPEC>>,
  Assert<Equal<typeof V0.CAPTURE_VERSION, typeof Now.CAPTURE_VERSION>>,
  Assert<Equal<typeof V0.IF_MAX_PHYS_ADDRESS_LENGTH, typeof Now.IF_MAX_PHYS_ADDRESS_LENGTH>>,
  Assert<Equal<typeof V0.IF_MAX_STRING_SIZE, typeof Now.IF_MAX_STRING_SIZE>>,
  Assert<Equal<typeof V0.IF_OPER_STATUS, typeof Now.IF_OPER_STATUS>>,
  Assert<Equal<typeof V0.IF_TYPE, typeof Now.IF_TYPE>>,
  Assert<Equal<typeof V0.INFINITE_LIFETIME, typeof Now.INFINITE_LIFETIME>>,
  Assert<Equal<typeof V0.IpHelperError, typeof Now.IpHelperError>>,
  Assert<Equal<typeof V0.IpInterfaceCaptureError, typeof Now.IpInterfaceCaptureError>>,
  // Its `code` may take the codes added since (see IpInterfaceDecodeErrorCode below); nothing else changed.
  Assert<Equal<Omit<InstanceType<typeof V0.IpInterfaceDecodeError>, 'code'>, Omit<InstanceType<typeof Now.IpInterfaceDecodeError>, 'code'>>>,
  Assert<Widened<InstanceType<typeof V0.IpInterfaceDecodeError>['code'], InstanceType<typeof Now.IpInterfaceDecodeError>['code']>>,
  Assert<Equal<Public<InstanceType<typeof V0.IpInterfaceWatcher>>, Public<InstanceType<typeof Now.IpInterfaceWatcher>>>>,
  Assert<Equal<ConstructorParameters<typeof V0.IpInterfaceWatcher>, ConstructorParameters<typeof Now.IpInterfaceWatcher>>>,
  Assert<Equal<typeof V0.LINK_LOCAL_ADDRESS_BEHAVIOR, typeof Now.LINK_LOCAL_ADDRESS_BEHAVIOR>>,
  Assert<Equal<typeof V0.MAX_TABLE_ROWS, typeof Now.MAX_TABLE_ROWS>>,
  Assert<Equal<typeof V0.NDIS_MEDIUM, typeof Now.NDIS_MEDIUM>>,
  Assert<Equal<typeof V0.NDIS_PHYSICAL_MEDIUM, typeof Now.NDIS_PHYSICAL_MEDIUM>>,
  Assert<Equal<typeof V0.NET_IF_ACCESS_TYPE, typeof Now.NET_IF_ACCESS_TYPE>>,
  Assert<Equal<typeof V0.NET_IF_ADMIN_STATUS, typeof Now.NET_IF_ADMIN_STATUS>>,
  Assert<Equal<typeof V0.NET_IF_CONNECTION_TYPE, typeof Now.NET_IF_CONNECTION_TYPE>>,
  Assert<Equal<typeof V0.NET_IF_DIRECTION_TYPE, typeof Now.NET_IF_DIRECTION_TYPE>>,
  Assert<Equal<typeof V0.NET_IF_MEDIA_CONNECT_STATE, typeof Now.NET_IF_MEDIA_CONNECT_STATE>>,
  Assert<Equal<typeof V0.NL_DAD_STATE, typeof Now.NL_DAD_STATE>>,
  Assert<Equal<typeof V0.NL_NEIGHBOR_STATE, typeof Now.NL_NEIGHBOR_STATE>>,
  Assert<Equal<typeof V0.NL_PREFIX_ORIGIN, typeof Now.NL_PREFIX_ORIGIN>>,
  Assert<Equal<typeof V0.NL_ROUTE_ORIGIN, typeof Now.NL_ROUTE_ORIGIN>>,
  Assert<Equal<typeof V0.NL_ROUTE_PROTOCOL, typeof Now.NL_ROUTE_PROTOCOL>>,
  Assert<Equal<typeof V0.NL_SUFFIX_ORIGIN, typeof Now.NL_SUFFIX_ORIGIN>>,
  Assert<Equal<typeof V0.OFFLOAD_FLAG_KEYS, typeof Now.OFFLOAD_FLAG_KEYS>>,
  Assert<Equal<typeof V0.ROUTER_DISCOVERY_BEHAVIOR, typeof Now.ROUTER_DISCOVERY_BEHAVIOR>>,
  Assert<Equal<Public<InstanceType<typeof V0.RouteWatcher>>, Public<InstanceType<typeof Now.RouteWatcher>>>>,
  Assert<Equal<ConstructorParameters<typeof V0.RouteWatcher>, ConstructorParameters<typeof Now.RouteWatcher>>>,
  Assert<Equal<typeof V0.SCOPE_LEVEL_COUNT, typeof Now.SCOPE_LEVEL_COUNT>>,
  Assert<Equal<typeof V0.TUNNEL_TYPE, typeof Now.TUNNEL_TYPE>>,
  Assert<Equal<Public<InstanceType<typeof V0.UnicastAddressWatcher>>, Public<InstanceType<typeof Now.UnicastAddressWatcher>>>>,
  Assert<Equal<ConstructorParameters<typeof V0.UnicastAddressWatcher>, ConstructorParameters<typeof Now.UnicastAddressWatcher>>>,
  Assert<Equal<typeof V0.captureIpInterfaceTable, typeof Now.captureIpInterfaceTable>>,
  Assert<Equal<typeof V0.captureMetadataSchema, typeof Now.captureMetadataSchema>>,
  Assert<Equal<typeof V0.captureTables, typeof Now.captureTables>>,
  Assert<Extended<z.infer<typeof V0.captureTablesMetadataSchema>, z.infer<typeof Now.captureTablesMetadataSchema>>>,
  Assert<Equal<typeof V0.chooseRoute, typeof Now.chooseRoute>>,
  Assert<Equal<typeof V0.convertInterfaceIndexToLuid, typeof Now.convertInterfaceIndexToLuid>>,
  Assert<Equal<typeof V0.convertInterfaceLuidToAlias, typeof Now.convertInterfaceLuidToAlias>>,
  Assert<Equal<typeof V0.convertInterfaceLuidToGuid, typeof Now.convertInterfaceLuidToGuid>>,
  Assert<Equal<typeof V0.convertInterfaceLuidToIndex, typeof Now.convertInterfaceLuidToIndex>>,
  Assert<Equal<typeof V0.convertInterfaceLuidToName, typeof Now.convertInterfaceLuidToName>>,
  Assert<Extended<typeof V0.decodeCapture, typeof Now.decodeCapture>>,
  Assert<Equal<typeof V0.decodeIfRow2, typeof Now.decodeIfRow2>>,
  Assert<Equal<typeof V0.decodeIfTable2, typeof Now.decodeIfTable2>>,
  Assert<Equal<typeof V0.decodeIpForwardTable2, typeof Now.decodeIpForwardTable2>>,
  Assert<Equal<typeof V0.decodeIpInterfaceRow, typeof Now.decodeIpInterfaceRow>>,
  Assert<Equal<typeof V0.decodeIpInterfaceTable, typeof Now.decodeIpInterfaceTable>>,
  Assert<Equal<typeof V0.decodeIpNetTable2, typeof Now.decodeIpNetTable2>>,
  Assert<Equal<typeof V0.decodeUnicastIpAddressTable, typeof Now.decodeUnicastIpAddressTable>>,
  Assert<Extended<typeof V0.encodeCapture, typeof Now.encodeCapture>>,
  Assert<Extended<typeof V0.encodeCaptureTables, typeof Now.encodeCaptureTables>>,
  Assert<Equal<typeof V0.getBestRoute, typeof Now.getBestRoute>>,
  Assert<Equal<typeof V0.getBestRouteAsync, typeof Now.getBestRouteAsync>>,
  Assert<Equal<typeof V0.getDefaultRoutes, typeof Now.getDefaultRoutes>>,
  Assert<Equal<typeof V0.getDefaultRoutesAsync, typeof Now.getDefaultRoutesAsync>>,
  Assert<Equal<typeof V0.getIfEntry2, typeof Now.getIfEntry2>>,
  Assert<Equal<typeof V0.getIfEntry2Async, typeof Now.getIfEntry2Async>>,
  Assert<Equal<typeof V0.getIfTable2, typeof Now.getIfTable2>>,
  Assert<Equal<typeof V0.getIfTable2Async, typeof Now.getIfTable2Async>>,
  Assert<Equal<typeof V0.getIpForwardEntry2, typeof Now.getIpForwardEntry2>>,
  Assert<Equal<typeof V0.getIpForwardEntry2Async, typeof Now.getIpForwardEntry2Async>>,
  Assert<Equal<typeof V0.getIpForwardTable2, typeof Now.getIpForwardTable2>>,
  Assert<Equal<typeof V0.getIpForwardTable2Async, typeof Now.getIpForwardTable2Async>>,
  Assert<Equal<typeof V0.getIpInterfaceEntry, typeof Now.getIpInterfaceEntry>>,
  Assert<Equal<typeof V0.getIpInterfaceEntryAsync, typeof Now.getIpInterfaceEntryAsync>>,
  Assert<Equal<typeof V0.getIpInterfaceTable, typeof Now.getIpInterfaceTable>>,
  Assert<Equal<typeof V0.getIpInterfaceTableAsync, typeof Now.getIpInterfaceTableAsync>>,
  Assert<Equal<typeof V0.getIpInterfaces, typeof Now.getIpInterfaces>>,
  Assert<Equal<typeof V0.getIpInterfacesAsync, typeof Now.getIpInterfacesAsync>>,
  Assert<Equal<typeof V0.getIpNetTable2, typeof Now.getIpNetTable2>>,
  Assert<Equal<typeof V0.getIpNetTable2Async, typeof Now.getIpNetTable2Async>>,
  Assert<Equal<typeof V0.getUnicastIpAddressEntry, typeof Now.getUnicastIpAddressEntry>>,
  Assert<Equal<typeof V0.getUnicastIpAddressEntryAsync, typeof Now.getUnicastIpAddressEntryAsync>>,
  Assert<Equal<typeof V0.getUnicastIpAddressTable, typeof Now.getUnicastIpAddressTable>>,
  Assert<Equal<typeof V0.getUnicastIpAddressTableAsync, typeof Now.getUnicastIpAddressTableAsync>>,
  Assert<Equal<typeof V0.ifRow2Schema, typeof Now.ifRow2Schema>>,
  Assert<Equal<typeof V0.ipForwardRow2Schema, typeof Now.ipForwardRow2Schema>>,
  Assert<Equal<typeof V0.ipInterfaceChangesSchema, typeof Now.ipInterfaceChangesSchema>>,
  Assert<Equal<typeof V0.ipInterfaceLayout, typeof Now.ipInterfaceLayout>>,
  Assert<Equal<typeof V0.ipInterfaceRowSchema, typeof Now.ipInterfaceRowSchema>>,
  Assert<Equal<typeof V0.ipNetRow2Schema, typeof Now.ipNetRow2Schema>>,
  Assert<Extended<typeof V0.loadCapture, typeof Now.loadCapture>>,
  Assert<Equal<typeof V0.makeLuid, typeof Now.makeLuid>>,
  Assert<Equal<typeof V0.offloadSchema, typeof Now.offloadSchema>>,
  Assert<Equal<typeof V0.parseLuid, typeof Now.parseLuid>>,
  Assert<Extended<typeof V0.saveCapture, typeof Now.saveCapture>>,
  Assert<Equal<typeof V0.setIpInterface, typeof Now.setIpInterface>>,
  Assert<Equal<typeof V0.setIpInterfaceAsync, typeof Now.setIpInterfaceAsync>>,
  Assert<Equal<typeof V0.unicastIpAddressRowSchema, typeof Now.unicastIpAddressRowSchema>>,
  Assert<Equal<Overloads2<typeof V0.watchIpInterfaces>, Overloads2<typeof Now.watchIpInterfaces>>>,
  Assert<Equal<Overloads2<typeof V0.watchRoutes>, Overloads2<typeof Now.watchRoutes>>>,
  Assert<Equal<Overloads2<typeof V0.watchUnicastAddresses>, Overloads2<typeof Now.watchUnicastAddresses>>>,
];

export type TypeExports = [
  Assert<Equal<V0.BestRoute, Now.BestRoute>>,
  Assert<Equal<V0.BestRouteOptions, Now.BestRouteOptions>>,
  Assert<Extended<V0.Capture, Now.Capture>>,
  Assert<Equal<V0.CaptureErrorCode, Now.CaptureErrorCode>>,
  Assert<Extended<V0.CaptureInput, Now.CaptureInput>>,
  Assert<Equal<V0.CaptureMetadata, Now.CaptureMetadata>>,
  // Both gained optional keys for a linked list's table (base, head): additions only.
  Assert<Extended<V0.CaptureTableInfo, Now.CaptureTableInfo>>,
  Assert<Extended<V0.CaptureTableInput, Now.CaptureTableInput>>,
  Assert<Equal<V0.CaptureTableOptions, Now.CaptureTableOptions>>,
  Assert<Extended<V0.CaptureTablesMetadata, Now.CaptureTablesMetadata>>,
  Assert<Equal<V0.CaptureTablesOptions, Now.CaptureTablesOptions>>,
  Assert<Extended<V0.CapturedTable, Now.CapturedTable>>, // its info: see CaptureTableInfo
  Assert<Equal<V0.ChangeType, Now.ChangeType>>,
  Assert<Equal<V0.DefaultRoute, Now.DefaultRoute>>,
  Assert<Equal<V0.FamilyOption, Now.FamilyOption>>,
  Assert<Equal<V0.FieldLayout, Now.FieldLayout>>,
  Assert<Equal<V0.IfAdminStatus, Now.IfAdminStatus>>,
  Assert<Equal<V0.IfOperStatus, Now.IfOperStatus>>,
  Assert<Equal<V0.IfRow2, Now.IfRow2>>,
  Assert<Equal<V0.IfTypeName, Now.IfTypeName>>,
  Assert<Equal<V0.InterfaceAndOperStatusFlags, Now.InterfaceAndOperStatusFlags>>,
  Assert<Equal<V0.InterfaceOffload, Now.InterfaceOffload>>,
  Assert<Equal<V0.IpFamily, Now.IpFamily>>,
  Assert<Equal<V0.IpForwardKey, Now.IpForwardKey>>,
  Assert<Equal<V0.IpForwardRow2, Now.IpForwardRow2>>,
  Assert<Equal<V0.IpHelperErrorCode, Now.IpHelperErrorCode>>,
  Assert<Equal<V0.IpInterface, Now.IpInterface>>,
  Assert<Equal<V0.IpInterfaceAdapterFields, Now.IpInterfaceAdapterFields>>,
  Assert<Equal<V0.IpInterfaceChange, Now.IpInterfaceChange>>,
  Assert<Equal<V0.IpInterfaceChangeType, Now.IpInterfaceChangeType>>,
  Assert<Equal<V0.IpInterfaceChanges, Now.IpInterfaceChanges>>,
  // Codes may be added (issue 18's linked lists), never removed: every v0 code is still one.
  Assert<Widened<V0.IpInterfaceDecodeErrorCode, Now.IpInterfaceDecodeErrorCode>>,
  Assert<Equal<V0.IpInterfaceKey, Now.IpInterfaceKey>>,
  Assert<Equal<V0.IpInterfaceLayout, Now.IpInterfaceLayout>>,
  Assert<Equal<V0.IpInterfaceRow, Now.IpInterfaceRow>>,
  Assert<Equal<V0.IpNetRow2, Now.IpNetRow2>>,
  Assert<Equal<V0.LinkLocalAddressBehavior, Now.LinkLocalAddressBehavior>>,
  Assert<Equal<V0.LuidParts, Now.LuidParts>>,
  Assert<Equal<V0.MediaConnectState, Now.MediaConnectState>>,
  Assert<Equal<V0.RouteChange, Now.RouteChange>>,
  Assert<Equal<V0.RouteKey, Now.RouteKey>>,
  Assert<Equal<V0.RouteTables, Now.RouteTables>>,
  Assert<Equal<V0.RouterDiscoveryBehavior, Now.RouterDiscoveryBehavior>>,
  Assert<Equal<V0.SetIpInterfaceResult, Now.SetIpInterfaceResult>>,
  Assert<Equal<V0.UnicastAddressChange, Now.UnicastAddressChange>>,
  Assert<Equal<V0.UnicastAddressKey, Now.UnicastAddressKey>>,
  Assert<Equal<V0.UnicastIpAddressKey, Now.UnicastIpAddressKey>>,
  Assert<Equal<V0.UnicastIpAddressRow, Now.UnicastIpAddressRow>>,
  Assert<Equal<V0.WatchOptions, Now.WatchOptions>>,
];
