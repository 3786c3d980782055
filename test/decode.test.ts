import { describe, expect, it } from 'vitest';
import { decodeIpInterfaceTable, decodeIpInterfaceTableUnchecked } from '../src/tables/ip-interfaces.js';
import { IpInterfaceDecodeError } from '../src/errors.js';
import { cLayout, reviveRow, tableBytes, tableJson, tableNames } from './helpers.js';

const goodTables = tableNames().filter((name) => tableJson(name).rows !== undefined);
const badTables = tableNames().filter((name) => tableJson(name).error !== undefined);

/** The row keys the foundation issue lists, in header order. */
const ISSUE_KEYS = [
  'family', 'interfaceLuid', 'interfaceIndex', 'maxReassemblySize', 'interfaceIdentifier',
  'minRouterAdvertisementInterval', 'maxRouterAdvertisementInterval', 'advertisingEnabled', 'forwardingEnabled',
  'weakHostSend', 'weakHostReceive', 'useAutomaticMetric', 'useNeighborUnreachabilityDetection',
  'managedAddressConfigurationSupported', 'otherStatefulConfigurationSupported', 'advertiseDefaultRoute',
  'routerDiscoveryBehavior', 'dadTransmits', 'baseReachableTime', 'retransmitTime', 'pathMtuDiscoveryTimeout',
  'linkLocalAddressBehavior', 'linkLocalAddressTimeout', 'zoneIndices', 'sitePrefixLength', 'metric', 'nlMtu',
  'connected', 'supportsWakeUpPatterns', 'supportsNeighborDiscovery', 'supportsRouterDiscovery', 'reachableTime',
  'transmitOffload', 'receiveOffload', 'disableDefaultRoutes',
];

/** Byte positions no field covers, per the C compiler's layout: the padding. */
function paddingOffsets(): number[] {
  const covered = new Set<number>();
  for (const f of cLayout.fields) for (let i = 0; i < f.size; i++) covered.add(f.offset + i);
  const pad: number[] = [];
  for (let i = 0; i < cLayout.row.size; i++) if (!covered.has(i)) pad.push(i);
  return pad;
}

describe('decodeIpInterfaceTable on C-made tables', () => {
  it('has fixtures to test: empty, one-row, realistic, extremes, and invalid ones', () => {
    expect(goodTables).toEqual(expect.arrayContaining(['empty', 'one-row', 'realistic', 'extremes']));
    expect(badTables.length).toBeGreaterThanOrEqual(3);
  });

  it.each(goodTables)('%s: every field of every row equals what C printed', (name) => {
    const expected = tableJson(name);
    const rows = decodeIpInterfaceTable(tableBytes(name));
    expect(rows).toHaveLength(expected.numEntries);
    expect(rows).toStrictEqual(expected.rows!.map(reviveRow));
  });

  it('the realistic table holds what the issue asks for', () => {
    const rows = decodeIpInterfaceTable(tableBytes('realistic'));
    expect(new Set(rows.map((r) => r.family))).toEqual(new Set(['ipv4', 'ipv6']));
    expect(rows.some((r) => r.nlMtu === 4294967295)).toBe(true); // loopback: (ULONG)-1 stays unsigned
    expect(rows.some((r) => !r.connected)).toBe(true);
    expect(rows.some((r) => r.family === 'ipv4' && r.sitePrefixLength > 32)).toBe(true);
  });

  it('rows are plain objects with exactly the documented keys, and survive structuredClone', () => {
    for (const row of decodeIpInterfaceTable(tableBytes('realistic'))) {
      expect(Object.keys(row)).toEqual(ISSUE_KEYS);
      expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
      expect(structuredClone(row)).toStrictEqual(row);
      expect(typeof row.interfaceLuid).toBe('bigint');
      expect(row.zoneIndices).toHaveLength(16);
    }
  });

  it('never reads padding: scribbling over every padding byte changes nothing', () => {
    const pad = paddingOffsets();
    // Independent of our layout: the C compiler says 6 + 3 + 1 bytes of padding per row.
    expect(pad).toEqual([2, 3, 4, 5, 6, 7, 49, 50, 51, 167]);
    for (const name of ['realistic', 'extremes', 'one-row']) {
      const bytes = tableBytes(name);
      const before = decodeIpInterfaceTable(bytes);
      for (const fill of [0x00, 0xff, 0x5a]) {
        const copy = bytes.slice();
        for (let b = 4; b < cLayout.table.firstRowOffset; b++) copy[b] = fill; // between NumEntries and Table[0]
        for (let r = 0; r < before.length; r++) {
          for (const p of pad) copy[cLayout.table.firstRowOffset + r * cLayout.row.size + p] = fill;
        }
        expect(decodeIpInterfaceTable(copy)).toStrictEqual(before);
      }
    }
  });

  it('ignores bytes past NumEntries rows (the empty table carries a row of 0xCC)', () => {
    const bytes = tableBytes('empty');
    expect(bytes.length).toBe(cLayout.table.size);
    expect(decodeIpInterfaceTable(bytes)).toEqual([]);
  });

  it('accepts an ArrayBuffer, a Buffer, and a Uint8Array view at a non-zero offset', () => {
    const bytes = tableBytes('realistic');
    const expected = decodeIpInterfaceTable(bytes);
    expect(decodeIpInterfaceTable(bytes.slice().buffer)).toStrictEqual(expected);
    expect(decodeIpInterfaceTable(Buffer.from(bytes))).toStrictEqual(expected);
    const shifted = new Uint8Array(bytes.length + 13);
    shifted.set(bytes, 13);
    expect(decodeIpInterfaceTable(shifted.subarray(13))).toStrictEqual(expected);
  });

  it('rejects input that is not bytes with a TypeError naming it', () => {
    expect(() => decodeIpInterfaceTable('abc' as never)).toThrow(
      new TypeError("Expected `bytes` to be a Uint8Array or an ArrayBuffer, got `'abc'` (string)"),
    );
    expect(() => decodeIpInterfaceTable([1, 2] as never)).toThrow(TypeError);
    expect(() => decodeIpInterfaceTable(null as never)).toThrow(/got `null`/);
  });
});

describe('truncated tables', () => {
  const stride = cLayout.row.size;
  const first = cLayout.table.firstRowOffset;

  it('one byte short of NumEntries full rows is an error, never a partial result', () => {
    const bytes = tableBytes('realistic');
    const n = tableJson('realistic').numEntries;
    const exact = bytes.subarray(0, first + n * stride);
    expect(decodeIpInterfaceTable(exact)).toHaveLength(n);
    for (const cut of [1, stride, stride + 1, n * stride - 1]) {
      const short = bytes.subarray(0, first + n * stride - cut);
      let error: unknown;
      try {
        decodeIpInterfaceTable(short);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(IpInterfaceDecodeError);
      expect(error).toMatchObject({ code: 'ERR_IPINTERFACE_TRUNCATED' });
      expect((error as Error).message).toContain(`NumEntries is ${n}`);
    }
  });

  it('a NumEntries far beyond the buffer is an error before any row is read', () => {
    const bytes = tableBytes('one-row').slice();
    new DataView(bytes.buffer).setUint32(0, 0xffffffff, true);
    expect(() => decodeIpInterfaceTableUnchecked(bytes)).toThrow(/NumEntries is 4294967295/);
  });

  it('fewer than 4 bytes cannot even hold NumEntries', () => {
    expect(() => decodeIpInterfaceTable(new Uint8Array(3))).toThrow(
      expect.objectContaining({ code: 'ERR_IPINTERFACE_TRUNCATED' }),
    );
    expect(decodeIpInterfaceTable(new Uint8Array(4))).toEqual([]);
  });
});

describe('invalid rows', () => {
  it.each(badTables)('%s: names the row, the field and the raw value the C program wrote', (name) => {
    const expected = tableJson(name).error!;
    let error: unknown;
    try {
      decodeIpInterfaceTable(tableBytes(name));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IpInterfaceDecodeError);
    expect(error).toMatchObject({
      code: 'ERR_IPINTERFACE_INVALID_ROW',
      rowIndex: expected.row,
      field: expected.field,
      rawValue: expected.raw,
    });
    expect((error as Error).message).toContain(`Row ${expected.row}`);
    expect((error as Error).message).toContain(expected.field);
    expect((error as Error).message).toContain(`\`${expected.raw}\``);
  });
});
