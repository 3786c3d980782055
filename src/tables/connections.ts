/**
 * Connections and endpoints: GetExtendedTcpTable (TCP_TABLE_OWNER_PID_ALL) and
 * GetExtendedUdpTable (UDP_TABLE_OWNER_PID), what `netstat -ano`,
 * Get-NetTCPConnection and Get-NetUDPEndpoint show, with the owning process,
 * without parsing localized text; declared once. Both are caller-allocated
 * tables with one struct per family (MIB_TCPROW_OWNER_PID and
 * MIB_TCP6ROW_OWNER_PID, MIB_UDPROW_OWNER_PID and MIB_UDP6ROW_OWNER_PID).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/iphlpapi/nf-iphlpapi-getextendedtcptable
 */
import type { z } from 'zod';
import { describeValue } from '../errors.js';
import type { FamilyOption } from '../family.js';
import { GetExtendedTcpTable, GetExtendedUdpTable } from '../functions.js';
import { lazy, zod } from '../lazy.js';
import { MIB_TCP6ROW_OWNER_PID, MIB_TCP_STATE, MIB_TCPROW_OWNER_PID, MIB_UDP6ROW_OWNER_PID, MIB_UDPROW_OWNER_PID } from '../structs/mib-tcprow-owner-pid.js';
import { decodeTable } from '../struct/define.js';
import { defineTable } from '../table/define.js';
import { addressKey, capital } from '../view/format.js';

export { MIB_TCP_STATE };

/** TCP_TABLE_CLASS: every connection and listener, with the owning process (iprtrmib.h). */
const TCP_TABLE_OWNER_PID_ALL = 5;
/** UDP_TABLE_CLASS: every endpoint, with the owning process. */
const UDP_TABLE_OWNER_PID = 1;
/** bOrder: FALSE — each family's rows in the order the system keeps them. */
const UNSORTED = 0;

/** One TCP connection or listener: an MIB_TCPROW_OWNER_PID row (family 'ipv4') or an MIB_TCP6ROW_OWNER_PID row (family 'ipv6', with scope ids). */
export const tcpRowSchema = lazy(() => zod().discriminatedUnion('family', [MIB_TCPROW_OWNER_PID.schema(), MIB_TCP6ROW_OWNER_PID.schema()]));
export type TcpRow = z.infer<typeof tcpRowSchema>;
/** A TCP state: 'listen', 'established', 'timeWait', … (MIB_TCP_STATE, named as Get-NetTCPConnection names it). */
export type TcpState = TcpRow['state'];

/** One UDP endpoint: an MIB_UDPROW_OWNER_PID row (family 'ipv4') or an MIB_UDP6ROW_OWNER_PID row (family 'ipv6', with a scope id). */
export const udpRowSchema = lazy(() => zod().discriminatedUnion('family', [MIB_UDPROW_OWNER_PID.schema(), MIB_UDP6ROW_OWNER_PID.schema()]));
export type UdpRow = z.infer<typeof udpRowSchema>;

export const TCP_CONNECTIONS = defineTable({
  name: 'tcpConnections',
  title: 'TCP connection',
  summary: 'TCP connections and listeners of both families, with the process that owns each.',
  struct: MIB_TCPROW_OWNER_PID,
  ipv6Struct: MIB_TCP6ROW_OWNER_PID,
  get: { fn: GetExtendedTcpTable, family: 'each', caller: (af) => [UNSORTED, af, TCP_TABLE_OWNER_PID_ALL, 0] },
  family: 'family',
  key: ['family', 'localAddress', 'localPort', 'remoteAddress', 'remotePort'],
  capture: 'tcpConnections',
  view: {
    command: 'connections',
    cmdlet: 'Get-NetTCPConnection, netstat -ano',
    help: 'TCP connections and listeners with their owning process',
    extras: ['processName'],
    filters: ['state', 'pid', 'port'],
    columns: [
      { field: 'localAddress', header: 'LocalAddress', cell: (r) => r.localAddress },
      { field: 'localPort', header: 'LocalPort', cell: (r) => String(r.localPort) },
      { field: 'remoteAddress', header: 'RemoteAddress', cell: (r) => r.remoteAddress },
      { field: 'remotePort', header: 'RemotePort', cell: (r) => String(r.remotePort) },
      { field: 'state', header: 'State', cell: (r) => capital(r.state) },
      { field: 'owningPid', header: 'OwningProcess', cell: (r) => String(r.owningPid) },
      { field: 'processName', header: 'ProcessName', cell: (r) => r.processName ?? '' },
    ],
    sort: (r, family) => [family!, addressKey(r.localAddress), r.localPort, addressKey(r.remoteAddress), r.remotePort],
  },
  docs: {
    get: 'https://learn.microsoft.com/en-us/windows/win32/api/iphlpapi/nf-iphlpapi-getextendedtcptable',
    table: 'https://learn.microsoft.com/en-us/windows/win32/api/tcpmib/ns-tcpmib-mib_tcptable_owner_pid',
  },
  api: { get: 'getTcpTable', getAsync: 'getTcpTableAsync', decode: 'decodeTcpTable', schema: 'tcpRowSchema', row: 'TcpRow' },
});

export const UDP_ENDPOINTS = defineTable({
  name: 'udpEndpoints',
  title: 'UDP endpoint',
  summary: 'UDP endpoints (bound sockets) of both families, with the process that owns each.',
  struct: MIB_UDPROW_OWNER_PID,
  ipv6Struct: MIB_UDP6ROW_OWNER_PID,
  get: { fn: GetExtendedUdpTable, family: 'each', caller: (af) => [UNSORTED, af, UDP_TABLE_OWNER_PID, 0] },
  family: 'family',
  key: ['family', 'localAddress', 'localPort'],
  capture: 'udpEndpoints',
  view: {
    command: 'udp',
    cmdlet: 'Get-NetUDPEndpoint, netstat -ano -p udp',
    help: 'UDP endpoints with their owning process',
    extras: ['processName'],
    filters: ['pid', 'port'],
    columns: [
      { field: 'localAddress', header: 'LocalAddress', cell: (r) => r.localAddress },
      { field: 'localPort', header: 'LocalPort', cell: (r) => String(r.localPort) },
      { field: 'owningPid', header: 'OwningProcess', cell: (r) => String(r.owningPid) },
      { field: 'processName', header: 'ProcessName', cell: (r) => r.processName ?? '' },
    ],
    sort: (r, family) => [family!, addressKey(r.localAddress), r.localPort],
  },
  docs: {
    get: 'https://learn.microsoft.com/en-us/windows/win32/api/iphlpapi/nf-iphlpapi-getextendedudptable',
    table: 'https://learn.microsoft.com/en-us/windows/win32/api/udpmib/ns-udpmib-mib_udptable_owner_pid',
  },
  api: { get: 'getUdpTable', getAsync: 'getUdpTableAsync', decode: 'decodeUdpTable', schema: 'udpRowSchema', row: 'UdpRow' },
});

/**
 * Retrieves every TCP connection and listener (GetExtendedTcpTable, TCP_TABLE_OWNER_PID_ALL), IPv4 rows first, each with its owning process ID — what `netstat -ano` lists.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/iphlpapi/nf-iphlpapi-getextendedtcptable
 */
export const getTcpTable: (family?: FamilyOption) => TcpRow[] = TCP_CONNECTIONS.get as (family?: FamilyOption) => TcpRow[];

/**
 * Like getTcpTable, with the native calls on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/iphlpapi/nf-iphlpapi-getextendedtcptable
 */
export const getTcpTableAsync: (family?: FamilyOption) => Promise<TcpRow[]> = TCP_CONNECTIONS.getAsync as (family?: FamilyOption) => Promise<TcpRow[]>;

/**
 * Retrieves every UDP endpoint (GetExtendedUdpTable, UDP_TABLE_OWNER_PID), IPv4 rows first, each with its owning process ID.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/iphlpapi/nf-iphlpapi-getextendedudptable
 */
export const getUdpTable: (family?: FamilyOption) => UdpRow[] = UDP_ENDPOINTS.get as (family?: FamilyOption) => UdpRow[];

/**
 * Like getUdpTable, with the native calls on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/iphlpapi/nf-iphlpapi-getextendedudptable
 */
export const getUdpTableAsync: (family?: FamilyOption) => Promise<UdpRow[]> = UDP_ENDPOINTS.getAsync as (family?: FamilyOption) => Promise<UdpRow[]>;

function familyArg(family: unknown): 'ipv4' | 'ipv6' {
  if (family === 'ipv4' || family === 'ipv6') return family;
  throw new TypeError(`Expected \`family\` to be 'ipv4' or 'ipv6' (which table's bytes), got ${describeValue(family)}`);
}

/**
 * Decodes the raw bytes of a MIB_TCPTABLE_OWNER_PID ('ipv4') or MIB_TCP6TABLE_OWNER_PID ('ipv6') into validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/tcpmib/ns-tcpmib-mib_tcptable_owner_pid
 */
export function decodeTcpTable(bytes: Uint8Array | ArrayBuffer, family: 'ipv4' | 'ipv6'): TcpRow[] {
  return (familyArg(family) === 'ipv4' ? decodeTable(MIB_TCPROW_OWNER_PID, bytes) : decodeTable(MIB_TCP6ROW_OWNER_PID, bytes)) as TcpRow[];
}

/**
 * Decodes the raw bytes of a MIB_UDPTABLE_OWNER_PID ('ipv4') or MIB_UDP6TABLE_OWNER_PID ('ipv6') into validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/udpmib/ns-udpmib-mib_udptable_owner_pid
 */
export function decodeUdpTable(bytes: Uint8Array | ArrayBuffer, family: 'ipv4' | 'ipv6'): UdpRow[] {
  return (familyArg(family) === 'ipv4' ? decodeTable(MIB_UDPROW_OWNER_PID, bytes) : decodeTable(MIB_UDP6ROW_OWNER_PID, bytes)) as UdpRow[];
}

