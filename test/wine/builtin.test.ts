// Tier 3: Wine's own iphlpapi.dll, no stand-in. Its GetIpInterfaceTable is a stub
// returning ERROR_NOT_SUPPORTED (50): a real system where the function is unavailable.
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { describeWithTools, wineTools } from './support.js';
import { runWindowsNode, type Attempt, type ErrorInfo } from './windows-node.js';

interface Report {
  crashed?: unknown;
  sync: Record<string, { ok?: unknown; error?: ErrorInfo }>;
  async: Record<string, { ok?: unknown; error?: ErrorInfo }>;
  capture: { ok?: unknown; error?: ErrorInfo };
  entry: { ok?: unknown; error?: ErrorInfo };
  entryAsync: { ok?: unknown; error?: ErrorInfo };
  interfaces: { ok?: unknown; error?: ErrorInfo };
  indexes: Record<string, Record<string, { ok?: unknown; error?: ErrorInfo }> & { parts?: { ifType: number; netLuidIndex: number } }>;
  unknown: Record<'name' | 'alias' | 'index', { ok?: unknown; error?: ErrorInfo }>;
  unknownIndex: { ok?: unknown; error?: ErrorInfo };
}

/** The machine's real interfaces, from the Linux kernel: what Wine's iphlpapi reports them from. */
function linuxInterfaces(): { name: string; index: number; arpType: number }[] {
  return readdirSync('/sys/class/net').map((name) => ({
    name,
    index: Number(readFileSync(`/sys/class/net/${name}/ifindex`, 'utf8')),
    arpType: Number(readFileSync(`/sys/class/net/${name}/type`, 'utf8')),
  }));
}
const interfaces = linuxInterfaces();
const unusedIndex = Math.max(...interfaces.map((i) => i.index)) + 1;

describeWithTools("Wine's own iphlpapi.dll", wineTools, () => {
  let r: Report;
  beforeAll(async () => {
    r = (
      await runWindowsNode<Report>('builtin.cjs', {
        standin: false,
        args: [JSON.stringify([...interfaces.map((i) => i.index), unusedIndex])],
      })
    ).report;
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

  it('getIpInterfaceEntry (not exported by Wine) is a clean ERROR_NOT_SUPPORTED, sync and async; so is getIpInterfaces', () => {
    for (const attempt of [r.entry, r.entryAsync]) {
      expect(attempt.error).toMatchObject({ name: 'IpHelperError', code: 'ERROR_NOT_SUPPORTED', errno: 50, syscall: 'GetIpInterfaceEntry' });
      expect(attempt.error?.message).toMatch(/GetIpInterfaceEntry is not available on this system/);
    }
    expect(r.interfaces.error?.code).toBe('ERROR_NOT_SUPPORTED');
  });

  it('LUID ↔ index / alias / name / GUID are real: they match the Linux interfaces Wine maps', () => {
    expect(interfaces.some((i) => i.name === 'lo')).toBe(true);
    for (const { name, index, arpType } of interfaces) {
      const c = r.indexes[index]!;
      // ARPHRD_LOOPBACK (772) is reported as softwareLoopback (24), ethernet-like links as ethernetCsmacd (6).
      const ifType = arpType === 772 ? 24 : 6;
      expect(c.parts?.ifType, name).toBe(ifType);
      expect(c.index?.ok, name).toBe(index);
      expect(c.alias?.ok, name).toBe(name);
      expect(c.name?.ok, name).toBe(`${ifType === 24 ? 'loopback' : 'ethernet'}_${c.parts?.netLuidIndex}`);
      expect(c.guid?.ok, name).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
    }
    expect(r.indexes[unusedIndex]?.luid?.error?.code).toBe('ERROR_FILE_NOT_FOUND');
  });

  it('the name conversion formats a name even for a LUID no adapter has; alias and index do not', () => {
    expect(r.unknown.name.ok).toBe('ethernet_4000');
    expect(r.unknown.alias.error?.code).toBe('ERROR_FILE_NOT_FOUND');
    expect(r.unknown.index.error?.code).toBe('ERROR_FILE_NOT_FOUND');
    expect(r.unknownIndex.error?.code).toBe('ERROR_FILE_NOT_FOUND');
  });
});
