/** Loads the C-made fixtures (fixtures/c/): bytes written by tables.c, rows printed by it. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

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
