/**
 * Unicast IP addresses: GetUnicastIpAddressTable and GetUnicastIpAddressEntry
 * (MIB_UNICASTIPADDRESS_ROW) — every address on every interface, what
 * Get-NetIPAddress shows, with its interface index, origin and lifetimes.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getunicastipaddresstable
 */
import type { z } from 'zod';
import { lazy } from './lazy.js';
import { describeValue } from './errors.js';
import type { FamilyOption } from './family.js';
import { GetUnicastIpAddressEntry, GetUnicastIpAddressTable } from './functions.js';
import { parseIp, sockaddrInet, type ParsedIp } from './ip.js';
import { toInterfaceIndex, toLuid } from './luid.js';
import { familyTable, rowCall } from './mibtable.js';
import { decodeRow, decodeTable } from './struct/define.js';
import { INFINITE_LIFETIME, MIB_UNICASTIPADDRESS_ROW, NL_DAD_STATE, NL_PREFIX_ORIGIN, NL_SUFFIX_ORIGIN } from './structs/mib-unicastipaddress-row.js';

export { INFINITE_LIFETIME, NL_DAD_STATE, NL_PREFIX_ORIGIN, NL_SUFFIX_ORIGIN };

/** One MIB_UNICASTIPADDRESS_ROW as a zod schema. */
export const unicastIpAddressRowSchema = lazy(() => MIB_UNICASTIPADDRESS_ROW.schema());
/** One unicast IP address (MIB_UNICASTIPADDRESS_ROW), keys in header order. */
export type UnicastIpAddressRow = z.infer<typeof unicastIpAddressRowSchema>;

/**
 * Decodes the raw bytes of a MIB_UNICASTIPADDRESS_TABLE into validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_unicastipaddress_table
 */
export function decodeUnicastIpAddressTable(bytes: Uint8Array | ArrayBuffer): UnicastIpAddressRow[] {
  return decodeTable(MIB_UNICASTIPADDRESS_ROW, bytes);
}

const table = familyTable(GetUnicastIpAddressTable, MIB_UNICASTIPADDRESS_ROW);

/**
 * Retrieves every unicast IP address (both families by default) as validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getunicastipaddresstable
 */
export function getUnicastIpAddressTable(family: FamilyOption = 'all'): UnicastIpAddressRow[] {
  return table.sync(family);
}

/**
 * Like getUnicastIpAddressTable, with the native calls on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getunicastipaddresstable
 */
export function getUnicastIpAddressTableAsync(family: FamilyOption = 'all'): Promise<UnicastIpAddressRow[]> {
  return table.async(family);
}

/** Which address: its text and the interface it is on (index or LUID). */
export type UnicastIpAddressKey =
  | { readonly address: string; readonly interfaceIndex: number; readonly interfaceLuid?: undefined }
  | { readonly address: string; readonly interfaceLuid: bigint; readonly interfaceIndex?: undefined };

/** Checks an interface given as `interfaceIndex` or `interfaceLuid` (exactly one). */
export function checkInterface(key: Record<string, unknown>, name: string): { index: number } | { luid: bigint } {
  const { interfaceIndex, interfaceLuid } = key;
  if ((interfaceIndex === undefined) === (interfaceLuid === undefined)) {
    throw new TypeError(`Expected \`${name}\` to have exactly one of \`interfaceIndex\` and \`interfaceLuid\``);
  }
  return interfaceIndex === undefined ? { luid: toLuid(interfaceLuid, `${name}.interfaceLuid`) } : { index: toInterfaceIndex(interfaceIndex, `${name}.interfaceIndex`) };
}

function checkKey(key: unknown): { ip: ParsedIp; on: { index: number } | { luid: bigint } } {
  if (key === null || typeof key !== 'object') {
    throw new TypeError(`Expected \`key\` to be an object like { address: '192.0.2.7', interfaceIndex: 12 }, got ${describeValue(key)}`);
  }
  const k = key as Record<string, unknown>;
  return { ip: parseIp(k.address, 'key.address'), on: checkInterface(k, 'key') };
}

function keyedRow({ ip, on }: ReturnType<typeof checkKey>): Buffer {
  const { rowSize, offsets } = MIB_UNICASTIPADDRESS_ROW.layout();
  const row = Buffer.alloc(rowSize);
  sockaddrInet(ip).copy(row, offsets.Address);
  if ('luid' in on) row.writeBigUInt64LE(on.luid, offsets.InterfaceLuid);
  else row.writeUInt32LE(on.index, offsets.InterfaceIndex);
  return row;
}

const entry = rowCall(GetUnicastIpAddressEntry, checkKey, keyedRow);

/**
 * Retrieves one unicast IP address by its text and interface; `ERROR_NOT_FOUND` when that interface has no such address.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getunicastipaddressentry
 */
export function getUnicastIpAddressEntry(key: UnicastIpAddressKey): UnicastIpAddressRow {
  return decodeRow(MIB_UNICASTIPADDRESS_ROW, entry.sync(key));
}

/**
 * Like getUnicastIpAddressEntry, with the native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getunicastipaddressentry
 */
export async function getUnicastIpAddressEntryAsync(key: UnicastIpAddressKey): Promise<UnicastIpAddressRow> {
  return decodeRow(MIB_UNICASTIPADDRESS_ROW, await entry.async(key));
}

/** The table's raw bytes for `family` (null: no entries), for captures. */
export function unicastIpAddressTableBytes(family: FamilyOption = 'all'): Uint8Array | null {
  return table.bytes(family);
}
