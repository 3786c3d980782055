/**
 * Network adapters: GetIfTable2 and GetIfEntry2 (MIB_IF_ROW2), what
 * Get-NetAdapter shows — name, description, MAC address, status, speed and
 * counters — without spawning PowerShell, wmic or netsh.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getiftable2
 */
import type { z } from 'zod';
import { lazy } from './lazy.js';
import { describeValue } from './errors.js';
import { GetIfEntry2, GetIfTable2 } from './functions.js';
import { toInterfaceIndex, toLuid } from './luid.js';
import { rowCall, tableCall } from './mibtable.js';
import { decodeRow, decodeTable } from './struct/define.js';
import { MIB_IF_ROW2 } from './structs/mib-if-row2.js';

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
} from './structs/mib-if-row2.js';

/** One MIB_IF_ROW2 as a zod schema: run it on rows that crossed a process boundary. */
export const ifRow2Schema = lazy(() => MIB_IF_ROW2.schema());

/** One network adapter (MIB_IF_ROW2), keys in header order. */
export type IfRow2 = z.infer<typeof ifRow2Schema>;
export type IfOperStatus = IfRow2['operStatus'];
export type IfAdminStatus = IfRow2['adminStatus'];
export type MediaConnectState = IfRow2['mediaConnectState'];
export type InterfaceAndOperStatusFlags = IfRow2['interfaceAndOperStatusFlags'];

/**
 * Decodes the raw bytes of a MIB_IF_TABLE2 (as GetIfTable2 returns them) into validated rows, walking rows by stride.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_if_table2
 */
export function decodeIfTable2(bytes: Uint8Array | ArrayBuffer): IfRow2[] {
  return decodeTable(MIB_IF_ROW2, bytes);
}

/**
 * Decodes one MIB_IF_ROW2 (as GetIfEntry2 fills it) into a validated row.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_if_row2
 */
export function decodeIfRow2(bytes: Uint8Array | ArrayBuffer): IfRow2 {
  return decodeRow(MIB_IF_ROW2, bytes);
}

/** GetIfTable2(&Table): no arguments before the out-pointer. */
const ifTable2 = tableCall(GetIfTable2, MIB_IF_ROW2, () => []);

/** An interface index (number) or LUID (bigint), checked; a TypeError naming the value otherwise. */
function checkIndexOrLuid(indexOrLuid: unknown): { index: number } | { luid: bigint } {
  if (typeof indexOrLuid === 'bigint') return { luid: toLuid(indexOrLuid, 'indexOrLuid') };
  if (typeof indexOrLuid === 'number') return { index: toInterfaceIndex(indexOrLuid, 'indexOrLuid') };
  throw new TypeError(`Expected \`indexOrLuid\` to be an interface index (number) or a NET_LUID (bigint), got ${describeValue(indexOrLuid)}`);
}

/** A zeroed MIB_IF_ROW2 with InterfaceLuid or InterfaceIndex set: GetIfEntry2 looks the row up by the LUID when it is non-zero, else by the index. */
function keyedIfRow(key: { index: number } | { luid: bigint }): Buffer {
  const { rowSize, offsets } = MIB_IF_ROW2.layout();
  const row = Buffer.alloc(rowSize);
  if ('luid' in key) row.writeBigUInt64LE(key.luid, offsets.InterfaceLuid);
  else row.writeUInt32LE(key.index, offsets.InterfaceIndex);
  return row;
}

const ifEntry2 = rowCall(GetIfEntry2, checkIndexOrLuid, keyedIfRow);

/**
 * Retrieves every network adapter (MIB_IF_ROW2: alias, description, MAC address, status, link speed, counters) as validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getiftable2
 */
export function getIfTable2(): IfRow2[] {
  const bytes = ifTable2.sync();
  return bytes === null ? [] : decodeIfTable2(bytes);
}

/**
 * Like getIfTable2, with the native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getiftable2
 */
export async function getIfTable2Async(): Promise<IfRow2[]> {
  const bytes = await ifTable2.async();
  return bytes === null ? [] : decodeIfTable2(bytes);
}

/**
 * Retrieves one network adapter by interface index (a number) or LUID (a bigint). No such interface is the system's `ERROR_FILE_NOT_FOUND`.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getifentry2
 */
export function getIfEntry2(indexOrLuid: number | bigint): IfRow2 {
  return decodeIfRow2(ifEntry2.sync(indexOrLuid));
}

/**
 * Like getIfEntry2, with the native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getifentry2
 */
export async function getIfEntry2Async(indexOrLuid: number | bigint): Promise<IfRow2> {
  return decodeIfRow2(await ifEntry2.async(indexOrLuid));
}

/** The table's raw bytes (null: no entries), for captures. */
export function ifTable2Bytes(): Uint8Array | null {
  return ifTable2.sync();
}
