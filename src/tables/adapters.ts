/**
 * Network adapters: GetIfTable2 and GetIfEntry2 (MIB_IF_ROW2), what
 * Get-NetAdapter shows — name, description, MAC address, status, speed and
 * counters — without spawning PowerShell, wmic or netsh; declared once.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getiftable2
 */
import type { z } from 'zod';
import { GetIfEntry2, GetIfTable2 } from '../functions.js';
import { lazy } from '../lazy.js';
import { MIB_IF_ROW2 } from '../structs/mib-if-row2.js';
import { defineTable } from '../table/define.js';
import { adapterStatus, linkSpeed, macText } from '../view/format.js';

export {
  IF_MAX_PHYS_ADDRESS_LENGTH,
  IF_MAX_STRING_SIZE,
  IF_OPER_STATUS,
  NDIS_MEDIUM,
  NDIS_PHYSICAL_MEDIUM,
  NET_IF_ACCESS_TYPE,
  NET_IF_ADMIN_STATUS,
  NET_IF_CONNECTION_TYPE,
  NET_IF_DIRECTION_TYPE,
  NET_IF_MEDIA_CONNECT_STATE,
  TUNNEL_TYPE,
} from '../structs/mib-if-row2.js';

/** One MIB_IF_ROW2 as a zod schema: run it on rows that crossed a process boundary. */
export const ifRow2Schema = lazy(() => MIB_IF_ROW2.schema());

/** One network adapter (MIB_IF_ROW2), keys in header order. */
export type IfRow2 = z.infer<typeof ifRow2Schema>;
export type IfOperStatus = IfRow2['operStatus'];
export type IfAdminStatus = IfRow2['adminStatus'];
export type MediaConnectState = IfRow2['mediaConnectState'];
export type InterfaceAndOperStatusFlags = IfRow2['interfaceAndOperStatusFlags'];

export const ADAPTERS = defineTable({
  name: 'adapters',
  title: 'adapter',
  summary: 'Network adapters: alias, description, MAC address, status, link speed and counters, one row per interface.',
  struct: MIB_IF_ROW2,
  get: { fn: GetIfTable2, family: 'none' },
  key: ['interfaceLuid', 'interfaceIndex'],
  // GetIfEntry2 looks the row up by InterfaceLuid when it is non-zero, else by InterfaceIndex.
  entry: { fn: GetIfEntry2, input: { t: 'indexOrLuid', arg: 'indexOrLuid' } },
  capture: 'adapters',
  view: {
    command: 'adapters',
    cmdlet: 'Get-NetAdapter',
    help: 'name, description, index, status, MAC, link speed',
    columns: [
      { field: 'alias', header: 'Name', cell: (r) => r.alias },
      { field: 'description', header: 'InterfaceDescription', cell: (r) => r.description },
      { field: 'interfaceIndex', header: 'ifIndex', cell: (r) => String(r.interfaceIndex) },
      { field: 'operStatus', header: 'Status', cell: adapterStatus },
      { field: 'physicalAddress', header: 'MacAddress', cell: (r) => macText(r.physicalAddress) },
      { field: 'transmitLinkSpeed', header: 'LinkSpeed', cell: (r) => linkSpeed(r.transmitLinkSpeed) },
    ],
    sort: (r) => [r.alias.toLowerCase(), r.interfaceIndex],
    alarm: ['Disconnected', 'Disabled', 'Down', 'Not Present'],
  },
  docs: {
    get: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getiftable2',
    entry: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getifentry2',
    table: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_if_table2',
  },
  api: {
    get: 'getIfTable2',
    getAsync: 'getIfTable2Async',
    entry: 'getIfEntry2',
    entryAsync: 'getIfEntry2Async',
    decode: 'decodeIfTable2',
    decodeRow: 'decodeIfRow2',
    schema: 'ifRow2Schema',
    row: 'IfRow2',
  },
});

/**
 * Retrieves every network adapter (MIB_IF_ROW2: alias, description, MAC address, status, link speed, counters) as validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getiftable2
 */
export const getIfTable2: () => IfRow2[] = ADAPTERS.get;

/**
 * Like getIfTable2, with the native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getiftable2
 */
export const getIfTable2Async: () => Promise<IfRow2[]> = ADAPTERS.getAsync;

/**
 * Retrieves one network adapter by interface index (a number) or LUID (a bigint). No such interface is the system's `ERROR_FILE_NOT_FOUND`.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getifentry2
 */
export const getIfEntry2: (indexOrLuid: number | bigint) => IfRow2 = ADAPTERS.entry;

/**
 * Like getIfEntry2, with the native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getifentry2
 */
export const getIfEntry2Async: (indexOrLuid: number | bigint) => Promise<IfRow2> = ADAPTERS.entryAsync;

/**
 * Decodes the raw bytes of a MIB_IF_TABLE2 (as GetIfTable2 returns them) into validated rows, walking rows by stride.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_if_table2
 */
export const decodeIfTable2: (bytes: Uint8Array | ArrayBuffer) => IfRow2[] = ADAPTERS.decode;

/**
 * Decodes one MIB_IF_ROW2 (as GetIfEntry2 fills it) into a validated row.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_if_row2
 */
export const decodeIfRow2: (bytes: Uint8Array | ArrayBuffer) => IfRow2 = ADAPTERS.decodeRow;
