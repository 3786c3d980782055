import { describe, expect, it } from 'vitest';
import {
  convertInterfaceIndexToLuid,
  convertInterfaceLuidToAlias,
  convertInterfaceLuidToGuid,
  convertInterfaceLuidToIndex,
  convertInterfaceLuidToName,
  getIpInterfaceEntry,
  getIpInterfaceEntryAsync,
  getIpInterfaces,
  IF_TYPE,
  makeLuid,
  parseLuid,
} from '../src/index.js';
import { parseKey } from '../src/table/key.js';
import { IP_INTERFACES } from '../src/tables/ip-interfaces.js';
import { formatGuid } from '../src/luid.js';
import { cLayout, tableJson } from './helpers.js';

const c = cLayout as unknown as {
  netLuid: { netLuidIndexMask: string; ifTypeMask: string };
  ifTypes: Record<string, number>;
};

describe('NET_LUID helpers (pure)', () => {
  it('IF_TYPE values are the ones in ipifcons.h', () => {
    expect(IF_TYPE).toEqual(c.ifTypes);
  });

  it('the NetLuidIndex and IfType bits are where the C compiler puts the NET_LUID bitfields', () => {
    const indexMask = BigInt(c.netLuid.netLuidIndexMask);
    const typeMask = BigInt(c.netLuid.ifTypeMask);
    expect(parseLuid(indexMask)).toEqual({ reserved: 0, netLuidIndex: 0xffffff, ifType: 0, ifTypeName: undefined });
    expect(parseLuid(typeMask)).toEqual({ reserved: 0, netLuidIndex: 0, ifType: 0xffff, ifTypeName: undefined });
    expect(makeLuid({ ifType: 0xffff, netLuidIndex: 0xffffff })).toBe(indexMask | typeMask);
    expect(parseLuid(0xffffffn).reserved).toBe(0xffffff);
  });

  it('splits the LUIDs of the C-made rows and builds them back', () => {
    for (const row of tableJson('realistic').rows!) {
      const luid = BigInt(row.interfaceLuid as string);
      const parts = parseLuid(luid);
      expect(makeLuid(parts)).toBe(luid);
    }
    expect(parseLuid(0x6000001000000n)).toMatchObject({ ifType: 6, netLuidIndex: 1, ifTypeName: 'ethernetCsmacd' });
    expect(parseLuid(0x47000002000000n).ifTypeName).toBe('ieee80211');
  });

  it('rejects what is not a LUID or not in range', () => {
    expect(() => parseLuid(-1n)).toThrow(/got `-1n` \(bigint\)/);
    expect(() => parseLuid(2n ** 64n)).toThrow(TypeError);
    expect(() => parseLuid('1' as never)).toThrow(TypeError);
    expect(() => makeLuid({ ifType: 65536, netLuidIndex: 0 })).toThrow(/ifType/);
    expect(() => makeLuid({ ifType: 6, netLuidIndex: 2 ** 24 })).toThrow(/netLuidIndex/);
  });

  it('formats GUID bytes as Windows does (Data1–3 little-endian)', () => {
    const bytes = Uint8Array.from([0x78, 0x56, 0x34, 0x12, 0x34, 0x12, 0x78, 0x56, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7]);
    expect(formatGuid(bytes)).toBe('{12345678-1234-5678-A0A1-A2A3A4A5A6A7}');
  });
});

/** The interface table's entry key, checked as getIpInterfaceEntry checks it: the row members it names. */
const checkKey = (key: unknown) => parseKey(IP_INTERFACES.decl.entry!.input, key);

describe('entry keys', () => {
  it('accepts family + index or family + luid (the other left 0: Windows looks up by the LUID when it is non-zero, else the index)', () => {
    expect(checkKey({ family: 'ipv4', index: 12 })).toEqual({ family: 'ipv4', interfaceLuid: 0n, interfaceIndex: 12 });
    expect(checkKey({ family: 23, luid: 5n })).toEqual({ family: 'ipv6', interfaceLuid: 5n, interfaceIndex: 0 });
  });
  it.each([
    [null, /to be an object/],
    [{ family: 'all', index: 1 }, /`key.family`.*got `'all'` \(string\)/],
    [{ family: 'ipv4' }, /exactly one of `index` and `luid`/],
    [{ family: 'ipv4', index: 1, luid: 1n }, /exactly one/],
    [{ family: 'ipv4', index: 2 ** 32 }, /`key.index`/],
    [{ family: 'ipv4', luid: 1.5 }, /`key.luid`/],
  ])('%o is rejected', (key, message) => {
    expect(() => checkKey(key)).toThrow(message);
  });
});

describe.runIf(process.platform !== 'win32')('off Windows', () => {
  it('entry lookup and conversions give ERR_UNSUPPORTED_PLATFORM after checking their arguments', async () => {
    expect(() => getIpInterfaceEntry({ family: 'ipv4', index: 0 })).toThrow(TypeError);
    for (const call of [
      () => getIpInterfaceEntry({ family: 'ipv4', index: 1 }),
      () => convertInterfaceLuidToIndex(1n),
      () => convertInterfaceIndexToLuid(1),
      () => convertInterfaceLuidToAlias(1n),
      () => convertInterfaceLuidToName(1n),
      () => convertInterfaceLuidToGuid(1n),
      () => getIpInterfaces(),
    ]) {
      expect(call).toThrow(expect.objectContaining({ code: 'ERR_UNSUPPORTED_PLATFORM' }));
    }
    await expect(getIpInterfaceEntryAsync({ family: 'ipv6', luid: 1n })).rejects.toMatchObject({ code: 'ERR_UNSUPPORTED_PLATFORM' });
  });
});
