/**
 * GetIpInterfaceTable: call, copy the table out of native memory, free it
 * exactly once, decode the copy.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
import { release } from 'node:os';
import { ifTable2Bytes } from './adapters.js';
import { unicastIpAddressTableBytes } from './addresses.js';
import { encodeCapture, encodeCaptureTables, type CaptureTableInput } from './capture.js';
import { IpHelperError } from './errors.js';
import { ipNetTable2Bytes } from './neighbors.js';
import { ipForwardTable2Bytes } from './routes.js';
import { decodeIpInterfaceTable } from './decode.js';
import { familyName, toAddressFamily, type FamilyOption } from './family.js';
import { GetIpInterfaceTable } from './functions.js';
import { ipInterfaceLayout } from './layout.js';
import { tableCall } from './mibtable.js';
import type { IpInterfaceRow } from './schema.js';
import type { Struct } from './struct/define.js';
import { MIB_IF_ROW2, MIB_IPFORWARD_ROW2, MIB_IPNET_ROW2, MIB_UNICASTIPADDRESS_ROW } from './structs/index.js';
const ERROR_NOT_SUPPORTED = 50;
import { MIB_IPINTERFACE_ROW } from './structs/mib-ipinterface-row.js';

export { MAX_TABLE_ROWS } from './mibtable.js';

/** GetIpInterfaceTable(Family, &Table): the family is checked before any native call. */
const ipInterfaceTable = tableCall(GetIpInterfaceTable, MIB_IPINTERFACE_ROW, (family: unknown) => [toAddressFamily(family)]);

function rowsOf(bytes: Uint8Array | null): IpInterfaceRow[] {
  return bytes === null ? [] : decodeIpInterfaceTable(bytes);
}

/**
 * Retrieves the IP interface table (one row per interface and family) and
 * returns it as validated rows. No entries for the family (ERROR_NOT_FOUND) is
 * an empty array, not an error.
 *
 * @param family `'ipv4' | 'ipv6' | 'all'` (default) or AF_INET / AF_INET6 / AF_UNSPEC.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export function getIpInterfaceTable(family: FamilyOption = 'all'): IpInterfaceRow[] {
  return rowsOf(ipInterfaceTable.sync(family));
}

/**
 * Like getIpInterfaceTable, but the native call runs on a worker thread, so the
 * event loop (an Electron main process) never blocks on it.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export async function getIpInterfaceTableAsync(family: FamilyOption = 'all'): Promise<IpInterfaceRow[]> {
  return rowsOf(await ipInterfaceTable.async(family));
}

/** Options of captureIpInterfaceTable. */
export interface CaptureTableOptions {
  /** LUID → names to record with the table. */
  readonly interfaces?: ReadonlyMap<bigint, { alias?: string; name?: string }>;
}

/**
 * Retrieves the IP interface table and returns it as a capture file's bytes
 * (see decodeCapture), to decode on any OS or attach to a bug report.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export function captureIpInterfaceTable(family: FamilyOption = 'all', options: CaptureTableOptions = {}): Uint8Array {
  const af = toAddressFamily(family);
  const layout = ipInterfaceLayout();
  const bytes = ipInterfaceTable.sync(af) ?? new Uint8Array(layout.numEntriesOffset + 4); // NumEntries 0
  return encodeCapture(bytes, {
    family: familyName(af),
    system: `${process.platform} ${release()} ${process.arch}`,
    writer: `ipinterface ${version()}`,
    ...(options.interfaces === undefined ? {} : { interfaces: options.interfaces }),
  });
}

/** Options of captureTables. */
export interface CaptureTablesOptions extends CaptureTableOptions {
  /** The family of the interface table (default 'all'). */
  readonly family?: FamilyOption;
}

/**
 * Retrieves the IP interface, adapter, address, route and neighbour tables,
 * one right after the other, and returns them in one capture file (format
 * version 2), to decode on any OS or attach to a bug report. A table the
 * system does not support is left out.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getiftable2
 */
export function captureTables(options: CaptureTablesOptions = {}): Uint8Array {
  const af = toAddressFamily(options.family ?? 'all', 'options.family');
  const tables: CaptureTableInput[] = [];
  // Each table as the system returns it; one the system does not support (Wine lacks several) is left out.
  const add = (struct: Struct, bytes: () => Uint8Array | null) => {
    try {
      tables.push({ struct: struct.name, bytes: bytes() ?? new Uint8Array(struct.layout().numEntriesOffset + 4) }); // null: NumEntries 0
    } catch (error) {
      if (!(error instanceof IpHelperError && error.errno === ERROR_NOT_SUPPORTED)) throw error;
    }
  };
  add(MIB_IPINTERFACE_ROW, () => ipInterfaceTable.sync(af));
  add(MIB_IF_ROW2, ifTable2Bytes);
  add(MIB_UNICASTIPADDRESS_ROW, () => unicastIpAddressTableBytes(af));
  add(MIB_IPFORWARD_ROW2, () => ipForwardTable2Bytes(af));
  add(MIB_IPNET_ROW2, () => ipNetTable2Bytes(af));
  if (tables.length === 0) {
    throw new IpHelperError('None of the IP Helper tables is available on this system', { code: 'ERROR_NOT_SUPPORTED', syscall: 'GetIpInterfaceTable', errno: ERROR_NOT_SUPPORTED });
  }
  return encodeCaptureTables(tables, {
    family: familyName(af),
    system: `${process.platform} ${release()} ${process.arch}`,
    writer: `ipinterface ${version()}`,
    ...(options.interfaces === undefined ? {} : { interfaces: options.interfaces }),
  });
}

function version(): string {
  try {
    return (require('../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
