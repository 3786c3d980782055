/**
 * The capture file format: the raw bytes of IP Helper tables plus what is
 * needed to decode them on any OS. A user on Windows saves one and attaches it
 * to a bug report; anyone decodes it anywhere. This module knows the file
 * (header, checksum, metadata, where each table's bytes are), not the tables:
 * ./tables.ts decodes them through the registry.
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
import { types } from '../builtins.js';
import type { z } from 'zod';
import { describeKey, describePath, describeValue, readObject } from '../errors.js';
import { lazy, zod } from '../lazy.js';

export const CAPTURE_MAGIC = Uint8Array.from([0x49, 0x50, 0x49, 0x46, 0x43, 0x41, 0x50, 0x0a]); // "IPIFCAP\n"
/** The newest capture format version this package reads and writes (encodeCapture writes version 1, encodeCaptureTables version 2). */
export const CAPTURE_VERSION = 2;
export const HEADER_SIZE = 24;

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
  /** A linked list's (IP_ADAPTER_ADDRESSES_LH): the address of its byte 0 in the capturing process, which its pointers are taken against. */
  base: zod().string().regex(/^0x[0-9a-f]{1,16}$/).optional(),
  /** A linked list's: the address of its first node (0x0 for an empty list). */
  head: zod().string().regex(/^0x[0-9a-f]{1,16}$/).optional(),
  }),
);

/** What a version 2 capture records besides the table bytes. */
export const captureTablesMetadataSchema = lazy(() =>
  captureMetadataSchema.omit({ arch: true, rowSize: true, firstRowOffset: true }).extend({
    tables: zod().array(captureTableSchema).min(1),
    /** PID (decimal string) → the image path of the process that owned a captured connection or endpoint (null where Windows refused), when the capturing side knew it. */
    processes: zod().record(zod().string().regex(/^\d+$/), zod().string().nullable()).optional(),
  }),
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
  /** PID → image path (null where Windows refused), for the owners of captured connections (format version 2). */
  readonly processes?: ReadonlyMap<number, string | null>;
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

export function toBytes(input: Uint8Array | ArrayBuffer, name: string): Uint8Array {
  const { isUint8Array, isArrayBuffer } = types();
  if (isUint8Array(input)) return input;
  if (isArrayBuffer(input)) return new Uint8Array(input);
  throw new TypeError(`Expected \`${name}\` to be a Uint8Array or an ArrayBuffer, got ${describeValue(input)}`);
}

/** Header + metadata + tables, with the checksum. */
export function captureBytes(version: number, metadata: unknown, tables: readonly Uint8Array[]): Uint8Array {
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
export function checkInput(input: unknown): CaptureInput {
  const i = readObject(input, 'input', "an object like { family: 'all' }");
  if (i.family !== 'ipv4' && i.family !== 'ipv6' && i.family !== 'all') {
    throw new TypeError(`Expected \`input.family\` to be 'ipv4', 'ipv6' or 'all', got ${describeValue(i.family)}`);
  }
  if (i.capturedAt !== undefined && !(i.capturedAt instanceof Date && !Number.isNaN(i.capturedAt.getTime()))) {
    throw new TypeError(`Expected \`input.capturedAt\` to be a valid Date, got ${describeValue(i.capturedAt)}`);
  }
  if (i.capturedAt !== undefined) {
    // Written as ISO 8601 text, which has four-digit years (toISOString writes ±YYYYYY beyond them).
    const year = (i.capturedAt as Date).getUTCFullYear();
    if (year < 0 || year > 9999) throw new RangeError(`Expected \`input.capturedAt\` to be a Date in the years 0000 to 9999, got one in the year ${year}`);
  }
  for (const key of ['arch', 'system', 'writer'] as const) {
    if (i[key] !== undefined && (typeof i[key] !== 'string' || (key === 'arch' && i[key] === ''))) {
      throw new TypeError(`Expected \`input.${key}\` to be a${key === 'arch' ? ' non-empty' : ''} string, got ${describeValue(i[key])}`);
    }
  }
  if (i.processes !== undefined) {
    if (!(i.processes instanceof Map)) throw new TypeError(`Expected \`input.processes\` to be a Map of PID (number) → image path (string or null), got ${describeValue(i.processes)}`);
    for (const [pid, path] of i.processes as Map<unknown, unknown>) {
      if (typeof pid !== 'number' || !Number.isInteger(pid) || pid < 0 || pid > 0xffff_ffff) throw new TypeError(`Expected the keys of \`input.processes\` to be process IDs, got ${describeValue(pid)}`);
      if (path !== null && typeof path !== 'string') throw new TypeError(`Expected \`input.processes\` values to be image paths (string or null), got ${describeValue(path)} for PID ${pid}`);
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
  return i as unknown as CaptureInput;
}

/** The metadata both versions share, in the order version 1 writes it. */
export function commonMetadata(input: CaptureInput) {
  return {
    family: input.family,
    capturedAt: (input.capturedAt ?? new Date()).toISOString(),
    ...(input.system === undefined ? {} : { system: input.system }),
    ...(input.writer === undefined ? {} : { writer: input.writer }),
    ...(input.interfaces === undefined
      ? {}
      : { interfaces: Object.fromEntries([...input.interfaces].map(([luid, names]) => [luid.toString(), names])) }),
    ...(input.processes === undefined ? {} : { processes: Object.fromEntries([...input.processes].map(([pid, path]) => [String(pid), path])) }),
  };
}

/** A capture's tables as the file lays them out: each one's description and bytes (a copy). */
export interface RawCaptureTable {
  readonly info: CaptureTableInfo;
  readonly bytes: Uint8Array;
}

/** A capture file read and checked up to its tables: version, validated metadata, and each table's bytes. */
export interface RawCapture {
  readonly version: 1 | 2;
  readonly metadata: CaptureMetadata | CaptureTablesMetadata;
  readonly tables: readonly RawCaptureTable[];
}

/**
 * Reads a capture file's bytes: checks magic, version, length and checksum,
 * validates the metadata, and splits the body into its tables (version 1: the
 * one MIB_IPINTERFACE_TABLE). Each check has its own error code.
 */
export function readCapture(file: Uint8Array | ArrayBuffer, copy = true): RawCapture {
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
  if (version === 1) {
    const metadata = parseMetadata(captureMetadataSchema, json);
    const info = { struct: 'MIB_IPINTERFACE_ROW', arch: metadata.arch, rowSize: metadata.rowSize, firstRowOffset: metadata.firstRowOffset, length: body.length };
    return { version, metadata, tables: [{ info, bytes: copy ? body.slice() : body }] };
  }
  const metadata = parseMetadata(captureTablesMetadataSchema, json);
  const total = metadata.tables.reduce((n, t) => n + t.length, 0);
  if (total !== body.length) {
    throw new IpInterfaceCaptureError('ERR_CAPTURE_CORRUPT', `The capture is corrupted: its tables add up to ${total} bytes, but it holds ${body.length}`);
  }
  const tables: RawCaptureTable[] = [];
  let at = 0;
  for (const info of metadata.tables) {
    if (tables.some((t) => t.info.struct === info.struct)) throw new IpInterfaceCaptureError('ERR_CAPTURE_CORRUPT', `The capture is corrupted: it holds two ${info.struct} tables`);
    tables.push({ info, bytes: copy ? body.slice(at, at + info.length) : body.subarray(at, at + info.length) });
    at += info.length;
  }
  return { version, metadata, tables };
}

/**
 * Metadata this package is about to write, checked by its schema: a ZodError is never thrown from a
 * public function, so a failure here (an input checkInput let through) is a TypeError naming the member.
 */
export function writtenMetadata<T>(schema: z.ZodType<T>, metadata: unknown): T {
  const parsed = schema.safeParse(metadata);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new TypeError(`Cannot write this capture: metadata ${describePath(issue?.path ?? [])}: ${issue?.message ?? 'invalid'}`, { cause: parsed.error });
}

function parseMetadata<T>(schema: z.ZodType<T>, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // zod's own message for unknown keys quotes them whole: named here, shortened, instead.
    const message =
      issue?.code === 'unrecognized_keys'
        ? `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.slice(0, 5).map(describeKey).join(', ')}${issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : ''}`
        : (issue?.message ?? 'invalid');
    throw new IpInterfaceCaptureError('ERR_CAPTURE_CORRUPT', `The capture is corrupted: metadata ${describePath(issue?.path ?? [])}: ${message}`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

