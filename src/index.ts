/**
 * ipinterface: the Windows IP Helper API (iphlpapi.dll) for Node.js and
 * Electron — IP interfaces, adapters, addresses, routes, neighbours, the best
 * route and default gateways, change feeds and captures.
 *
 * This file is the whole public API; everything else is internal.
 */

/* ---- Tables (one declaration each, src/tables/) ---- */
export {
  getIpInterfaceTable,
  getIpInterfaceTableAsync,
  getIpInterfaceEntry,
  getIpInterfaceEntryAsync,
  decodeIpInterfaceTable,
  decodeIpInterfaceRow,
  ipInterfaceRowSchema,
  offloadSchema,
  ipInterfaceLayout,
  AF_UNSPEC,
  AF_INET,
  AF_INET6,
  ROUTER_DISCOVERY_BEHAVIOR,
  LINK_LOCAL_ADDRESS_BEHAVIOR,
  SCOPE_LEVEL_COUNT,
  OFFLOAD_FLAG_KEYS,
} from './tables/ip-interfaces.js';
export type {
  IpInterfaceRow,
  IpInterfaceKey,
  InterfaceOffload,
  IpFamily,
  RouterDiscoveryBehavior,
  LinkLocalAddressBehavior,
  IpInterfaceLayout,
  FieldLayout,
} from './tables/ip-interfaces.js';
export {
  getIfTable2,
  getIfTable2Async,
  getIfEntry2,
  getIfEntry2Async,
  decodeIfTable2,
  decodeIfRow2,
  ifRow2Schema,
  IF_MAX_STRING_SIZE,
  IF_MAX_PHYS_ADDRESS_LENGTH,
  IF_OPER_STATUS,
  NET_IF_ADMIN_STATUS,
  NET_IF_MEDIA_CONNECT_STATE,
  NET_IF_ACCESS_TYPE,
  NET_IF_DIRECTION_TYPE,
  NET_IF_CONNECTION_TYPE,
  TUNNEL_TYPE,
  NDIS_MEDIUM,
  NDIS_PHYSICAL_MEDIUM,
} from './tables/adapters.js';
export type { IfRow2, IfOperStatus, IfAdminStatus, MediaConnectState, InterfaceAndOperStatusFlags } from './tables/adapters.js';
export {
  getUnicastIpAddressTable,
  getUnicastIpAddressTableAsync,
  getUnicastIpAddressEntry,
  getUnicastIpAddressEntryAsync,
  decodeUnicastIpAddressTable,
  unicastIpAddressRowSchema,
  INFINITE_LIFETIME,
  NL_PREFIX_ORIGIN,
  NL_SUFFIX_ORIGIN,
  NL_DAD_STATE,
} from './tables/unicast-addresses.js';
export type { UnicastIpAddressRow, UnicastIpAddressKey } from './tables/unicast-addresses.js';
export {
  getIpForwardTable2,
  getIpForwardTable2Async,
  getIpForwardEntry2,
  getIpForwardEntry2Async,
  decodeIpForwardTable2,
  ipForwardRow2Schema,
  NL_ROUTE_PROTOCOL,
  NL_ROUTE_ORIGIN,
} from './tables/routes.js';
export type { IpForwardRow2, IpForwardKey } from './tables/routes.js';
export { getIpNetTable2, getIpNetTable2Async, decodeIpNetTable2, ipNetRow2Schema, NL_NEIGHBOR_STATE } from './tables/neighbors.js';
export type { IpNetRow2 } from './tables/neighbors.js';
export { getTcpTable, getTcpTableAsync, getUdpTable, getUdpTableAsync, decodeTcpTable, decodeUdpTable, tcpRowSchema, udpRowSchema, MIB_TCP_STATE } from './tables/connections.js';
export type { TcpRow, TcpState, UdpRow } from './tables/connections.js';
export { getProcessImagePath, getPortOwners, getPortOwnersAsync, closeTcpConnection, closeTcpConnectionAsync } from './processes.js';
export type { PortOwner, PortOwnersOptions, TcpConnectionKey } from './processes.js';
export {
  getAdaptersAddresses,
  getAdaptersAddressesAsync,
  decodeAdaptersAddresses,
  getDnsServers,
  getDnsServersAsync,
  getDnsConfiguration,
  getDnsConfigurationAsync,
} from './adapter-config.js';
export type { AdapterAddresses, AdaptersAddressesOptions, DnsServerEntry, DnsConfiguration } from './adapter-config.js';
export { MAX_LIST_NODES } from './struct/reader.js';
export { createRoute, createRouteAsync, setRoute, setRouteAsync, deleteRoute, deleteRouteAsync } from './route-writes.js';
export type { RouteInput, RouteChangeResult } from './route-writes.js';
export {
  createUnicastAddress,
  createUnicastAddressAsync,
  setUnicastAddress,
  setUnicastAddressAsync,
  deleteUnicastAddress,
  deleteUnicastAddressAsync,
} from './address-writes.js';
export type { UnicastAddressInput, UnicastAddressChangeResult } from './address-writes.js';
export { getInterfaceDnsSettings, getInterfaceDnsSettingsAsync, setInterfaceDnsSettings, setInterfaceDnsSettingsAsync } from './dns-settings.js';
export type { InterfaceDnsSettings, InterfaceDnsChanges } from './dns-settings.js';
export { MAX_TABLE_ROWS } from './mibtable.js';
export type { FamilyOption } from './family.js';

/* ---- Joined and computed answers ---- */
export { getIpInterfaces, getIpInterfacesAsync } from './interfaces.js';
export type { IpInterface, IpInterfaceAdapterFields } from './interfaces.js';
export { getBestRoute, getBestRouteAsync, getDefaultRoutes, getDefaultRoutesAsync } from './best-route.js';
export type { DefaultRoute } from './best-route.js';
export { chooseRoute } from './route-choice.js';
export type { BestRoute, BestRouteOptions, RouteTables } from './route-choice.js';

/* ---- Changes ---- */
export { setIpInterface, setIpInterfaceAsync, ipInterfaceChangesSchema } from './set.js';
export type { IpInterfaceChanges, SetIpInterfaceResult } from './set.js';
export { watchIpInterfaces, IpInterfaceWatcher, watchRoutes, RouteWatcher, watchUnicastAddresses, UnicastAddressWatcher } from './watch/feeds.js';
export type {
  IpInterfaceChange,
  IpInterfaceChangeType,
  ChangeType,
  WatchOptions,
  RouteChange,
  RouteKey,
  UnicastAddressChange,
  UnicastAddressKey,
} from './watch/feeds.js';

/* ---- LUIDs ---- */
export {
  IF_TYPE,
  parseLuid,
  makeLuid,
  convertInterfaceLuidToIndex,
  convertInterfaceIndexToLuid,
  convertInterfaceLuidToAlias,
  convertInterfaceLuidToName,
  convertInterfaceLuidToGuid,
} from './luid.js';
export type { IfTypeName, LuidParts } from './luid.js';

/* ---- Captures ---- */
export { encodeCapture, encodeCaptureTables, decodeCapture, saveCapture, loadCapture, captureIpInterfaceTable, captureTables } from './capture/tables.js';
export type { Capture, CapturedTable, CaptureTableInput, CaptureTableOptions, CaptureTablesOptions } from './capture/tables.js';
export { captureMetadataSchema, captureTablesMetadataSchema, IpInterfaceCaptureError, CAPTURE_VERSION } from './capture/format.js';
export type { CaptureMetadata, CaptureTablesMetadata, CaptureTableInfo, CaptureInput, CaptureErrorCode } from './capture/format.js';

/* ---- Errors ---- */
export { IpInterfaceDecodeError, IpHelperError } from './errors.js';
export type { IpInterfaceDecodeErrorCode, IpHelperErrorCode } from './errors.js';

/** @internal Not API: hooks for this package's own tests and benchmarks (src/internal.ts). */
export * as _internal from './internal.js';
