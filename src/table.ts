/**
 * GetIpInterfaceTable: call, copy the table out of native memory, free it
 * exactly once, decode the copy.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
import { release } from 'node:os';
import { ifTable2Bytes } from './adapters.js';
import { encodeCapture, encodeCaptureTables } from './capture.js';
import { decodeIpInterfaceTable } from './decode.js';
import { familyName, toAddressFamily, type FamilyOption } from './family.js';
import { GetIpInterfaceTable } from './functions.js';
import { ipInterfaceLayout } from './layout.js';
import { tableCall } from './mibtable.js';
import type { IpInterfaceRow } from './schema.js';
import type { Struct } from './struct/define.js';
import { MIB_IF_ROW2 } from './structs/mib-if-row2.js';
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
 * Retrieves the IP interface table and the adapter table (GetIfTable2), one
 * right after the other, and returns them in one capture file (format version
 * 2), to decode on any OS or attach to a bug report.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getiftable2
 */
export function captureTables(options: CaptureTablesOptions = {}): Uint8Array {
  const af = toAddressFamily(options.family ?? 'all', 'options.family');
  const empty = (struct: Struct) => new Uint8Array(struct.layout().numEntriesOffset + 4); // NumEntries 0
  const interfaces = ipInterfaceTable.sync(af) ?? empty(MIB_IPINTERFACE_ROW);
  const adapters = ifTable2Bytes() ?? empty(MIB_IF_ROW2);
  return encodeCaptureTables(
    [
      { struct: MIB_IPINTERFACE_ROW.name, bytes: interfaces },
      { struct: MIB_IF_ROW2.name, bytes: adapters },
    ],
    {
      family: familyName(af),
      system: `${process.platform} ${release()} ${process.arch}`,
      writer: `ipinterface ${version()}`,
      ...(options.interfaces === undefined ? {} : { interfaces: options.interfaces }),
    },
  );
}

function version(): string {
  try {
    return (require('../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
