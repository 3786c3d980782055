// On a non-Windows OS (this tier runs on Linux): the native functions exist, refuse
// clearly, and check their arguments first. The Windows behaviour is in test/wine/.
import { describe, expect, it } from 'vitest';
import { toAddressFamily } from '../src/family.js';
import {
  AF_INET,
  AF_INET6,
  AF_UNSPEC,
  captureIpInterfaceTable,
  getIpInterfaceTable,
  getIpInterfaceTableAsync,
  IpHelperError,
} from '../src/index.js';

describe.runIf(process.platform !== 'win32')('getIpInterfaceTable off Windows', () => {
  it('throws ERR_UNSUPPORTED_PLATFORM, pointing at captures', () => {
    for (const call of [() => getIpInterfaceTable(), () => getIpInterfaceTable('ipv4'), () => captureIpInterfaceTable()]) {
      let error: unknown;
      try {
        call();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(IpHelperError);
      expect(error).toMatchObject({ code: 'ERR_UNSUPPORTED_PLATFORM', syscall: 'GetIpInterfaceTable', errno: undefined });
      expect((error as Error).message).toMatch(/needs Windows \(this is \w+\).*capture.*loadCapture/);
    }
  });

  it('rejects the async form the same way', async () => {
    await expect(getIpInterfaceTableAsync()).rejects.toMatchObject({ code: 'ERR_UNSUPPORTED_PLATFORM' });
  });

  it('checks the family before anything else', async () => {
    expect(() => getIpInterfaceTable(10 as never)).toThrow(TypeError);
    await expect(getIpInterfaceTableAsync('inet6' as never)).rejects.toThrow(TypeError);
  });
});

describe('family argument', () => {
  it.each([
    ['all', AF_UNSPEC],
    ['ipv4', AF_INET],
    ['ipv6', AF_INET6],
    [0, 0],
    [2, 2],
    [23, 23],
  ] as const)('%o → %i', (family, af) => {
    expect(toAddressFamily(family)).toBe(af);
  });

  it.each([7, 10, -1, 2.5, '2', 'IPv4', 'inet', null, {}, 2n])('%o is a TypeError naming it', (family) => {
    expect(() => toAddressFamily(family)).toThrow(TypeError);
    expect(() => toAddressFamily(family)).toThrow(/^Expected `family` to be 'ipv4', 'ipv6', 'all', AF_INET \(2\), AF_INET6 \(23\) or AF_UNSPEC \(0\), got `/);
  });
});
