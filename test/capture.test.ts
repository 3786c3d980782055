import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32 } from '../src/capture.js';
import {
  CAPTURE_VERSION,
  decodeCapture,
  encodeCapture,
  IpInterfaceCaptureError,
  IpInterfaceDecodeError,
  loadCapture,
  saveCapture,
} from '../src/index.js';
import { reviveRow, root, tableBytes, tableJson } from './helpers.js';

const table = tableBytes('realistic');
const expectedRows = tableJson('realistic').rows!.map(reviveRow);
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

/** A capture with metadata replaced (a hand-built file, as another writer might make). */
function withMetadata(meta: unknown, tableBytes: Uint8Array = table): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(meta));
  const out = new Uint8Array(24 + json.length + tableBytes.length);
  out.set(capture.subarray(0, 12));
  const view = new DataView(out.buffer);
  view.setUint32(12, json.length, true);
  view.setUint32(16, tableBytes.length, true);
  out.set(json, 24);
  out.set(tableBytes, 24 + json.length);
  return withValidCrc(out);
}

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
    expect(decoded.version).toBe(CAPTURE_VERSION);
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
    new DataView(future.buffer).setUint32(8, 2, true);
    expect(codeOf(() => decodeCapture(future))).toBe('ERR_CAPTURE_UNSUPPORTED_VERSION');
    expect(() => decodeCapture(future)).toThrow(/version 2.*reads version 1.*upgrade/);
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
    expect(decodeCapture(bundled).rows).toStrictEqual(expectedRows);
    const { exampleCapture } = await import('../scripts/make-example-capture.mjs');
    expect(exampleCapture()).toEqual(bundled);
  });
});
