/**
 * GetIpInterfaceTable: call, copy the table out of native memory, free it
 * exactly once, decode the copy.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
import { release } from 'node:os';
import { encodeCapture } from './capture.js';
import { decodeIpInterfaceTable } from './decode.js';
import { IpHelperError } from './errors.js';
import { familyName, toAddressFamily, type FamilyOption } from './family.js';
import { ipInterfaceKoffiTypes, ipInterfaceLayout } from './layout.js';
import { assertWindows, bind, callAsync, checkStatus, copyBytes, outPointer, readUint32, type NativePointer } from './native.js';
import type { IpInterfaceRow } from './schema.js';

const SYSCALL = 'GetIpInterfaceTable';
const ERROR_NOT_FOUND = 1168;
const STATUS_NOT_FOUND = 0xc0000225;

/**
 * The most rows a table may claim before it is treated as corrupt rather than
 * read: far above any real machine, far below what would exhaust memory.
 */
export const MAX_TABLE_ROWS = 1_000_000;

interface Api {
  GetIpInterfaceTable: ReturnType<typeof bind>;
  FreeMibTable: ReturnType<typeof bind>;
}

function api(): Api {
  assertWindows(SYSCALL);
  ipInterfaceKoffiTypes(); // declares the struct types before the first call
  return {
    GetIpInterfaceTable: bind('iphlpapi.dll', 'GetIpInterfaceTable', 'uint32_t', ['uint16_t', outPointer()]),
    FreeMibTable: bind('iphlpapi.dll', 'FreeMibTable', 'void', ['void *']),
  };
}

/**
 * Turns what GetIpInterfaceTable returned into the table's bytes, freeing the
 * native table exactly once whatever happens. `null` means "no entries".
 */
function takeTable(fns: Api, status: number, table: NativePointer | null): Uint8Array | null {
  try {
    if (status === ERROR_NOT_FOUND || status >>> 0 === STATUS_NOT_FOUND) return null;
    checkStatus(SYSCALL, status);
    if (table === null || table === undefined) {
      throw new IpHelperError(`${SYSCALL} reported success but returned no table (a NULL pointer)`, {
        code: 'ERR_IPHLPAPI_BAD_RESULT',
        syscall: SYSCALL,
        errno: 0,
      });
    }
    const layout = ipInterfaceLayout();
    const count = readUint32(table, layout.numEntriesOffset);
    if (count > MAX_TABLE_ROWS) {
      throw new IpHelperError(
        `${SYSCALL} returned a table claiming ${count} rows (more than ${MAX_TABLE_ROWS}); refusing to read it`,
        { code: 'ERR_IPHLPAPI_BAD_RESULT', syscall: SYSCALL, errno: 0 },
      );
    }
    return copyBytes(table, Math.max(layout.numEntriesOffset + 4, layout.firstRowOffset + count * layout.rowSize));
  } finally {
    if (table !== null && table !== undefined) fns.FreeMibTable(table);
  }
}

function rowsOf(bytes: Uint8Array | null): IpInterfaceRow[] {
  return bytes === null ? [] : decodeIpInterfaceTable(bytes);
}

/** Calls GetIpInterfaceTable synchronously and returns the raw table bytes (null: no entries). */
function tableBytes(family: unknown): Uint8Array | null {
  const af = toAddressFamily(family);
  const fns = api();
  const out: (NativePointer | null)[] = [null];
  const status = fns.GetIpInterfaceTable(af, out) as number;
  return takeTable(fns, status, out[0] ?? null);
}

/** The same, off the main thread (koffi runs the call on a worker thread). */
async function tableBytesAsync(family: unknown): Promise<Uint8Array | null> {
  const af = toAddressFamily(family);
  const fns = api();
  const out: (NativePointer | null)[] = [null];
  const status = await callAsync(fns.GetIpInterfaceTable, af, out);
  return takeTable(fns, status, out[0] ?? null);
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
  return rowsOf(tableBytes(family));
}

/**
 * Like getIpInterfaceTable, but the native call runs on a worker thread, so the
 * event loop (an Electron main process) never blocks on it.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export async function getIpInterfaceTableAsync(family: FamilyOption = 'all'): Promise<IpInterfaceRow[]> {
  return rowsOf(await tableBytesAsync(family));
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
  const bytes = tableBytes(af) ?? new Uint8Array(layout.numEntriesOffset + 4); // NumEntries 0
  return encodeCapture(bytes, {
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
