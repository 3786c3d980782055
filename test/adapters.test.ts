// MIB_IF_ROW2 decoding on tables the C compiler laid out (fixtures/c/tables-if2.c,
// MinGW against the real netioapi.h): every value below was printed by C from
// the structs, never by this package.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeIfRow2, decodeIfTable2, getIfEntry2, getIfEntry2Async, getIfTable2, ifRow2Schema, IpInterfaceDecodeError } from '../src/index.js';
import { readTable } from '../src/struct/define.js';
import { MIB_IF_ROW2 } from '../src/structs/mib-if-row2.js';
import { root } from './helpers.js';

const dir = join(root, 'fixtures', 'c', 'structs', 'MIB_IF_ROW2');
interface Fixture {
  name: string;
  numEntries: number;
  byteLength: number;
  rows?: Record<string, unknown>[];
  error?: { row: number; field: string; raw: number };
}
const names = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const json = (name: string): Fixture => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
const bin = (name: string) => new Uint8Array(readFileSync(join(dir, `${name}.bin`)));
const good = names.filter((n) => json(n).rows);
const bad = names.filter((n) => json(n).error);

/** The keys the adapters issue lists, in header order (camelCase of the C names). */
const KEYS = [
  'interfaceLuid', 'interfaceIndex', 'interfaceGuid', 'alias', 'description', 'physicalAddressLength', 'physicalAddress',
  'permanentPhysicalAddress', 'mtu', 'type', 'tunnelType', 'mediaType', 'physicalMediumType', 'accessType', 'directionType',
  'interfaceAndOperStatusFlags', 'operStatus', 'adminStatus', 'mediaConnectState', 'networkGuid', 'connectionType',
  'transmitLinkSpeed', 'receiveLinkSpeed', 'inOctets', 'inUcastPkts', 'inNUcastPkts', 'inDiscards', 'inErrors', 'inUnknownProtos',
  'inUcastOctets', 'inMulticastOctets', 'inBroadcastOctets', 'outOctets', 'outUcastPkts', 'outNUcastPkts', 'outDiscards',
  'outErrors', 'outUcastOctets', 'outMulticastOctets', 'outBroadcastOctets', 'outQLen',
];
/** ULONG64 and NET_LUID members: C prints them as decimal strings (JSON numbers lose precision above 2^53). */
const BIG = new Set(['interfaceLuid', ...KEYS.slice(KEYS.indexOf('transmitLinkSpeed'))]);
const revive = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, BIG.has(k) ? BigInt(v as string) : v]));

describe('decodeIfTable2 on C-made MIB_IF_TABLE2s', () => {
  it('has the fixtures the issue asks for', () => {
    expect(good).toEqual(expect.arrayContaining(['if2-realistic', 'if2-extremes', 'if2-statuses', 'if2-distinct', 'if2-empty']));
    expect(bad.length).toBeGreaterThanOrEqual(3);
  });

  it.each(good)('%s: every member of every row equals what C printed', (name) => {
    const expected = json(name);
    const rows = decodeIfTable2(bin(name));
    expect(rows).toHaveLength(expected.numEntries);
    expect(rows).toStrictEqual(expected.rows!.map(revive));
  });

  it.each(good)('%s: decodes the same from an odd byte offset (strings read without alignment)', (name) => {
    const bytes = bin(name);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(decodeIfTable2(shifted.subarray(1))).toStrictEqual(decodeIfTable2(bytes));
  });

  it('rows are plain objects with exactly the issue\'s keys, and survive structuredClone', () => {
    for (const row of decodeIfTable2(bin('if2-realistic'))) {
      expect(Object.keys(row)).toEqual(KEYS);
      expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
      expect(structuredClone(row)).toStrictEqual(row);
    }
  });

  it('the fixtures cover what the issue names', () => {
    const rows = good.flatMap((n) => decodeIfTable2(bin(n)));
    expect(new Set(rows.map((r) => r.operStatus))).toEqual(new Set(['up', 'down', 'testing', 'unknown', 'dormant', 'notPresent', 'lowerLayerDown']));
    expect(new Set(rows.map((r) => r.physicalAddressLength))).toEqual(expect.objectContaining({}));
    for (const length of [0, 6, 8, 32]) expect(rows.some((r) => r.physicalAddressLength === length)).toBe(true);
    expect(rows.some((r) => r.physicalAddress === '')).toBe(true);
    expect(rows.some((r) => /[^\x00-\x7f]/.test(r.alias) && /[\u4e00-\u9fff]/.test(r.alias))).toBe(true); // accents and CJK
    expect(rows.some((r) => r.description.length === 256)).toBe(true);
    expect(rows.some((r) => r.alias.length === 256)).toBe(true); // the longest an alias can be (256 + NUL; one without a NUL is the if2-bad-alias-no-nul table)
    expect(rows.some((r) => r.transmitLinkSpeed === 2n ** 64n - 1n && r.outQLen === 2n ** 64n - 1n)).toBe(true);
    const flagBytes = rows.map((r) => Object.values(r.interfaceAndOperStatusFlags).filter(Boolean).length);
    expect(flagBytes).toContain(0);
    expect(flagBytes).toContain(8);
    expect(flagBytes.some((n) => n > 0 && n < 8)).toBe(true);
  });

  it('if2-distinct: no two members of the same kind hold the same value in every row (a misplaced offset cannot pass)', () => {
    const rows = readTable<Record<string, unknown>>(MIB_IF_ROW2, bin('if2-distinct'));
    const fields = MIB_IF_ROW2.layout().fields;
    for (const a of fields) {
      for (const b of fields) {
        if (a === b || a.kind.t !== b.kind.t) continue;
        const same = rows.every((r) => JSON.stringify(r[a.key], (_, v) => (typeof v === 'bigint' ? `${v}` : v)) === JSON.stringify(r[b.key], (_, v) => (typeof v === 'bigint' ? `${v}` : v)));
        expect(same, `${a.key} and ${b.key} are equal in every row`).toBe(false);
      }
    }
    // Each flag is set alone in one row, so a flag read from another bit fails.
    const flags = rows.map((r) => r.interfaceAndOperStatusFlags as Record<string, boolean>);
    for (const key of Object.keys(flags[0]!)) expect(flags.filter((f) => f[key] && Object.values(f).filter(Boolean).length === 1)).toHaveLength(1);
  });

  it.each(bad)('%s: rejected, naming the row, the member and the raw value', (name) => {
    const { error } = json(name);
    let thrown: unknown;
    try {
      decodeIfTable2(bin(name));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(IpInterfaceDecodeError);
    expect(thrown).toMatchObject({ code: 'ERR_IPINTERFACE_INVALID_ROW', rowIndex: error!.row, field: error!.field, rawValue: error!.raw });
    expect((thrown as Error).message).toContain(`Row ${error!.row} of the MIB_IF_TABLE2`);
  });

  it('a buffer shorter than NumEntries rows is ERR_IPINTERFACE_TRUNCATED, before any row is read', () => {
    const bytes = bin('if2-realistic');
    expect(() => decodeIfTable2(bytes.subarray(0, bytes.length - 1))).toThrow(expect.objectContaining({ code: 'ERR_IPINTERFACE_TRUNCATED' }));
    expect(() => decodeIfTable2(bytes.subarray(0, 3))).toThrow(/at least 4 bytes/);
  });

  it('decodeIfRow2 reads one row (as GetIfEntry2 fills it)', () => {
    const bytes = bin('if2-realistic');
    const { firstRowOffset, rowSize } = MIB_IF_ROW2.layout();
    const second = bytes.slice(firstRowOffset + rowSize, firstRowOffset + 2 * rowSize);
    expect(decodeIfRow2(second)).toStrictEqual(revive(json('if2-realistic').rows![1]!));
    expect(() => decodeIfRow2(second.subarray(1))).toThrow(expect.objectContaining({ code: 'ERR_IPINTERFACE_TRUNCATED' }));
  });
});

describe('ifRow2Schema', () => {
  const rows = good.flatMap((n) => json(n).rows!.map(revive));
  const base = rows[1]!;
  it('accepts every row C printed', () => {
    for (const row of rows) expect(ifRow2Schema.safeParse(row).success).toBe(true);
  });
  it.each([
    ['operStatus bogus', { operStatus: 'sideways' }],
    ['operStatus as number', { operStatus: 1 }],
    ['mtu -1', { mtu: -1 }],
    ['mtu 2^32', { mtu: 2 ** 32 }],
    ['inOctets negative', { inOctets: -1n }],
    ['inOctets 2^64', { inOctets: 2n ** 64n }],
    ['inOctets as number', { inOctets: 5 }],
    ['physicalAddress uppercase', { physicalAddress: '02:5E:11:22:33:44' }],
    ['physicalAddress with dashes', { physicalAddress: '02-5e-11-22-33-44' }],
    ['physicalAddress of 33 bytes', { physicalAddress: Array(33).fill('aa').join(':') }],
    ['interfaceGuid lowercase', { interfaceGuid: '{5f2a9c47-e1b3-4d8a-a60c-7e9431bb58d2}' }],
    ['alias of 258 chars', { alias: 'x'.repeat(258) }],
    ['flags missing one', { interfaceAndOperStatusFlags: { hardwareInterface: true } }],
  ])('rejects %s', (_name, patch) => {
    expect(ifRow2Schema.safeParse({ ...base, ...patch }).success).toBe(false);
  });
});

describe('adapters API off Windows', () => {
  it('a wrong argument is a TypeError naming it, before anything platform-specific', () => {
    expect(() => getIfEntry2('12' as unknown as number)).toThrow(TypeError);
    expect(() => getIfEntry2('12' as unknown as number)).toThrow(/Expected `indexOrLuid` to be an interface index \(number\) or a NET_LUID \(bigint\), got `'12'` \(string\)/);
    expect(() => getIfEntry2(0)).toThrow(/`indexOrLuid`/);
    expect(() => getIfEntry2(-1n)).toThrow(/`indexOrLuid`/);
  });
  it.runIf(process.platform !== 'win32')('needs Windows, with a coded error', async () => {
    expect(() => getIfTable2()).toThrow(expect.objectContaining({ code: 'ERR_UNSUPPORTED_PLATFORM', syscall: 'GetIfTable2' }));
    await expect(getIfEntry2Async(1)).rejects.toMatchObject({ code: 'ERR_UNSUPPORTED_PLATFORM', syscall: 'GetIfEntry2' });
  });
});
