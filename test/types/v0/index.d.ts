/**
 * ipinterface: per-interface IP settings from the Windows IP Helper API
 * (GetIpInterfaceTable and friends), for Node.js and Electron.
 *
 * This file is the whole public API; everything else is internal.
 */
export { getIpInterfaceTable, getIpInterfaceTableAsync, captureIpInterfaceTable, captureTables, MAX_TABLE_ROWS } from './table.js';
export type { CaptureTableOptions, CaptureTablesOptions } from './table.js';
export type { FamilyOption } from './family.js';
export { getIpInterfaceEntry, getIpInterfaceEntryAsync } from './entry.js';
export type { IpInterfaceKey } from './entry.js';
export { getIpInterfaces, getIpInterfacesAsync } from './interfaces.js';
export { watchIpInterfaces, IpInterfaceWatcher, watchRoutes, RouteWatcher, watchUnicastAddresses, UnicastAddressWatcher } from './watch.js';
export { setIpInterface, setIpInterfaceAsync, ipInterfaceChangesSchema } from './set.js';
export type { IpInterfaceChanges, SetIpInterfaceResult } from './set.js';
export type { IpInterfaceChange, IpInterfaceChangeType, ChangeType, WatchOptions, RouteChange, RouteKey, UnicastAddressChange, UnicastAddressKey, } from './watch.js';
export type { IpInterface, IpInterfaceAdapterFields } from './interfaces.js';
export { getIfTable2, getIfTable2Async, getIfEntry2, getIfEntry2Async, decodeIfTable2, decodeIfRow2, ifRow2Schema, IF_MAX_STRING_SIZE, IF_MAX_PHYS_ADDRESS_LENGTH, IF_OPER_STATUS, NET_IF_ADMIN_STATUS, NET_IF_MEDIA_CONNECT_STATE, NET_IF_ACCESS_TYPE, NET_IF_DIRECTION_TYPE, NET_IF_CONNECTION_TYPE, TUNNEL_TYPE, NDIS_MEDIUM, NDIS_PHYSICAL_MEDIUM, } from './adapters.js';
export type { IfRow2, IfOperStatus, IfAdminStatus, MediaConnectState, InterfaceAndOperStatusFlags } from './adapters.js';
export { getUnicastIpAddressTable, getUnicastIpAddressTableAsync, getUnicastIpAddressEntry, getUnicastIpAddressEntryAsync, decodeUnicastIpAddressTable, unicastIpAddressRowSchema, INFINITE_LIFETIME, NL_PREFIX_ORIGIN, NL_SUFFIX_ORIGIN, NL_DAD_STATE, } from './addresses.js';
export type { UnicastIpAddressRow, UnicastIpAddressKey } from './addresses.js';
export { getIpForwardTable2, getIpForwardTable2Async, getIpForwardEntry2, getIpForwardEntry2Async, decodeIpForwardTable2, ipForwardRow2Schema, getBestRoute, getBestRouteAsync, chooseRoute, getDefaultRoutes, getDefaultRoutesAsync, NL_ROUTE_PROTOCOL, NL_ROUTE_ORIGIN, } from './routes.js';
export type { IpForwardRow2, IpForwardKey, BestRoute, BestRouteOptions, DefaultRoute, RouteTables } from './routes.js';
export { getIpNetTable2, getIpNetTable2Async, decodeIpNetTable2, ipNetRow2Schema, NL_NEIGHBOR_STATE } from './neighbors.js';
export type { IpNetRow2 } from './neighbors.js';
export { IF_TYPE, parseLuid, makeLuid, convertInterfaceLuidToIndex, convertInterfaceIndexToLuid, convertInterfaceLuidToAlias, convertInterfaceLuidToName, convertInterfaceLuidToGuid, } from './luid.js';
export type { IfTypeName, LuidParts } from './luid.js';
export { decodeIpInterfaceTable, decodeIpInterfaceRow } from './decode.js';
export { AF_UNSPEC, AF_INET, AF_INET6, ROUTER_DISCOVERY_BEHAVIOR, LINK_LOCAL_ADDRESS_BEHAVIOR, SCOPE_LEVEL_COUNT, OFFLOAD_FLAG_KEYS, ipInterfaceRowSchema, offloadSchema, } from './schema.js';
export type { IpInterfaceRow, InterfaceOffload, IpFamily, RouterDiscoveryBehavior, LinkLocalAddressBehavior, } from './schema.js';
export { IpInterfaceDecodeError, IpHelperError } from './errors.js';
export type { IpInterfaceDecodeErrorCode, IpHelperErrorCode } from './errors.js';
export { ipInterfaceLayout } from './layout.js';
export type { IpInterfaceLayout, FieldLayout } from './layout.js';
export { encodeCapture, encodeCaptureTables, decodeCapture, saveCapture, loadCapture, captureMetadataSchema, captureTablesMetadataSchema, IpInterfaceCaptureError, CAPTURE_VERSION, } from './capture.js';
export type { Capture, CaptureMetadata, CaptureTablesMetadata, CaptureTableInfo, CaptureTableInput, CapturedTable, CaptureInput, CaptureErrorCode, } from './capture.js';
