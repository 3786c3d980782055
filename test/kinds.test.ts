// Member kinds the adapter table does not use yet (SOCKADDR_INET, IP_ADDRESS_PREFIX),
// checked against independent formatters: RFC 5952's own examples, and the WHATWG URL
// parser's IPv6 serializer (which compresses the same way, but writes IPv4-mapped
// addresses in hex).
import { describe, expect, it } from 'vitest';
import { computeLayout, IP_ADDRESS_PREFIX, SOCKADDR_INET, ULONG } from '../src/struct/ctypes.js';
import { decodeTable, defineStruct, readTable } from '../src/struct/define.js';
import { formatIpv6 } from '../src/struct/reader.js';

const v6 = (bytes: number[]) => formatIpv6(new DataView(Uint8Array.from(bytes).buffer), 0);
const hex = (text: string) => text.match(/../g)!.map((b) => parseInt(b, 16));

describe('IPv6 text (RFC 5952)', () => {
  it.each([
    ['20010db8000000000000000000000001', '2001:db8::1'], // 4.2.1: shorten as much as possible
    ['20010db8000000010001000100010001', '2001:db8:0:1:1:1:1:1'], // 4.2.2: one 0 group is not compressed
    ['20010db8000000000001000000000001', '2001:db8::1:0:0:1'], // 4.2.3: the first of equal-length runs
    ['20010db8000000010000000000000001', '2001:db8:0:1::1'], // 4.2.3: the longest run
    ['00000000000000000000000000000000', '::'],
    ['00000000000000000000000000000001', '::1'],
    ['fe800000000000000202b3fffe1e8329', 'fe80::202:b3ff:fe1e:8329'],
    ['00000000000000000000ffffc0000280', '::ffff:192.0.2.128'], // 5: IPv4-mapped in dotted form
    ['20010DB8AAAABBBBCCCCDDDDEEEEFFFF'.toLowerCase(), '2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff'], // 4.3: lowercase
  ])('%s → %s', (bytes, text) => {
    expect(v6(hex(bytes))).toBe(text);
  });

  it('agrees with the WHATWG URL serializer on 5,000 random addresses rich in zero groups', () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xffff;
    for (let n = 0; n < 5000; n++) {
      const bytes: number[] = [];
      for (let g = 0; g < 8; g++) {
        const value = random() % 3 === 0 ? 0 : random();
        bytes.push(value >> 8, value & 0xff);
      }
      const ours = v6(bytes);
      if (ours.includes('.')) continue; // the URL serializer writes IPv4-mapped addresses in hex
      expect(ours).toBe(new URL(`http://[${ours}]/`).hostname.slice(1, -1));
      const groups = bytes.reduce<string[]>((a, b, i) => (i % 2 ? (a[a.length - 1] += b.toString(16).padStart(2, '0'), a) : [...a, b.toString(16).padStart(2, '0')]), []);
      expect(new URL(`http://[${groups.join(':')}]/`).hostname.slice(1, -1)).toBe(ours);
    }
  });
});

describe('SOCKADDR_INET and IP_ADDRESS_PREFIX members', () => {
  const PROBE = defineStruct({
    name: 'PROBE_ROW',
    table: 'PROBE_TABLE',
    doc: 'test',
    members: [
      ['Index', ULONG],
      ['Address', SOCKADDR_INET],
      ['Prefix', IP_ADDRESS_PREFIX],
    ],
  });

  it('lay out as the headers do: SOCKADDR_INET 28 bytes aligned 4, IP_ADDRESS_PREFIX 32', () => {
    const layout = computeLayout(PROBE.decl);
    expect(layout.offsets).toEqual({ Index: 0, Address: 4, Prefix: 32 });
    expect(layout.rowSize).toBe(64);
  });

  it('decode by family; the unused bytes of the union are never read', () => {
    const { firstRowOffset, rowSize, offsets } = PROBE.layout();
    const bytes = new Uint8Array(firstRowOffset + 3 * rowSize).fill(0xcc);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, 3, true);
    const row = (i: number) => firstRowOffset + i * rowSize;
    // Row 0: IPv4 192.0.2.7 (sin_port, sin_zero left 0xCC); prefix 10.0.0.0/8
    view.setUint32(row(0), 1, true);
    view.setUint16(row(0) + offsets.Address, 2, true);
    bytes.set([192, 0, 2, 7], row(0) + offsets.Address + 4);
    view.setUint16(row(0) + offsets.Prefix, 2, true);
    bytes.set([10, 0, 0, 0], row(0) + offsets.Prefix + 4);
    bytes[row(0) + offsets.Prefix + 28] = 8;
    // Row 1: IPv6 fe80::1 (flowinfo and scope id 0xCC); prefix ::/0
    view.setUint32(row(1), 2, true);
    view.setUint16(row(1) + offsets.Address, 23, true);
    bytes.set(hex('fe800000000000000000000000000001'), row(1) + offsets.Address + 8);
    view.setUint16(row(1) + offsets.Prefix, 23, true);
    bytes.set(new Array(16).fill(0), row(1) + offsets.Prefix + 8);
    bytes[row(1) + offsets.Prefix + 28] = 0;
    // Row 2: AF_UNSPEC address (Windows sets the family of every address it returns: invalid); a prefix of an unknown family
    view.setUint32(row(2), 3, true);
    view.setUint16(row(2) + offsets.Address, 0, true);
    view.setUint16(row(2) + offsets.Prefix, 7, true);
    bytes[row(2) + offsets.Prefix + 28] = 0;
    const rows = readTable(PROBE, bytes);
    expect(rows[0]).toEqual({ index: 1, address: '192.0.2.7', prefix: { address: '10.0.0.0', prefixLength: 8 } });
    expect(rows[1]).toEqual({ index: 2, address: 'fe80::1', prefix: { address: '::', prefixLength: 0 } });
    expect(rows[2]).toEqual({ index: 3, address: 0, prefix: { address: 7, prefixLength: 0 } });
    expect(PROBE.decodedSchema().safeParse(rows[0]).success).toBe(true);
    const rejected = PROBE.decodedSchema().safeParse(rows[2]);
    expect(rejected.error?.issues.map((i) => i.path.join('.'))).toEqual(['address', 'prefix']); // neither family has an address
  });

  it("a prefix's length is at most 32 for IPv4 and 128 for IPv6, in decoding and in the full schema", () => {
    const { firstRowOffset, rowSize, offsets } = PROBE.layout();
    const table = (family: number, length: number) => {
      const bytes = new Uint8Array(firstRowOffset + rowSize);
      const view = new DataView(bytes.buffer);
      view.setUint32(0, 1, true);
      view.setUint16(firstRowOffset + offsets.Address, family, true);
      view.setUint16(firstRowOffset + offsets.Prefix, family, true);
      bytes[firstRowOffset + offsets.Prefix + 28] = length;
      return bytes;
    };
    for (const [family, max] of [
      [2, 32],
      [23, 128],
    ] as const) {
      expect(decodeTable(PROBE, table(family, max))[0]!.prefix.prefixLength).toBe(max);
      for (const length of [max + 1, 255]) {
        expect(() => decodeTable(PROBE, table(family, length))).toThrow(
          expect.objectContaining({ code: 'ERR_IPINTERFACE_INVALID_ROW', field: 'prefix', rawValue: length }),
        );
        const row = readTable<{ prefix: { prefixLength: number } }>(PROBE, table(family, max))[0]!;
        expect(PROBE.schema().safeParse({ ...row, prefix: { ...row.prefix, prefixLength: length } }).success).toBe(false);
      }
    }
    expect(PROBE.schema().safeParse({ index: 1, address: 'not an ip', prefix: { address: '10.0.0.0', prefixLength: 8 } }).success).toBe(false);
    expect(PROBE.schema().safeParse({ index: 1, address: '10.0.0.1', prefix: { address: 'not an ip', prefixLength: 8 } }).success).toBe(false);
    expect(PROBE.schema().safeParse({ index: 1, address: '', prefix: { address: '10.0.0.0', prefixLength: 8 } }).success).toBe(false);
    expect(PROBE.schema().safeParse({ index: 1, address: '10.0.0.1', prefix: { address: '10.0.0.0', prefixLength: 8 } }).success).toBe(true);
  });
});
