/**
 * One row: InitializeIpInterfaceEntry, then GetIpInterfaceEntry for a family and
 * an interface (by index or LUID).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfaceentry
 */
import { decodeIpInterfaceRow } from './decode.js';
import { describeValue } from './errors.js';
import { call, GetIpInterfaceEntry, InitializeIpInterfaceEntry } from './functions.js';
import { ipInterfaceLayout } from './layout.js';
import { toInterfaceIndex, toLuid } from './luid.js';
import { rowCall } from './mibtable.js';
import { AF_INET, AF_INET6, type IpInterfaceRow } from './schema.js';

/** Which row: a family and either an interface index or a LUID. */
export type IpInterfaceKey =
  | { readonly family: 'ipv4' | 'ipv6' | typeof AF_INET | typeof AF_INET6; readonly index: number; readonly luid?: undefined }
  | { readonly family: 'ipv4' | 'ipv6' | typeof AF_INET | typeof AF_INET6; readonly luid: bigint; readonly index?: undefined };

interface CheckedKey {
  readonly af: 2 | 23;
  readonly index: number | undefined;
  readonly luid: bigint | undefined;
}

/** Validates a key argument; TypeErrors name the field and value. */
export function checkKey(key: unknown, name = 'key'): CheckedKey {
  if (key === null || typeof key !== 'object') {
    throw new TypeError(`Expected \`${name}\` to be an object like { family: 'ipv4', index: 12 } or { family: 'ipv6', luid: 1688849877041152n }, got ${describeValue(key)}`);
  }
  const { family, index, luid } = key as Record<string, unknown>;
  const af = family === 'ipv4' || family === AF_INET ? AF_INET : family === 'ipv6' || family === AF_INET6 ? AF_INET6 : undefined;
  if (af === undefined) {
    throw new TypeError(`Expected \`${name}.family\` to be 'ipv4', 'ipv6', AF_INET (2) or AF_INET6 (23), got ${describeValue(family)}`);
  }
  if ((index === undefined) === (luid === undefined)) {
    throw new TypeError(`Expected \`${name}\` to have exactly one of \`index\` and \`luid\``);
  }
  return {
    af,
    index: index === undefined ? undefined : toInterfaceIndex(index, `${name}.index`),
    luid: luid === undefined ? undefined : toLuid(luid, `${name}.luid`),
  };
}

/** A MIB_IPINTERFACE_ROW buffer, initialized by the system and keyed by family + LUID or index. */
export function keyedRow(key: CheckedKey): Buffer {
  const layout = ipInterfaceLayout();
  const row = Buffer.alloc(layout.rowSize);
  call(InitializeIpInterfaceEntry, row);
  const o = layout.offsets;
  row.writeUInt16LE(key.af, o.Family);
  row.writeBigUInt64LE(key.luid ?? 0n, o.InterfaceLuid);
  row.writeUInt32LE(key.index ?? 0, o.InterfaceIndex);
  return row;
}

/** GetIpInterfaceEntry on an initialized row keyed by family and index or LUID. */
const ipInterfaceEntry = rowCall(GetIpInterfaceEntry, (key: unknown) => checkKey(key), keyedRow);

/**
 * Retrieves one interface's settings for one family as a validated row. Unlike
 * the table, "not found" is an error here: `ERROR_NOT_FOUND` (the family is not
 * enabled on that interface) or `ERROR_FILE_NOT_FOUND` (no such interface).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfaceentry
 */
export function getIpInterfaceEntry(key: IpInterfaceKey): IpInterfaceRow {
  return decodeIpInterfaceRow(ipInterfaceEntry.sync(key));
}

/**
 * Like getIpInterfaceEntry, with the native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfaceentry
 */
export async function getIpInterfaceEntryAsync(key: IpInterfaceKey): Promise<IpInterfaceRow> {
  return decodeIpInterfaceRow(await ipInterfaceEntry.async(key));
}
