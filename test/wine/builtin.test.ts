// Tier 3: Wine's own iphlpapi.dll, no stand-in. Its GetIpInterfaceTable is a stub
// returning ERROR_NOT_SUPPORTED (50): a real system where the function is unavailable.
import { beforeAll, expect, it } from 'vitest';
import { describeWithTools } from './support.js';
import { runWindowsNode } from './windows-node.js';

interface ErrorInfo {
  name: string;
  code: string;
  errno: number;
  syscall: string;
  message: string;
}
interface Report {
  crashed?: unknown;
  sync: Record<string, { ok?: unknown; error?: ErrorInfo }>;
  async: Record<string, { ok?: unknown; error?: ErrorInfo }>;
  capture: { ok?: unknown; error?: ErrorInfo };
}

describeWithTools("Wine's own iphlpapi.dll", ['wine', 'x86_64-w64-mingw32-gcc'], () => {
  let r: Report;
  beforeAll(async () => {
    r = (await runWindowsNode<Report>('builtin.cjs', { standin: false })).report;
    expect(r.crashed).toBeUndefined();
  });

  it('getIpInterfaceTable gives a clean ERROR_NOT_SUPPORTED for every family, sync and async', () => {
    for (const family of ['all', 'ipv4', 'ipv6']) {
      for (const attempt of [r.sync[family], r.async[family], r.capture]) {
        expect(attempt?.ok).toBeUndefined();
        expect(attempt?.error).toMatchObject({ name: 'IpHelperError', code: 'ERROR_NOT_SUPPORTED', errno: 50, syscall: 'GetIpInterfaceTable' });
        expect(attempt?.error?.message).toMatch(/GetIpInterfaceTable is not available on this system/);
      }
    }
  });
});
