/**
 * Captures and the registry of tables: which tables a capture holds, decoded
 * through each table's declaration into the `Capture` fields the tables name
 * (their capture slots), checked against the layout this build decodes and
 * against the family the capture claims. The file format itself is in
 * ./format.ts.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getiftable2
 */
import { release } from 'node:os';
import { describeValue, IpHelperError, readObject, WIN32 } from '../errors.js';
import { familyName, toAddressFamily, type FamilyOption } from '../family.js';
import type { Table } from '../table/define.js';
import type { IfRow2 } from '../tables/adapters.js';
import { structOf, TABLES } from '../tables/index.js';
import { checkListAddress, decodeList, decodeTable, listArch, tableCount, toView, validateRow, type Struct } from '../struct/define.js';
import { IP_ADAPTER_ADDRESSES_LH } from '../structs/ip-adapter-addresses.js';
import { adapterListBytes, type AdapterAddresses } from '../adapter-config.js';
import { releaseStrings } from '../struct/reader.js';
import { MAX_TABLE_ROWS } from '../mibtable.js';
import { imagePaths } from '../processes.js';
import { IP_INTERFACES, type IpInterfaceRow } from '../tables/ip-interfaces.js';
import type { TcpRow, UdpRow } from '../tables/connections.js';
import type { IpNetRow2 } from '../tables/neighbors.js';
import type { IpForwardRow2 } from '../tables/routes.js';
import type { UnicastIpAddressRow } from '../tables/unicast-addresses.js';
import {
  captureBytes,
  captureMetadataSchema,
  captureTablesMetadataSchema,
  checkInput,
  commonMetadata,
  IpInterfaceCaptureError,
  readCapture,
  toBytes,
  writtenMetadata,
  type CaptureInput,
  type CaptureMetadata,
  type CaptureTableInfo,
  type CaptureTablesMetadata,
  type RawCaptureTable,
} from './format.js';

/** One table of a capture: its description, its bytes (a copy) and, when this package knows its struct, its rows. */
export interface CapturedTable {
  readonly info: CaptureTableInfo;
  readonly bytes: Uint8Array;
  /** Validated rows, or null for a struct this version does not know. */
  readonly rows: Record<string, unknown>[] | null;
}

/** A decoded capture. */
export interface Capture {
  readonly version: number;
  /** Version 1: CaptureMetadata; version 2: CaptureTablesMetadata. */
  readonly metadata: CaptureMetadata | CaptureTablesMetadata;
  /** The raw MIB_IPINTERFACE_TABLE bytes (a copy, safe to keep); empty when a version 2 capture has none. */
  readonly table: Uint8Array;
  /** The MIB_IPINTERFACE_TABLE decoded and validated ([] when the capture has none). */
  readonly rows: IpInterfaceRow[];
  /** The MIB_IF_TABLE2 rows (adapters), when the capture holds that table. */
  readonly adapters?: IfRow2[];
  /** The MIB_UNICASTIPADDRESS_TABLE rows, when the capture holds that table. */
  readonly unicastAddresses?: UnicastIpAddressRow[];
  /** The MIB_IPFORWARD_TABLE2 rows (routes), when the capture holds that table. */
  readonly routes?: IpForwardRow2[];
  /** The MIB_IPNET_TABLE2 rows (neighbours), when the capture holds that table. */
  readonly neighbors?: IpNetRow2[];
  /** The TCP connections and listeners (MIB_TCPROW_OWNER_PID, then MIB_TCP6ROW_OWNER_PID rows), when the capture holds them. */
  readonly tcpConnections?: TcpRow[];
  /** The UDP endpoints (MIB_UDPROW_OWNER_PID, then MIB_UDP6ROW_OWNER_PID rows), when the capture holds them. */
  readonly udpEndpoints?: UdpRow[];
  /** The adapters' configuration (GetAdaptersAddresses' IP_ADAPTER_ADDRESSES_LH list), when the capture holds it. */
  readonly adapterAddresses?: AdapterAddresses[];
  /** Every table by row struct name (version 1: just MIB_IPINTERFACE_ROW). */
  readonly tables: Readonly<Record<string, CapturedTable>>;
}

/** The slot of the version-1 table: `Capture.rows` (and its bytes, `Capture.table`). */
const PRIMARY_SLOT = 'rows';

function checkLayout(struct: Struct, info: { rowSize: number; firstRowOffset: number; arch: string }): void {
  const layout = struct.layout();
  if (info.rowSize !== layout.rowSize || info.firstRowOffset !== layout.firstRowOffset) {
    throw new IpInterfaceCaptureError(
      'ERR_CAPTURE_LAYOUT_MISMATCH',
      `The capture's ${struct.name} rows are ${info.rowSize} bytes from offset ${info.firstRowOffset} (arch ${info.arch}); ` +
        `this build decodes ${layout.rowSize}-byte rows from offset ${layout.firstRowOffset}`,
    );
  }
}

/** What encode is asked to write must agree with its family, or the file could not be read back. */
function familyMatches(family: 'ipv4' | 'ipv6' | 'all', table: Table, struct: Struct, rows: readonly Record<string, unknown>[]): void {
  try {
    checkFamily(family, table, struct, rows);
  } catch (error) {
    throw new TypeError(`Expected \`input.family\` to describe the rows: ${(error as Error).message.replace(/^The capture is corrupted: its metadata says/, 'it says')}`);
  }
}

/** A capture that says it holds one family must hold rows of that family only (a table whose rows have none: any). */
function checkFamily(family: 'ipv4' | 'ipv6' | 'all', table: Table, struct: Struct, rows: readonly Record<string, unknown>[]): void {
  if (family === 'all') return;
  const index = rows.findIndex((row) => {
    const f = table.familyOf(row);
    return f !== undefined && f !== family;
  });
  if (index >= 0) throw wrongFamily(family, struct, index);
}

/** ERR_CAPTURE_CORRUPT for row `index` of `struct`'s table being of the family the metadata does not name. */
function wrongFamily(family: 'ipv4' | 'ipv6', struct: Struct, index: number): IpInterfaceCaptureError {
  return new IpInterfaceCaptureError(
    'ERR_CAPTURE_CORRUPT',
    `The capture is corrupted: its metadata says family '${family}', but row ${index} of its ${struct.name} table is ${family === 'ipv4' ? 'IPv6' : 'IPv4'}`,
  );
}

/**
 * Wraps the raw bytes of a MIB_IPINTERFACE_TABLE in a capture file (format
 * version 1). The table is decoded first, so a capture never holds a table
 * this package cannot read.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export function encodeCapture(table: Uint8Array | ArrayBuffer, input: CaptureInput): Uint8Array {
  checkInput(input);
  const tableBytes = toBytes(table, 'table');
  familyMatches(input.family, IP_INTERFACES, IP_INTERFACES.struct, IP_INTERFACES.decode(tableBytes));
  const layout = IP_INTERFACES.struct.layout();
  const metadata: CaptureMetadata = writtenMetadata(captureMetadataSchema, {
    arch: input.arch ?? process.arch,
    rowSize: layout.rowSize,
    firstRowOffset: layout.firstRowOffset,
    ...commonMetadata(input),
  });
  return captureBytes(1, metadata, [tableBytes]);
}

/**
 * One table for encodeCaptureTables: the row struct's C name and the table's raw bytes; for a
 * linked list (IP_ADAPTER_ADDRESSES_LH), also where it was: the architecture of the process that
 * filled it (default this one's), the address of its byte 0 and of its first node.
 */
export interface CaptureTableInput {
  readonly struct: string;
  readonly bytes: Uint8Array | ArrayBuffer;
  readonly arch?: string;
  readonly base?: bigint;
  readonly head?: bigint;
}

/** The linked lists a capture can hold, by struct name: decoded through decodeList, not by stride. */
const LISTS: ReadonlyMap<string, Struct> = new Map([[IP_ADAPTER_ADDRESSES_LH.name, IP_ADAPTER_ADDRESSES_LH as Struct]]);

const hexAddress = (value: bigint) => `0x${value.toString(16)}`;

/** A captured list's rows: its layout on its architecture checked, its pointers taken against its base. */
function decodeListTable(struct: Struct, info: CaptureTableInfo, bytes: Uint8Array): Record<string, unknown>[] {
  const arch = listArch(info.arch);
  if (arch === undefined) {
    throw new IpInterfaceCaptureError('ERR_CAPTURE_LAYOUT_MISMATCH', `The capture's ${struct.name} list was filled on '${printableArch(info.arch)}': this build decodes lists of x64, ia32 and arm64`);
  }
  const { rowSize } = struct.layout(arch);
  if (info.rowSize !== rowSize) {
    throw new IpInterfaceCaptureError('ERR_CAPTURE_LAYOUT_MISMATCH', `The capture's ${struct.name} nodes are ${info.rowSize} bytes (arch ${arch}); this build decodes ${rowSize}-byte ones on ${arch}`);
  }
  if (info.base === undefined || info.head === undefined) {
    throw new IpInterfaceCaptureError('ERR_CAPTURE_CORRUPT', `The capture is corrupted: its ${struct.name} list has no base or head address`);
  }
  return decodeList(struct, bytes, { arch, base: BigInt(info.base), head: BigInt(info.head) });
}

const printableArch = (arch: string) => arch.replace(/[^\w.-]/g, '?').slice(0, 32);

/**
 * Wraps several tables (e.g. MIB_IPINTERFACE_ROW and MIB_IF_ROW2, taken one
 * after the other) in one capture file (format version 2). Each table is
 * decoded first, so a capture never holds a table this package cannot read.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getiftable2
 */
export function encodeCaptureTables(tables: readonly CaptureTableInput[], input: CaptureInput): Uint8Array {
  checkInput(input);
  if (!Array.isArray(tables) || tables.length === 0) {
    throw new TypeError(`Expected \`tables\` to be a non-empty array of { struct, bytes }, got ${describeValue(tables)}`);
  }
  const arch = input.arch ?? process.arch;
  const infos: CaptureTableInfo[] = [];
  const bytes = tables.map((t: CaptureTableInput | undefined, i) => {
    const list = LISTS.get(t?.struct as string);
    if (t && list) {
      if (infos.some((info) => info.struct === list.name)) throw new TypeError(`\`tables\` holds two ${list.name} lists`);
      const b = toBytes(t.bytes, `tables[${i}].bytes`);
      const listArchName = t.arch ?? arch;
      const base = checkListAddress(t.base, `tables[${i}].base`);
      const head = checkListAddress(t.head, `tables[${i}].head`);
      const info: CaptureTableInfo = {
        struct: list.name,
        arch: listArchName,
        rowSize: list.layout(listArch(listArchName) ?? 'x64').rowSize,
        firstRowOffset: 0,
        length: b.length,
        base: hexAddress(base),
        head: hexAddress(head),
      };
      decodeListTable(list, info, b); // a capture never holds a list this package cannot read
      infos.push(info);
      return b;
    }
    const found = structOf(t?.struct);
    if (!t || !found) {
      const names = [...TABLES.flatMap((x) => x.structs.map((s) => s.name)), ...LISTS.keys()];
      throw new TypeError(`Expected \`tables[${i}].struct\` to be one of ${names.map((n) => `'${n}'`).join(', ')}, got ${describeValue(t?.struct)}`);
    }
    const { table, struct } = found;
    const name = struct.name;
    if (infos.some((info) => info.struct === name)) throw new TypeError(`\`tables\` holds two ${name} tables`);
    const b = toBytes(t.bytes, `tables[${i}].bytes`);
    familyMatches(input.family, table, struct, decodeTable(struct, b));
    const layout = struct.layout();
    infos.push({ struct: name, arch, rowSize: layout.rowSize, firstRowOffset: layout.firstRowOffset, length: b.length });
    return b;
  });
  const metadata = writtenMetadata(captureTablesMetadataSchema, { ...commonMetadata(input), tables: infos });
  return captureBytes(2, metadata, bytes);
}

/** One table of a capture, decoded when this package declares its struct (checked against this build's layout and the capture's family). */
/** A captured table may hold no more rows than a native one (MAX_TABLE_ROWS): checked before any row is read. */
export function checkRowCount(struct: Struct, bytes: Uint8Array): void {
  const { numEntriesOffset } = struct.layout();
  if (bytes.length < numEntriesOffset + 4) return; // decodeTable says how it is truncated
  const count = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(numEntriesOffset, true);
  if (count > MAX_TABLE_ROWS) {
    throw new IpInterfaceCaptureError(
      'ERR_CAPTURE_CORRUPT',
      `The capture is corrupted: its ${struct.decl.table ?? struct.name} claims ${count} rows, more than the ${MAX_TABLE_ROWS} any table may hold`,
    );
  }
}

function decodeTableOf(raw: RawCaptureTable, family: 'ipv4' | 'ipv6' | 'all'): CapturedTable {
  const list = LISTS.get(raw.info.struct);
  if (list) return { info: raw.info, bytes: raw.bytes, rows: decodeListTable(list, raw.info, raw.bytes) };
  const found = structOf(raw.info.struct);
  if (!found) return { info: raw.info, bytes: raw.bytes, rows: null };
  checkLayout(found.struct, raw.info);
  checkRowCount(found.struct, raw.bytes);
  const rows = decodeTable(found.struct, raw.bytes);
  checkFamily(family, found.table, found.struct, rows);
  return { info: raw.info, bytes: raw.bytes, rows };
}

/** A table of a capture read one row at a time: each row validated (and held to the metadata's family) as it is read. */
export interface RowStream {
  readonly count: number;
  row(index: number): Record<string, unknown>;
}

/**
 * Not API: decodeCapture for the command. The tables of the structs in `streamed` are checked
 * (layout, row count, length) but not read: their rows come one at a time from the returned
 * streams, each validated as it is read, so a big table is never decoded whole. Every other table
 * is decoded as decodeCapture does. The file's tables are not copied.
 */
export function openCapture(file: Uint8Array, streamed: readonly string[]): { capture: Capture; streams: Map<string, RowStream> } {
  const raw = readCapture(file, false);
  const family = raw.metadata.family;
  const streams = new Map<string, RowStream>();
  const rest: RawCaptureTable[] = [];
  for (const t of raw.tables) {
    const found = streamed.includes(t.info.struct) ? structOf(t.info.struct) : undefined;
    if (!found) {
      rest.push(t);
      continue;
    }
    const { struct, table } = found;
    checkLayout(struct, t.info);
    checkRowCount(struct, t.bytes);
    const view = toView(t.bytes);
    const count = tableCount(struct, view);
    const { firstRowOffset, rowSize } = struct.layout();
    const read = struct.reader();
    streams.set(struct.name, {
      count,
      row: (index) => {
        let unchecked: unknown;
        try {
          unchecked = read(view, firstRowOffset + index * rowSize);
        } finally {
          releaseStrings(); // nothing holds the capture's bytes past the row
        }
        const row = validateRow<Record<string, unknown>>(struct, unchecked, index);
        if (family !== 'all') {
          const f = table.familyOf(row);
          if (f !== undefined && f !== family) throw wrongFamily(family, struct, index);
        }
        return row;
      },
    });
  }
  return { capture: decodeRaw({ ...raw, tables: rest }), streams };
}

/**
 * Reads a capture file's bytes: checks magic, version, length and checksum,
 * validates the metadata, and decodes every table this package declares into
 * validated rows (kept by struct name in `tables`, and in the field each
 * table's declaration names).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_table
 */
export function decodeCapture(file: Uint8Array | ArrayBuffer): Capture {
  return decodeRaw(readCapture(file));
}

/** A capture from its read (and checked) parts: every table this package declares decoded. */
function decodeRaw(raw: ReturnType<typeof readCapture>): Capture {
  const tables: Record<string, CapturedTable> = {};
  for (const t of raw.tables) tables[t.info.struct] = decodeTableOf(t, raw.metadata.family);
  const primary = tables[IP_INTERFACES.struct.name];
  const slots: Record<string, unknown> = {};
  for (const table of TABLES) {
    // A table with one struct per family: both families' rows, IPv4's first.
    const parts = table.structs.map((s) => tables[s.name]?.rows).filter((rows): rows is Record<string, unknown>[] => Boolean(rows));
    if (table.decl.capture !== PRIMARY_SLOT && parts.length > 0) slots[table.decl.capture] = parts.length === 1 ? parts[0] : parts.flat();
  }
  const adapterAddresses = tables[IP_ADAPTER_ADDRESSES_LH.name]?.rows;
  if (adapterAddresses) slots.adapterAddresses = adapterAddresses;
  return Object.assign(
    { version: raw.version, metadata: raw.metadata, table: primary?.bytes ?? new Uint8Array(0), rows: (primary?.rows ?? []) as IpInterfaceRow[] },
    slots,
    { tables },
  );
}

/**
 * Writes a capture file of a MIB_IPINTERFACE_TABLE's raw bytes.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export async function saveCapture(path: string, table: Uint8Array | ArrayBuffer, input: CaptureInput): Promise<void> {
  const { writeFile } = require('node:fs/promises') as typeof import('node:fs/promises');
  await writeFile(path, encodeCapture(table, input));
}

/**
 * Reads and decodes a capture file written by `saveCapture` (on any OS).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_table
 */
export async function loadCapture(path: string): Promise<Capture> {
  if (typeof path !== 'string' || path === '') throw new TypeError(`Expected \`path\` to be a file path (a non-empty string), got ${describeValue(path)}`);
  const { readFile } = require('node:fs/promises') as typeof import('node:fs/promises');
  return decodeCapture(await readFile(path));
}
/** Options of captureIpInterfaceTable. */
export interface CaptureTableOptions {
  /** LUID → names to record with the table. */
  readonly interfaces?: ReadonlyMap<bigint, { alias?: string; name?: string }>;
}

/** What a capture says about the system that wrote it. */
function origin() {
  return { system: `${process.platform} ${release()} ${process.arch}`, writer: `ipinterface ${packageVersion()}` };
}

/**
 * Retrieves the IP interface table and returns it as a capture file's bytes
 * (see decodeCapture), to decode on any OS or attach to a bug report.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export function captureIpInterfaceTable(family: FamilyOption = 'all', given: CaptureTableOptions = {}): Uint8Array {
  const af = toAddressFamily(family);
  const options = readObject(given, 'options') as CaptureTableOptions;
  checkInput({ family: 'all', interfaces: options.interfaces }); // before any native call
  const bytes = IP_INTERFACES.tables(af)[0]?.bytes ?? emptyTable(IP_INTERFACES.struct);
  return encodeCapture(bytes, {
    family: familyName(af),
    ...origin(),
    ...(options.interfaces === undefined ? {} : { interfaces: options.interfaces }),
  });
}

/** Options of captureTables. */
export interface CaptureTablesOptions extends CaptureTableOptions {
  /** The family of the tables that have one (default 'all'). */
  readonly family?: FamilyOption;
}

/** A table with NumEntries 0 (what a Get…Table call's "no entries" is in a capture). */
function emptyTable(struct: Struct): Uint8Array {
  return new Uint8Array(struct.layout().numEntriesOffset + 4);
}

/**
 * Retrieves every table this package declares (IP interfaces, adapters,
 * addresses, routes, neighbours), one right after the other, and returns them
 * in one capture file (format version 2), to decode on any OS or attach to a
 * bug report. A table the system does not support is left out.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getiftable2
 */
export function captureTables(given: CaptureTablesOptions = {}): Uint8Array {
  const options = readObject(given, 'options') as CaptureTablesOptions;
  const af = toAddressFamily(options.family ?? 'all', 'options.family');
  checkInput({ family: 'all', interfaces: options.interfaces }); // before any native call
  const tables: CaptureTableInput[] = [];
  for (const table of TABLES) {
    // Each table as the system returns it; one the system does not support (Wine lacks several) is left out.
    try {
      for (const { struct, bytes } of table.tables(af)) tables.push({ struct: struct.name, bytes: bytes ?? emptyTable(struct) });
    } catch (error) {
      if (!(error instanceof IpHelperError && error.errno === WIN32.ERROR_NOT_SUPPORTED)) throw error;
    }
  }
  try {
    const list = adapterListBytes(af);
    tables.push({ struct: IP_ADAPTER_ADDRESSES_LH.name, bytes: list?.bytes ?? new Uint8Array(0), base: list?.base ?? 0n, head: list?.head ?? 0n });
  } catch (error) {
    if (!(error instanceof IpHelperError && error.errno === WIN32.ERROR_NOT_SUPPORTED)) throw error;
  }
  if (tables.length === 0) {
    throw new IpHelperError('None of the IP Helper tables is available on this system', {
      code: 'ERROR_NOT_SUPPORTED',
      syscall: TABLES[0]!.decl.get.fn.name,
      errno: WIN32.ERROR_NOT_SUPPORTED,
    });
  }
  return encodeCaptureTables(tables, {
    family: familyName(af),
    ...origin(),
    ...(options.interfaces === undefined ? {} : { interfaces: options.interfaces }),
    processes: owners(tables),
  });
}

/** The image path of every process that owns a row of the captured tables (their `owningPid`), asked once each. */
function owners(tables: readonly CaptureTableInput[]): ReadonlyMap<number, string | null> {
  const pids = new Set<number>();
  for (const { struct: name, bytes } of tables) {
    if (LISTS.has(name)) continue;
    const struct = structOf(name)?.struct;
    if (!struct?.keys.includes('owningPid')) continue;
    for (const row of decodeTable(struct, bytes)) pids.add(row.owningPid as number);
  }
  return imagePaths(pids);
}

function packageVersion(): string {
  try {
    return (require('../../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
