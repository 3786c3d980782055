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
 * The file is exactly 24 + M + T bytes. Readers reject other magic, a newer
 * version, a wrong length, a checksum mismatch, or metadata that fails its
 * schema, each with its own error code.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { decodeIpInterfaceTable } from './decode.js';
import { describeValue } from './errors.js';
import { ipInterfaceLayout } from './layout.js';
import type { IpInterfaceRow } from './schema.js';

export const CAPTURE_MAGIC = Uint8Array.from([0x49, 0x50, 0x49, 0x46, 0x43, 0x41, 0x50, 0x0a]); // "IPIFCAP\n"
export const CAPTURE_VERSION = 1;
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
const interfaceNamesSchema = z.object({
  alias: z.string().optional(),
  name: z.string().optional(),
});

/** What a capture records besides the table bytes. */
export const captureMetadataSchema = z.object({
  /** CPU architecture of the process that captured the table (process.arch: 'x64', 'arm64', 'ia32'). */
  arch: z.string().min(1),
  /** sizeof(MIB_IPINTERFACE_ROW) on the capturing system: the row stride. */
  rowSize: z.int().positive(),
  /** offsetof(MIB_IPINTERFACE_TABLE, Table): where the first row starts. */
  firstRowOffset: z.int().nonnegative(),
  /** The family GetIpInterfaceTable was asked for. */
  family: z.enum(['ipv4', 'ipv6', 'all']),
  /** When the table was captured (ISO 8601). */
  capturedAt: z.iso.datetime({ offset: true }),
  /** Free text about the capturing system, e.g. `win32 10.0.22631 x64`. */
  system: z.string().optional(),
  /** The software that wrote the capture, e.g. `ipinterface 0.1.0`. */
  writer: z.string().optional(),
  /** LUID (decimal string) → alias and name, when the capturing side knew them. */
  interfaces: z.record(z.string().regex(/^\d+$/), interfaceNamesSchema).optional(),
});

export type CaptureMetadata = z.infer<typeof captureMetadataSchema>;

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

/** A decoded capture. */
export interface Capture {
  readonly version: number;
  readonly metadata: CaptureMetadata;
  /** The raw table bytes (a copy, safe to keep). */
  readonly table: Uint8Array;
  /** The table decoded and validated. */
  readonly rows: IpInterfaceRow[];
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE, reflected, as zlib and PNG use it). */
export function crc32(bytes: Uint8Array): number {
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

/**
 * Wraps the raw bytes of a MIB_IPINTERFACE_TABLE in a capture file. The table is
 * decoded first, so a capture never holds a table this package cannot read.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export function encodeCapture(table: Uint8Array | ArrayBuffer, input: CaptureInput): Uint8Array {
  const tableBytes = toBytes(table, 'table');
  decodeIpInterfaceTable(tableBytes);
  const layout = ipInterfaceLayout();
  const metadata: CaptureMetadata = captureMetadataSchema.parse({
    arch: input.arch ?? process.arch,
    rowSize: layout.rowSize,
    firstRowOffset: layout.firstRowOffset,
    family: input.family,
    capturedAt: (input.capturedAt ?? new Date()).toISOString(),
    ...(input.system === undefined ? {} : { system: input.system }),
    ...(input.writer === undefined ? {} : { writer: input.writer }),
    ...(input.interfaces === undefined
      ? {}
      : { interfaces: Object.fromEntries([...input.interfaces].map(([luid, names]) => [luid.toString(), names])) }),
  });
  const meta = new TextEncoder().encode(JSON.stringify(metadata));
  const out = new Uint8Array(HEADER_SIZE + meta.length + tableBytes.length);
  const view = new DataView(out.buffer);
  out.set(CAPTURE_MAGIC, 0);
  view.setUint32(8, CAPTURE_VERSION, true);
  view.setUint32(12, meta.length, true);
  view.setUint32(16, tableBytes.length, true);
  out.set(meta, HEADER_SIZE);
  out.set(tableBytes, HEADER_SIZE + meta.length);
  view.setUint32(20, crc32(out.subarray(HEADER_SIZE)), true);
  return out;
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
  if (version !== CAPTURE_VERSION) {
    throw new IpInterfaceCaptureError(
      'ERR_CAPTURE_UNSUPPORTED_VERSION',
      `The capture uses format version ${version}; this version of ipinterface reads version ${CAPTURE_VERSION}` +
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
  const parsed = captureMetadataSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IpInterfaceCaptureError(
      'ERR_CAPTURE_CORRUPT',
      `The capture is corrupted: metadata \`${issue?.path.join('.') ?? ''}\`: ${issue?.message ?? 'invalid'}`,
      { cause: parsed.error },
    );
  }
  const metadata = parsed.data;
  const layout = ipInterfaceLayout();
  if (metadata.rowSize !== layout.rowSize || metadata.firstRowOffset !== layout.firstRowOffset) {
    throw new IpInterfaceCaptureError(
      'ERR_CAPTURE_LAYOUT_MISMATCH',
      `The capture's rows are ${metadata.rowSize} bytes from offset ${metadata.firstRowOffset} (arch ${metadata.arch}); ` +
        `this build decodes ${layout.rowSize}-byte rows from offset ${layout.firstRowOffset}`,
    );
  }
  const table = bytes.slice(HEADER_SIZE + metaLength);
  return { version, metadata, table, rows: decodeIpInterfaceTable(table) };
}

/**
 * Writes a capture file of a MIB_IPINTERFACE_TABLE's raw bytes.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export async function saveCapture(path: string, table: Uint8Array | ArrayBuffer, input: CaptureInput): Promise<void> {
  await writeFile(path, encodeCapture(table, input));
}

/**
 * Reads and decodes a capture file written by `saveCapture` (on any OS).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_table
 */
export async function loadCapture(path: string): Promise<Capture> {
  return decodeCapture(await readFile(path));
}
