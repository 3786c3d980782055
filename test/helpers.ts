/** Loads the C-made fixtures (fixtures/c/): bytes written by tables.c, rows printed by it. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from '../src/capture/format.js';

export const root = join(__dirname, '..');
export const tablesDir = join(root, 'fixtures', 'c', 'tables');

export interface CLayout {
  pointerSize: number;
  row: { size: number; alignment: number };
  table: { size: number; alignment: number; numEntriesOffset: number; firstRowOffset: number };
  scopeLevelCount: number;
  offloadRodSize: number;
  fields: { name: string; offset: number; size: number }[];
  offloadBits: Record<string, number>;
  constants: Record<string, number>;
}

export const cLayout: CLayout = JSON.parse(readFileSync(join(root, 'fixtures', 'c', 'layout.json'), 'utf8'));
/** The same program built by i686 MinGW and run by 32-bit Wine (scripts/gen-fixtures.sh --arch ia32). */
export const cLayoutIa32: CLayout = JSON.parse(readFileSync(join(root, 'fixtures', 'c', 'layout-ia32.json'), 'utf8'));

export interface CTable {
  name: string;
  description: string;
  numEntries: number;
  byteLength: number;
  rows?: Record<string, unknown>[];
  error?: { row: number; field: string; raw: number };
}

export function tableBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(tablesDir, `${name}.bin`)));
}

export function tableJson(name: string): CTable {
  return JSON.parse(readFileSync(join(tablesDir, `${name}.json`), 'utf8'));
}

/** The C program prints 64-bit values as decimal strings; rows hold bigints. */
export function reviveRow(row: Record<string, unknown>): Record<string, unknown> {
  return { ...row, interfaceLuid: BigInt(row.interfaceLuid as string), interfaceIdentifier: BigInt(row.interfaceIdentifier as string) };
}

export function tableNames(): string[] {
  return readdirSync(tablesDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** The parsed JSON metadata of a capture file. */
export function captureMetadataOf(file: Uint8Array): Record<string, unknown> & { tables?: Record<string, unknown>[] } {
  const length = new DataView(file.buffer, file.byteOffset).getUint32(12, true);
  return JSON.parse(new TextDecoder().decode(file.subarray(24, 24 + length)));
}

/**
 * `file` with its metadata replaced (and its tables, when `body` is given), header lengths and CRC
 * made valid: a hand-built capture, as another writer might make, so a test reaches the checks after
 * the checksum.
 */
export function withCaptureMetadata(file: Uint8Array, meta: unknown, body?: Uint8Array): Uint8Array {
  const metaLength = new DataView(file.buffer, file.byteOffset).getUint32(12, true);
  const tables = body ?? file.subarray(24 + metaLength);
  const json = new TextEncoder().encode(JSON.stringify(meta));
  const out = new Uint8Array(24 + json.length + tables.length);
  out.set(file.subarray(0, 12));
  const view = new DataView(out.buffer);
  view.setUint32(12, json.length, true);
  view.setUint32(16, tables.length, true);
  out.set(json, 24);
  out.set(tables, 24 + json.length);
  view.setUint32(20, crc32(out.subarray(24)), true);
  return out;
}
