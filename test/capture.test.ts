import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32 } from '../src/capture/format.js';
import {
  CAPTURE_VERSION,
  decodeCapture,
  encodeCapture,
  encodeCaptureTables,
  IpInterfaceCaptureError,
  IpInterfaceDecodeError,
  loadCapture,
  saveCapture,
} from '../src/index.js';
import { captureMetadataOf, reviveRow, root, tableBytes, tableJson, withCaptureMetadata } from './helpers.js';

/** The C-made realistic table's IPv6 rows only (bytes copied at the stride): a capture says family 'ipv6'. */
function ipv6Only(bytes: Uint8Array): Uint8Array {
  const rows = tableJson('realistic').rows!;
  const keep = rows.map((r, i) => (r.family === 'ipv6' ? i : -1)).filter((i) => i >= 0);
  const out = new Uint8Array(8 + keep.length * 168);
  new DataView(out.buffer).setUint32(0, keep.length, true);
  out.set(bytes.subarray(4, 8), 4); // the padding after NumEntries, as C left it
  keep.forEach((from, to) => out.set(bytes.subarray(8 + from * 168, 8 + (from + 1) * 168), 8 + to * 168));
  return out;
}
const table = ipv6Only(tableBytes('realistic'));
const expectedRows = tableJson('realistic').rows!.filter((r) => r.family === 'ipv6').map(reviveRow);
const capture = encodeCapture(table, {
  family: 'ipv6',
  capturedAt: new Date('2026-01-02T03:04:05.000Z'),
  interfaces: new Map([[0x18000000000000n, { alias: 'Loopback Pseudo-Interface 1', name: 'loopback_0' }]]),
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(IpInterfaceCaptureError);
    return (error as IpInterfaceCaptureError).code;
  }
  return undefined;
}

/** Rewrites the header's CRC so a test can reach the checks after it. */
function withValidCrc(bytes: Uint8Array): Uint8Array {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(20, crc32(bytes.subarray(24)), true);
  return bytes;
}

/** The capture with its metadata (and optionally its table) replaced, CRC made valid. */
const withMetadata = (meta: unknown, tableBytes: Uint8Array = table): Uint8Array => withCaptureMetadata(capture, meta, tableBytes);

describe('capture files', () => {
  it('CRC-32 is the standard one (check value of "123456789" is 0xCBF43926)', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('follow the documented format byte for byte', () => {
    const view = new DataView(capture.buffer, capture.byteOffset, capture.byteLength);
    expect(new TextDecoder().decode(capture.subarray(0, 8))).toBe('IPIFCAP\n');
    expect(view.getUint32(8, true)).toBe(1);
    const m = view.getUint32(12, true);
    const t = view.getUint32(16, true);
    expect(t).toBe(table.length);
    expect(capture.length).toBe(24 + m + t);
    expect(view.getUint32(20, true)).toBe(crc32(capture.subarray(24)));
    expect(capture.subarray(24 + m)).toEqual(table);
    expect(JSON.parse(new TextDecoder().decode(capture.subarray(24, 24 + m)))).toEqual({
      arch: process.arch,
      rowSize: 168,
      firstRowOffset: 8,
      family: 'ipv6',
      capturedAt: '2026-01-02T03:04:05.000Z',
      interfaces: { '6755399441055744': { alias: 'Loopback Pseudo-Interface 1', name: 'loopback_0' } },
    });
  });

  it('round-trip: rows equal what C printed, metadata and bytes are kept', () => {
    const decoded = decodeCapture(capture);
    expect(decoded.version).toBe(1); // encodeCapture writes format version 1
    expect(CAPTURE_VERSION).toBe(2); // the newest this package reads and writes
    expect(decoded.rows).toStrictEqual(expectedRows);
    expect(decoded.table).toEqual(table);
    expect(decoded.metadata.family).toBe('ipv6');
    expect(decoded.metadata.interfaces?.['6755399441055744']?.alias).toBe('Loopback Pseudo-Interface 1');
    expect(decodeCapture(capture.slice().buffer).rows).toStrictEqual(expectedRows);
  });

  it('saveCapture / loadCapture go through a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipinterface-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'table.ipcap');
    await saveCapture(path, table, { family: 'all' });
    const loaded = await loadCapture(path);
    expect(loaded.rows).toStrictEqual(expectedRows);
    expect(Date.now() - Date.parse(loaded.metadata.capturedAt)).toBeLessThan(60_000);
    await expect(loadCapture(join(dir, 'missing.ipcap'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses to write a table it could not read back', () => {
    expect(() => encodeCapture(tableBytes('bad-family'), { family: 'all' })).toThrow(IpInterfaceDecodeError);
    expect(() => encodeCapture(table.subarray(0, 100), { family: 'all' })).toThrow(IpInterfaceDecodeError);
    expect(() => encodeCapture(table, { family: 'ipx' as never })).toThrow(/family/);
  });

  it('not a capture: wrong magic, or too short for it', () => {
    expect(codeOf(() => decodeCapture(table))).toBe('ERR_CAPTURE_NOT_A_CAPTURE');
    expect(codeOf(() => decodeCapture(new Uint8Array(0)))).toBe('ERR_CAPTURE_NOT_A_CAPTURE');
    expect(codeOf(() => decodeCapture(capture.subarray(0, 5)))).toBe('ERR_CAPTURE_NOT_A_CAPTURE');
  });

  it('truncated at every length is a clear error', () => {
    for (let length = 8; length < capture.length; length++) {
      expect(codeOf(() => decodeCapture(capture.subarray(0, length)))).toBe('ERR_CAPTURE_TRUNCATED');
    }
    const longer = new Uint8Array(capture.length + 1);
    longer.set(capture);
    expect(() => decodeCapture(longer)).toThrow(/trailing bytes/);
  });

  it('any flipped byte after the header is caught by the checksum', () => {
    for (let i = 24; i < capture.length; i += 7) {
      const copy = capture.slice();
      copy[i]! ^= 0x01;
      expect(codeOf(() => decodeCapture(copy))).toBe('ERR_CAPTURE_CORRUPT');
    }
  });

  it('a future version says so', () => {
    const future = capture.slice();
    new DataView(future.buffer).setUint32(8, 3, true);
    expect(codeOf(() => decodeCapture(future))).toBe('ERR_CAPTURE_UNSUPPORTED_VERSION');
    expect(() => decodeCapture(future)).toThrow(/version 3.*reads versions 1 and 2.*upgrade/);
  });

  it('metadata that is not JSON, or fails its schema, is corrupt', () => {
    const good = JSON.parse(new TextDecoder().decode(capture.subarray(24, capture.length - table.length)));
    expect(decodeCapture(withMetadata(good)).rows).toStrictEqual(expectedRows);
    expect(codeOf(() => decodeCapture(withMetadata({ ...good, family: 'ipx' })))).toBe('ERR_CAPTURE_CORRUPT');
    expect(codeOf(() => decodeCapture(withMetadata({ ...good, capturedAt: 'yesterday' })))).toBe('ERR_CAPTURE_CORRUPT');
    expect(codeOf(() => decodeCapture(withMetadata({ ...good, rowSize: undefined })))).toBe('ERR_CAPTURE_CORRUPT');
    expect(() => decodeCapture(withMetadata({ ...good, family: 'ipx' }))).toThrow(/metadata `family`/);
    const notJson = withMetadata(good);
    notJson[24] = '<'.charCodeAt(0);
    expect(codeOf(() => decodeCapture(withValidCrc(notJson)))).toBe('ERR_CAPTURE_CORRUPT');
  });

  it('a table captured with another row layout is refused, not misread', () => {
    const good = JSON.parse(new TextDecoder().decode(capture.subarray(24, capture.length - table.length)));
    expect(codeOf(() => decodeCapture(withMetadata({ ...good, rowSize: 176 })))).toBe('ERR_CAPTURE_LAYOUT_MISMATCH');
    expect(codeOf(() => decodeCapture(withMetadata({ ...good, firstRowOffset: 4 })))).toBe('ERR_CAPTURE_LAYOUT_MISMATCH');
  });

  it('a checksummed capture of an invalid table still fails row validation', () => {
    const good = JSON.parse(new TextDecoder().decode(capture.subarray(24, capture.length - table.length)));
    expect(() => decodeCapture(withMetadata(good, tableBytes('bad-router-discovery')))).toThrow(IpInterfaceDecodeError);
  });

  it('the bundled examples/laptop.ipcap holds the C-made realistic table and is up to date', async () => {
    const bundled = new Uint8Array(readFileSync(join(root, 'examples', 'laptop.ipcap')));
    expect(decodeCapture(bundled).rows).toStrictEqual(tableJson('realistic').rows!.map(reviveRow));
    const { exampleCapture } = await import('../scripts/make-example-capture.mjs');
    expect(exampleCapture()).toEqual(bundled);
  });
});

describe('capture files, format version 2 (several tables in one snapshot)', () => {
  const if2 = new Uint8Array(readFileSync(join(root, 'fixtures', 'c', 'structs', 'MIB_IF_ROW2', 'if2-realistic.bin')));
  const if2Rows = (JSON.parse(readFileSync(join(root, 'fixtures', 'c', 'structs', 'MIB_IF_ROW2', 'if2-realistic.json'), 'utf8')) as { rows: Record<string, unknown>[] }).rows;
  const v2 = encodeCaptureTables(
    [
      { struct: 'MIB_IPINTERFACE_ROW', bytes: table },
      { struct: 'MIB_IF_ROW2', bytes: if2 },
    ],
    { family: 'all', arch: 'x64', capturedAt: new Date('2026-01-02T03:04:05.000Z') },
  );
  const meta = captureMetadataOf as (file: Uint8Array) => any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The same tables with the metadata replaced (and a valid CRC). */
  const withMeta = (m: unknown, body?: Uint8Array) => withCaptureMetadata(v2, m, body);

  it('follows the documented format: version 2, tables listed in order with struct, arch, row size, first-row offset and length', () => {
    const view = new DataView(v2.buffer, v2.byteOffset);
    expect(view.getUint32(8, true)).toBe(2);
    const m = meta(v2);
    expect(m).toEqual({
      family: 'all',
      capturedAt: '2026-01-02T03:04:05.000Z',
      tables: [
        { struct: 'MIB_IPINTERFACE_ROW', arch: 'x64', rowSize: 168, firstRowOffset: 8, length: table.length },
        { struct: 'MIB_IF_ROW2', arch: 'x64', rowSize: 1352, firstRowOffset: 8, length: if2.length },
      ],
    });
    expect(view.getUint32(16, true)).toBe(table.length + if2.length);
    expect(v2.subarray(v2.length - if2.length)).toEqual(if2);
  });

  it('decodes both tables: rows and adapters equal what C printed', () => {
    const decoded = decodeCapture(v2);
    expect(decoded.version).toBe(2);
    expect(decoded.rows).toStrictEqual(expectedRows);
    expect(decoded.table).toEqual(table);
    expect(JSON.parse(JSON.stringify(decoded.adapters, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)))).toEqual(if2Rows);
    expect(Object.keys(decoded.tables)).toEqual(['MIB_IPINTERFACE_ROW', 'MIB_IF_ROW2']);
  });

  it('a table of a struct this version does not know is kept as bytes, rows null', () => {
    const m = meta(v2);
    m.tables[1].struct = 'MIB_FUTURE_ROW';
    const decoded = decodeCapture(withMeta(m));
    expect(decoded.tables.MIB_FUTURE_ROW).toMatchObject({ rows: null });
    expect(decoded.tables.MIB_FUTURE_ROW!.bytes).toEqual(if2);
    expect(decoded.adapters).toBeUndefined();
  });

  it('refuses tables whose lengths do not add up, two tables of one struct, another layout, or no tables', () => {
    const m = meta(v2);
    expect(codeOf(() => decodeCapture(withMeta({ ...m, tables: [m.tables[0], { ...m.tables[1], length: if2.length - 1 }] })))).toBe('ERR_CAPTURE_CORRUPT');
    expect(codeOf(() => decodeCapture(withMeta({ ...m, tables: [m.tables[0], { ...m.tables[1], struct: 'MIB_IPINTERFACE_ROW' }] })))).toBe('ERR_CAPTURE_CORRUPT');
    expect(codeOf(() => decodeCapture(withMeta({ ...m, tables: [m.tables[0], { ...m.tables[1], rowSize: 1360 }] })))).toBe('ERR_CAPTURE_LAYOUT_MISMATCH');
    expect(() => decodeCapture(withMeta({ ...m, tables: [m.tables[0], { ...m.tables[1], rowSize: 1360 }] }))).toThrow(/MIB_IF_ROW2 rows are 1360 bytes/);
    expect(codeOf(() => decodeCapture(withMeta({ ...m, tables: [] }, new Uint8Array(0))))).toBe('ERR_CAPTURE_CORRUPT');
  });

  it('refuses to write what it could not read back, or a struct it does not know', () => {
    expect(() => encodeCaptureTables([{ struct: 'MIB_IF_ROW2', bytes: table }], { family: 'all' })).toThrow(IpInterfaceDecodeError);
    expect(() => encodeCaptureTables([{ struct: 'MIB_NOPE', bytes: table }], { family: 'all' })).toThrow(/`tables\[0\]\.struct` to be one of 'MIB_IPINTERFACE_ROW', 'MIB_IF_ROW2'/);
    expect(() => encodeCaptureTables([], { family: 'all' })).toThrow(TypeError);
    expect(() => encodeCaptureTables([{ struct: 'MIB_IF_ROW2', bytes: if2 }, { struct: 'MIB_IF_ROW2', bytes: if2 }], { family: 'all' })).toThrow(/two MIB_IF_ROW2/);
  });

  it('the bundled examples/laptop.ipcap is version 2 and holds the C-made adapters, addresses, routes and neighbours too (and connections, and the adapter list)', () => {
    const bundled = decodeCapture(new Uint8Array(readFileSync(join(root, 'examples', 'laptop.ipcap'))));
    expect(bundled.version).toBe(2);
    expect(Object.keys(bundled.tables)).toEqual([
      'MIB_IPINTERFACE_ROW',
      'MIB_IF_ROW2',
      'MIB_UNICASTIPADDRESS_ROW',
      'MIB_IPFORWARD_ROW2',
      'MIB_IPNET_ROW2',
      'MIB_TCPROW_OWNER_PID',
      'MIB_TCP6ROW_OWNER_PID',
      'MIB_UDPROW_OWNER_PID',
      'MIB_UDP6ROW_OWNER_PID',
      'IP_ADAPTER_ADDRESSES_LH',
    ]);
    const list = JSON.parse(readFileSync(join(root, 'fixtures', 'c', 'adapters', 'x64', 'realistic.json'), 'utf8')) as { adapters: unknown[]; base: string; head: string };
    expect(JSON.parse(JSON.stringify(bundled.adapterAddresses, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)))).toEqual(list.adapters);
    expect(bundled.tables.IP_ADAPTER_ADDRESSES_LH!.info).toMatchObject({ arch: 'x64', base: list.base, head: list.head });
    for (const [field, dir, name] of [['unicastAddresses', 'MIB_UNICASTIPADDRESS_ROW', 'unicast-realistic'], ['routes', 'MIB_IPFORWARD_ROW2', 'forward-realistic'], ['neighbors', 'MIB_IPNET_ROW2', 'ipnet-realistic']] as const) {
      const c = JSON.parse(readFileSync(join(root, 'fixtures', 'c', 'structs', dir, `${name}.json`), 'utf8')) as { rows: unknown[] };
      expect(JSON.parse(JSON.stringify(bundled[field], (_k, v) => (typeof v === 'bigint' ? v.toString() : v)))).toEqual(c.rows);
    }
    expect(JSON.parse(JSON.stringify(bundled.adapters, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)))).toEqual(if2Rows);
  });
});
