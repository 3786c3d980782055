// Tier 2: getInterfaceDnsSettings / setInterfaceDnsSettings in real Windows Node + koffi under Wine,
// against the stand-in iphlpapi.dll (Wine 8 has no such functions). The GUID is passed by value —
// a hidden pointer on x64, 16 bytes on the stack on ia32 — and the stand-in records the bytes it
// received: they must be the GUID its own ConvertInterfaceLuidToGuid gives for the interface.
import { beforeAll, expect, it } from 'vitest';
import { describeWithTools, wineTools } from './support.js';
import { runWindowsNode, type Attempt } from './windows-node.js';

type Settings = { family: string; nameServers: string[]; searchList: string[]; domain: string };
interface Recorded {
  guid: string;
  version: number;
  flags: string;
  nameServer: string | null;
  searchList: string | null;
  domain: string | null;
}
interface Report {
  crashed?: unknown;
  guid: string;
  get: Attempt<Settings>;
  getAsync: Attempt<Settings>;
  set: Attempt<{ before: Settings; after: Settings }>;
  recorded: Recorded;
  setV6: Attempt<{ before: Settings; after: Settings }>;
  recordedV6: Recorded;
  getV6: Attempt<Settings>;
  counters: { gets: number; sets: number; frees: number; outstanding: number; badFrees: number };
  unknown: Attempt<unknown>;
  denied: Attempt<unknown>;
  missing: { get: Attempt<unknown>; set: Attempt<unknown> };
}

/** GUID text '{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}' → its 16 bytes in memory order (Data1–3 little-endian), as hex. */
function guidBytes(text: string): string {
  const h = text.replace(/[{}-]/g, '').toLowerCase();
  const le = (s: string) => s.match(/../g)!.reverse().join('');
  return le(h.slice(0, 8)) + le(h.slice(8, 12)) + le(h.slice(12, 16)) + h.slice(16);
}

describeWithTools('interface DNS settings in Windows Node under Wine (stand-in iphlpapi.dll)', wineTools, () => {
  let r: Report;
  beforeAll(async () => {
    r = (await runWindowsNode<Report>('dns-settings.cjs', { timeoutMs: 110_000 })).report;
    expect(r.crashed).toBeUndefined();
  }, 120_000);

  it('the GUID arrives by value, byte for byte the interface\'s', () => {
    expect(r.recorded.guid).toBe(guidBytes(r.guid));
    expect(r.recordedV6.guid).toBe(guidBytes(r.guid));
  });

  it('get (by index and by LUID): the stand-in\'s settings; the strings it allocated are freed exactly once', () => {
    expect(r.get.ok).toEqual({ family: 'ipv4', nameServers: ['192.168.1.1'], searchList: ['corp.example'], domain: '' });
    expect(r.getAsync.ok).toEqual(r.get.ok);
    expect(r.counters).toMatchObject({ outstanding: 0, badFrees: 0 });
    expect(r.counters.frees).toBe(r.counters.gets);
  });

  it('set: version 1, the flags of what it sets, comma-separated lists; { before, after }', () => {
    expect(r.recorded).toMatchObject({ version: 1, flags: String(0x2 | 0x4), nameServer: '1.1.1.1,8.8.8.8', searchList: 'a.example,b.example', domain: null });
    expect(r.set.ok).toEqual({ before: r.get.ok, after: { family: 'ipv4', nameServers: ['1.1.1.1', '8.8.8.8'], searchList: ['a.example', 'b.example'], domain: '' } });
    expect(r.recordedV6).toMatchObject({ flags: String(0x1 | 0x2 | 0x20), nameServer: '2606:4700:4700::1111', searchList: null, domain: 'corp.example' });
    expect(r.getV6.ok).toMatchObject({ family: 'ipv6', nameServers: ['2606:4700:4700::1111'], domain: 'corp.example' });
  });

  it('errors: an unknown interface, not elevated, and the functions missing (Windows before 10 2004)', () => {
    expect(r.unknown.error).toBeDefined();
    expect(r.denied.error).toMatchObject({ code: 'ERROR_ACCESS_DENIED', errno: 5, syscall: 'SetInterfaceDnsSettings' });
    expect(r.denied.error!.message).toMatch(/administrator/);
    for (const attempt of [r.missing.get, r.missing.set]) {
      expect(attempt.error).toMatchObject({ code: 'ERROR_NOT_SUPPORTED' });
      expect(attempt.error!.message).toMatch(/Windows 10 version 2004/);
    }
  });
});
