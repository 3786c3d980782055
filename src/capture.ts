/**
 * Capture files: the raw bytes of one MIB_IPINTERFACE_TABLE plus what is needed
 * to decode them on any OS. A user on Windows saves one and attaches it to a
 * bug report; anyone decodes it anywhere.
 *
 * Format, version 1 (all integers little-endian):
 *
 *   offset  size  field
 *   0       8     magic: the ASCII bytes "IPIFCAP" followed by 0x0A
 *   8       4     format version (1)
 *   12      4     M: byte length of the metadata
 *   16      4     T: byte length of the table
 *   20      4     CRC-32 (IEEE 802.3, as zlib) of the M + T bytes that follow
 *   24      M     metadata: UTF-8 JSON, see `CaptureMetadata`
 *   24 + M  T     the table bytes exactly as GetIpInterfaceTable returned them
 *
 * Format, version 2: the same header (version 2), but T is the total length of
 * several tables captured one after the other (one snapshot: the interface
 * table and the adapter table, say), and the metadata lists them in order:
 * `tables: [{ struct, arch, rowSize, firstRowOffset, length }]`. Each table's
 * bytes follow the previous one's; the lengths add up to T. A reader decodes
 * the tables whose struct it knows and keeps the others' bytes.
 *
 * The file is exactly 24 + M + T bytes. Readers reject other magic, a newer
 * version, a wrong length, a checksum mismatch, or metadata that fails its
 * schema, each with its own error code. Version 1 files read exactly as
 * before.
 */
import type { z } from 'zod';
import { lazy, zod } from './lazy.js';
import type { IfRow2 } from './adapters.js';
import type { UnicastIpAddressRow } from './addresses.js';
import type { IpNetRow2 } from './neighbors.js';
import type { IpForwardRow2 } from './routes.js';
import { decodeIpInterfaceTable } from './decode.js';
import { describeValue } from './errors.js';
import { ipInterfaceLayout } from './layout.js';
import type { IpInterfaceRow } from './schema.js';
import { decodeTable, type Struct } from './struct/define.js';
import { STRUCTS } from './structs/index.js';

export const CAPTURE_MAGIC = Uint8Array.from([0x49, 0x50, 0x49, 0x46, 0x43, 0x41, 0x50, 0x0a]); // "IPIFCAP\n"
/** The newest capture format version this package reads and writes (encodeCapture writes version 1, encodeCaptureTables version 2). */
export const CAPTURE_VERSION = 2;
const HEADER_SIZE = 24;

export type CaptureErrorCode =
  /** The bytes do not start with the capture magic. */
  | 'ERR_CAPTURE_NOT_A_CAPTURE'
  /** The file is shorter (or longer) than its header says. */
  | 'ERR_CAPTURE_TRUNCATED'
  /** Written by a newer format version than this package reads. */
  | 'ERR_CAPTURE_UNSUPPORTED_VERSION'
  /** Checksum mismatch or metadata that is not valid. */
  | 'ERR_CAPTURE_CORRUPT'
  /** The table was captured with a row layout this build does not decode. */
  | 'ERR_CAPTURE_LAYOUT_MISMATCH';

/** Thrown when a capture file cannot be read. */
export class IpInterfaceCaptureError extends Error {
  override readonly name = 'IpInterfaceCaptureError';
  readonly code: CaptureErrorCode;
  constructor(code: CaptureErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Optional names for an interface, keyed in the capture by its LUID. */
const interfaceNamesSchema = () =>
  zod().object({
  alias: zod().string().optional(),
  name: zod().string().optional(),
  });

/** What a capture records besides the table bytes. */
export const captureMetadataSchema = lazy(() =>
  zod().object({
  /** CPU architecture of the process that captured the table (process.arch: 'x64', 'arm64', 'ia32'). */
  arch: zod().string().min(1),
  /** sizeof(MIB_IPINTERFACE_ROW) on the capturing system: the row stride. */
  rowSize: zod().int().positive(),
  /** offsetof(MIB_IPINTERFACE_TABLE, Table): where the first row starts. */
  firstRowOffset: zod().int().nonnegative(),
  /** The family GetIpInterfaceTable was asked for. */
  family: zod().enum(['ipv4', 'ipv6', 'all']),
  /** When the table was captured (ISO 8601). */
  capturedAt: zod().iso.datetime({ offset: true }),
  /** Free text about the capturing system, e.g. `win32 10.0.22631 x64`. */
  system: zod().string().optional(),
  /** The software that wrote the capture, e.g. `ipinterface 0.1.0`. */
  writer: zod().string().optional(),
  /** LUID (decimal string) → alias and name, when the capturing side knew them. */
  interfaces: zod().record(zod().string().regex(/^\d+$/), interfaceNamesSchema()).optional(),
  }),
);

export type CaptureMetadata = z.infer<typeof captureMetadataSchema>;

/** One table of a version 2 capture. */
const captureTableSchema = lazy(() =>
  zod().object({
  /** The row struct's C name, e.g. MIB_IF_ROW2: it says which decoder reads the table. */
  struct: zod().string().regex(/^[A-Z][A-Z0-9_]*$/),
  /** process.arch of the capturing process. */
  arch: zod().string().min(1),
  /** sizeof(row) on the capturing system: the stride. */
  rowSize: zod().int().positive(),
  /** offsetof(table, Table): where the first row starts. */
  firstRowOffset: zod().int().nonnegative(),
  /** The table's length in bytes. */
  length: zod().int().nonnegative(),
  }),
);

/** What a version 2 capture records besides the table bytes. */
export const captureTablesMetadataSchema = lazy(() =>
  captureMetadataSchema.omit({ arch: true, rowSize: true, firstRowOffset: true }).extend({ tables: zod().array(captureTableSchema).min(1) }),
);

export type CaptureTablesMetadata = z.infer<typeof captureTablesMetadataSchema>;
export type CaptureTableInfo = z.infer<typeof captureTableSchema>;

/** What `encodeCapture` needs besides the table bytes; layout fields default to this build's. */
export interface CaptureInput {
  readonly family: CaptureMetadata['family'];
  readonly capturedAt?: Date;
  readonly arch?: string;
  readonly system?: string;
  readonly writer?: string;
  /** LUID → names, for the rows in the table. */
  readonly interfaces?: ReadonlyMap<bigint, { alias?: string; name?: string }>;
}

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
  /** Every table by row struct name (version 1: just MIB_IPINTERFACE_ROW). */
  readonly tables: Readonly<Record<string, CapturedTable>>;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE, reflected, as zlib and PNG use it): zlib.crc32 where Node has it (≥ 20.15 / 22.2), else computed here. */
export function crc32(bytes: Uint8Array): number {
  const native = (require('node:zlib') as { crc32?: (data: Uint8Array) => number }).crc32; // on first use: importing stays cheap
  if (native) return native(bytes);
  return crc32Fallback(bytes);
}

/** The table-driven CRC-32, for Node releases without zlib.crc32 (engines allows Node 20.0; Electron 30 ships 20.11). */
export function crc32Fallback(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function toBytes(input: Uint8Array | ArrayBuffer, name: string): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  throw new TypeError(`Expected \`${name}\` to be a Uint8Array or an ArrayBuffer, got ${describeValue(input)}`);
}

/** Header + metadata + tables, with the checksum. */
function captureBytes(version: number, metadata: unknown, tables: readonly Uint8Array[]): Uint8Array {
  const meta = new TextEncoder().encode(JSON.stringify(metadata));
  const total = tables.reduce((n, t) => n + t.length, 0);
  const out = new Uint8Array(HEADER_SIZE + meta.length + total);
  const view = new DataView(out.buffer);
  out.set(CAPTURE_MAGIC, 0);
  view.setUint32(8, version, true);
  view.setUint32(12, meta.length, true);
  view.setUint32(16, total, true);
  out.set(meta, HEADER_SIZE);
  let at = HEADER_SIZE + meta.length;
  for (const t of tables) {
    out.set(t, at);
    at += t.length;
  }
  view.setUint32(20, crc32(out.subarray(HEADER_SIZE)), true);
  return out;
}

/** Checks what encodeCapture(Tables) is given, naming the field (no raw ZodError reaches the caller). */
function checkInput(input: unknown): CaptureInput {
  if (input === null || typeof input !== 'object') {
    throw new TypeError(`Expected \`input\` to be an object like { family: 'all' }, got ${describeValue(input)}`);
  }
  const i = input as Record<string, unknown>;
  if (i.family !== 'ipv4' && i.family !== 'ipv6' && i.family !== 'all') {
    throw new TypeError(`Expected \`input.family\` to be 'ipv4', 'ipv6' or 'all', got ${describeValue(i.family)}`);
  }
  if (i.capturedAt !== undefined && !(i.capturedAt instanceof Date && !Number.isNaN(i.capturedAt.getTime()))) {
    throw new TypeError(`Expected \`input.capturedAt\` to be a valid Date, got ${describeValue(i.capturedAt)}`);
  }
  for (const key of ['arch', 'system', 'writer'] as const) {
    if (i[key] !== undefined && (typeof i[key] !== 'string' || (key === 'arch' && i[key] === ''))) {
      throw new TypeError(`Expected \`input.${key}\` to be a${key === 'arch' ? ' non-empty' : ''} string, got ${describeValue(i[key])}`);
    }
  }
  if (i.interfaces !== undefined) {
    if (!(i.interfaces instanceof Map)) throw new TypeError(`Expected \`input.interfaces\` to be a Map of LUID (bigint) → { alias?, name? }, got ${describeValue(i.interfaces)}`);
    for (const [luid, names] of i.interfaces as Map<unknown, unknown>) {
      if (typeof luid !== 'bigint' || luid < 0n) throw new TypeError(`Expected the keys of \`input.interfaces\` to be LUIDs (bigint), got ${describeValue(luid)}`);
      const n = names as Record<string, unknown> | null;
      if (n === null || typeof n !== 'object' || (n.alias !== undefined && typeof n.alias !== 'string') || (n.name !== undefined && typeof n.name !== 'string')) {
        throw new TypeError(`Expected \`input.interfaces\` values to be { alias?: string, name?: string }, got ${describeValue(names)} for LUID ${luid}`);
      }
    }
  }
  return input as CaptureInput;
}

/** The metadata both versions share, in the order version 1 writes it. */
function commonMetadata(input: CaptureInput) {
  return {
    family: input.family,
    capturedAt: (input.capturedAt ?? new Date()).toISOString(),
    ...(input.system === undefined ? {} : { system: input.system }),
    ...(input.writer === undefined ? {} : { writer: input.writer }),
    ...(input.interfaces === undefined
      ? {}
      : { interfaces: Object.fromEntries([...input.interfaces].map(([luid, names]) => [luid.toString(), names])) }),
  };
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
  familyMatches(input.family, 'MIB_IPINTERFACE_ROW', decodeIpInterfaceTable(tableBytes));
  const layout = ipInterfaceLayout();
  const metadata: CaptureMetadata = captureMetadataSchema.parse({
    arch: input.arch ?? process.arch,
    rowSize: layout.rowSize,
    firstRowOffset: layout.firstRowOffset,
    ...commonMetadata(input),
  });
  return captureBytes(1, metadata, [tableBytes]);
}

/** One table for encodeCaptureTables: the row struct's C name and the table's raw bytes. */
export interface CaptureTableInput {
  readonly struct: string;
  readonly bytes: Uint8Array | ArrayBuffer;
}

function structNamed(name: unknown): Struct | undefined {
  return STRUCTS.find((s) => s.name === name) as Struct | undefined;
}

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
    const struct = structNamed(t?.struct);
    if (!t || !struct) {
      throw new TypeError(`Expected \`tables[${i}].struct\` to be one of ${STRUCTS.map((s) => `'${s.name}'`).join(', ')}, got ${describeValue(t?.struct)}`);
    }
    if (infos.some((info) => info.struct === struct.name)) throw new TypeError(`\`tables\` holds two ${struct.name} tables`);
    const b = toBytes(t.bytes, `tables[${i}].bytes`);
    familyMatches(input.family, struct.name, decodeTable(struct, b) as Record<string, unknown>[]);
    const layout = struct.layout();
    infos.push({ struct: struct.name, arch, rowSize: layout.rowSize, firstRowOffset: layout.firstRowOffset, length: b.length });
    return b;
  });
  const metadata = captureTablesMetadataSchema.parse({ ...commonMetadata(input), tables: infos });
  return captureBytes(2, metadata, bytes);
}

/**
 * Reads a capture file's bytes: checks magic, version, length and checksum,
 * validates the metadata, and decodes the table into validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_table
 */
export function decodeCapture(file: Uint8Array | ArrayBuffer): Capture {
  const bytes = toBytes(file, 'file');
  if (bytes.length < CAPTURE_MAGIC.length || CAPTURE_MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new IpInterfaceCaptureError(
      'ERR_CAPTURE_NOT_A_CAPTURE',
      'Not an ipinterface capture: the file does not start with the "IPIFCAP" magic',
    );
  }
  if (bytes.length < HEADER_SIZE) {
    throw new IpInterfaceCaptureError(
      'ERR_CAPTURE_TRUNCATED',
      `The capture is truncated: its header needs ${HEADER_SIZE} bytes, the file has ${bytes.length}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== 1 && version !== 2) {
    throw new IpInterfaceCaptureError(
      'ERR_CAPTURE_UNSUPPORTED_VERSION',
      `The capture uses format version ${version}; this version of ipinterface reads versions 1 and 2` +
        (version > CAPTURE_VERSION ? ' (upgrade ipinterface to read it)' : ''),
    );
  }
  const metaLength = view.getUint32(12, true);
  const tableLength = view.getUint32(16, true);
  const expected = HEADER_SIZE + metaLength + tableLength;
  if (bytes.length !== expected) {
    throw new IpInterfaceCaptureError(
      'ERR_CAPTURE_TRUNCATED',
      `The capture should be ${expected} bytes long (${HEADER_SIZE} + ${metaLength} + ${tableLength}), the file has ${bytes.length}` +
        (bytes.length < expected ? ': it is truncated' : ': it has trailing bytes'),
    );
  }
  const checksum = view.getUint32(20, true);
  const actual = crc32(bytes.subarray(HEADER_SIZE));
  if (checksum !== actual) {
    throw new IpInterfaceCaptureError(
      'ERR_CAPTURE_CORRUPT',
      `The capture is corrupted: its CRC-32 is 0x${checksum.toString(16).padStart(8, '0')} but its contents hash to 0x${actual
        .toString(16)
        .padStart(8, '0')}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(HEADER_SIZE, HEADER_SIZE + metaLength)));
  } catch (cause) {
    throw new IpInterfaceCaptureError('ERR_CAPTURE_CORRUPT', 'The capture is corrupted: its metadata is not UTF-8 JSON', { cause });
  }
  const body = bytes.subarray(HEADER_SIZE + metaLength);
  return version === 1 ? decodeV1(json, body) : decodeV2(json, body);
}

function parseMetadata<T>(schema: z.ZodType<T>, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IpInterfaceCaptureError(
      'ERR_CAPTURE_CORRUPT',
      `The capture is corrupted: metadata \`${issue?.path.join('.') ?? ''}\`: ${issue?.message ?? 'invalid'}`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

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

/** The address family of a row of a family-bearing table (undefined for adapters). */
function familyOfRow(struct: string, row: Record<string, unknown>): 'ipv4' | 'ipv6' | undefined {
  const text = (value: unknown) => (typeof value === 'string' ? (value.includes(':') ? 'ipv6' : 'ipv4') : undefined);
  if (struct === 'MIB_IPINTERFACE_ROW') return row.family as 'ipv4' | 'ipv6';
  if (struct === 'MIB_IPFORWARD_ROW2') return text((row.destinationPrefix as { address?: unknown } | undefined)?.address);
  if (struct === 'MIB_UNICASTIPADDRESS_ROW' || struct === 'MIB_IPNET_ROW2') return text(row.address);
  return undefined;
}

/** What encode is asked to write must agree with its family, or the file could not be read back. */
function familyMatches(family: 'ipv4' | 'ipv6' | 'all', struct: string, rows: readonly Record<string, unknown>[]): void {
  try {
    checkFamily(family, struct, rows);
  } catch (error) {
    throw new TypeError(`Expected \`input.family\` to describe the rows: ${(error as Error).message.replace(/^The capture is corrupted: its metadata says/, 'it says')}`);
  }
}

/** A capture that says it holds one family must hold rows of that family only. */
function checkFamily(family: 'ipv4' | 'ipv6' | 'all', struct: string, rows: readonly Record<string, unknown>[]): void {
  if (family === 'all') return;
  const index = rows.findIndex((row) => {
    const f = familyOfRow(struct, row);
    return f !== undefined && f !== family;
  });
  if (index >= 0) {
    throw new IpInterfaceCaptureError(
      'ERR_CAPTURE_CORRUPT',
      `The capture is corrupted: its metadata says family '${family}', but row ${index} of its ${struct} table is ${family === 'ipv4' ? 'IPv6' : 'IPv4'}`,
    );
  }
}

function decodeV1(json: unknown, body: Uint8Array): Capture {
  const metadata = parseMetadata(captureMetadataSchema, json);
  const struct = structNamed('MIB_IPINTERFACE_ROW')!;
  checkLayout(struct, metadata);
  const table = body.slice();
  const rows = decodeIpInterfaceTable(table);
  checkFamily(metadata.family, struct.name, rows);
  const info = { struct: struct.name, arch: metadata.arch, rowSize: metadata.rowSize, firstRowOffset: metadata.firstRowOffset, length: table.length };
  return { version: 1, metadata, table, rows, tables: { [struct.name]: { info, bytes: table, rows } } };
}

function decodeV2(json: unknown, body: Uint8Array): Capture {
  const metadata = parseMetadata(captureTablesMetadataSchema, json);
  const total = metadata.tables.reduce((n, t) => n + t.length, 0);
  if (total !== body.length) {
    throw new IpInterfaceCaptureError('ERR_CAPTURE_CORRUPT', `The capture is corrupted: its tables add up to ${total} bytes, but it holds ${body.length}`);
  }
  const tables: Record<string, CapturedTable> = {};
  let at = 0;
  for (const info of metadata.tables) {
    const bytes = body.slice(at, at + info.length);
    at += info.length;
    if (tables[info.struct]) throw new IpInterfaceCaptureError('ERR_CAPTURE_CORRUPT', `The capture is corrupted: it holds two ${info.struct} tables`);
    const struct = structNamed(info.struct);
    if (struct) checkLayout(struct, info);
    const rows = struct ? (decodeTable(struct, bytes) as Record<string, unknown>[]) : null;
    if (rows) checkFamily(metadata.family, info.struct, rows);
    tables[info.struct] = { info, bytes, rows };
  }
  const ip = tables.MIB_IPINTERFACE_ROW;
  const rowsOf = (name: string) => tables[name]?.rows ?? undefined;
  const adapters = rowsOf('MIB_IF_ROW2') as IfRow2[] | undefined;
  const unicastAddresses = rowsOf('MIB_UNICASTIPADDRESS_ROW') as UnicastIpAddressRow[] | undefined;
  const routes = rowsOf('MIB_IPFORWARD_ROW2') as IpForwardRow2[] | undefined;
  const neighbors = rowsOf('MIB_IPNET_ROW2') as IpNetRow2[] | undefined;
  return {
    version: 2,
    metadata,
    table: ip?.bytes ?? new Uint8Array(0),
    rows: (ip?.rows ?? []) as IpInterfaceRow[],
    ...(adapters ? { adapters } : {}),
    ...(unicastAddresses ? { unicastAddresses } : {}),
    ...(routes ? { routes } : {}),
    ...(neighbors ? { neighbors } : {}),
    tables,
  };
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
  const { readFile } = require('node:fs/promises') as typeof import('node:fs/promises');
  return decodeCapture(await readFile(path));
}
