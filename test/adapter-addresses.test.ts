// GetAdaptersAddresses' linked lists on any OS: buffers C built on x64 and on ia32 (fixtures/c/adapters.c,
// the real iptypes.h structs, real pointers at a fixed address) decode to what C printed of them — with
// both readers, compiled and interpreted; the hostile ones fail with the code C named. The Windows side
// (the call, ERROR_BUFFER_OVERFLOW, ERROR_NO_DATA) is test/wine/adapter-addresses.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeAdaptersAddresses,
  decodeCapture,
  encodeCaptureTables,
  getAdaptersAddresses,
  getAdaptersAddressesAsync,
  getDnsConfiguration,
  getDnsServers,
  IpInterfaceDecodeError,
  MAX_LIST_NODES,
  type AdapterAddresses,
} from '../src/index.js';
import { decodeList } from '../src/struct/define.js';
import { dnsConfigurationOf, dnsServersOf } from '../src/adapter-config.js';
import { IP_ADAPTER_ADDRESSES_LH } from '../src/structs/ip-adapter-addresses.js';
import { captureMetadataOf, root, withCaptureMetadata } from './helpers.js';

interface Fixture {
  name: string;
  arch: 'x64' | 'ia32';
  base: string;
  head: string;
  byteLength: number;
  adapters?: Record<string, unknown>[];
  error?: string;
}

const ARCHES = ['x64', 'ia32'] as const;
const dir = (arch: string) => join(root, 'fixtures', 'c', 'adapters', arch);
const names = (arch: string) =>
  readdirSync(dir(arch))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
const fixture = (arch: string, name: string): Fixture => JSON.parse(readFileSync(join(dir(arch), `${name}.json`), 'utf8'));
const bytes = (arch: string, name: string) => new Uint8Array(readFileSync(join(dir(arch), `${name}.bin`)));
const origin = (f: Fixture) => ({ arch: f.arch, base: BigInt(f.base), head: BigInt(f.head) });

/** C prints 64-bit values as decimal strings (JSON numbers lose precision above 2^53). */
const BIG = ['transmitLinkSpeed', 'receiveLinkSpeed', 'interfaceLuid'];
const revive = (a: Record<string, unknown>) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, BIG.includes(k) ? BigInt(v as string) : v]));

function decodeError(run: () => unknown): IpInterfaceDecodeError {
  try {
    run();
  } catch (error) {
    if (error instanceof IpInterfaceDecodeError) return error;
    throw error;
  }
  throw new Error('expected a decode error');
}

describe.each(ARCHES)('C-made GetAdaptersAddresses buffers (%s)', (arch) => {
  const all = names(arch);
  const good = all.filter((n) => fixture(arch, n).adapters);
  const bad = all.filter((n) => fixture(arch, n).error);

  it('has the cases the issue names', () => {
    expect(good).toEqual(expect.arrayContaining(['realistic', 'out-of-order', 'empty-lists', 'long-strings', 'mac-lengths', 'flags', 'adapters-64']));
    expect(bad).toEqual(
      expect.arrayContaining(['hostile-pointer-outside', 'hostile-adapter-cycle', 'hostile-unicast-cycle', 'hostile-unterminated', 'hostile-100000-nodes']),
    );
  });

  it.each(good)('%s decodes to what C put in it, with either reader', (name) => {
    const f = fixture(arch, name);
    const b = bytes(arch, name);
    expect(b.length).toBe(f.byteLength);
    const expected = f.adapters!.map(revive);
    expect(decodeAdaptersAddresses(b, origin(f))).toEqual(expected);
    expect(decodeList(IP_ADAPTER_ADDRESSES_LH, b, origin(f), 'interpreted')).toEqual(expected);
  });

  it.each(bad)('%s is refused with the code C named, by either reader', (name) => {
    const f = fixture(arch, name);
    expect(decodeError(() => decodeAdaptersAddresses(bytes(arch, name), origin(f))).code).toBe(f.error);
    expect(decodeError(() => decodeList(IP_ADAPTER_ADDRESSES_LH, bytes(arch, name), origin(f), 'interpreted')).code).toBe(f.error);
  });

  it('the buffer read as the other architecture is refused, never misread', () => {
    const f = fixture(arch, 'realistic');
    const other = arch === 'x64' ? 'ia32' : 'x64';
    expect(() => decodeAdaptersAddresses(bytes(arch, 'realistic'), { ...origin(f), arch: other })).toThrow(IpInterfaceDecodeError);
  });

  it('the same base moved: every pointer falls outside the buffer', () => {
    const f = fixture(arch, 'realistic');
    const moved = { ...origin(f), base: origin(f).base + 0x10000n, head: origin(f).head + 0x10000n };
    expect(decodeError(() => decodeAdaptersAddresses(bytes(arch, 'realistic'), moved)).code).toBe('ERR_IPINTERFACE_BAD_POINTER');
  });

  it('a truncated buffer: a node, string or sockaddr past the end is refused, never read', () => {
    const f = fixture(arch, 'realistic');
    const b = bytes(arch, 'realistic');
    for (const cut of [8, 100, IP_ADAPTER_ADDRESSES_LH.layout(arch).rowSize - 1, Math.floor(b.length / 2), b.length - 80]) {
      expect(() => decodeAdaptersAddresses(b.subarray(0, cut), origin(f)), `cut at ${cut}`).toThrow(IpInterfaceDecodeError);
    }
  });

  it('a head outside the buffer is refused before anything is read', () => {
    const f = fixture(arch, 'realistic');
    expect(decodeError(() => decodeAdaptersAddresses(bytes(arch, 'realistic'), { ...origin(f), head: origin(f).base - 8n })).code).toBe('ERR_IPINTERFACE_BAD_POINTER');
    expect(decodeAdaptersAddresses(new Uint8Array(0), { arch, base: 0x1000n, head: 0n })).toEqual([]);
  });
});

describe('what the decoded adapters say', () => {
  const f = fixture('x64', 'realistic');
  const adapters = decodeAdaptersAddresses(bytes('x64', 'realistic'), origin(f)) as AdapterAddresses[];

  it('x64 and ia32 buffers of the same adapters decode to the same rows', () => {
    for (const name of ['realistic', 'out-of-order', 'flags', 'long-strings', 'mac-lengths']) {
      const g = fixture('ia32', name);
      expect(decodeAdaptersAddresses(bytes('ia32', name), origin(g))).toEqual(decodeAdaptersAddresses(bytes('x64', name), origin(fixture('x64', name))));
    }
  });

  it('a scoped IPv6 DNS server or gateway carries its zone; a unicast address keeps its scope id apart', () => {
    const all = adapters.flatMap((a) => [...a.dnsServers, ...a.gateways]);
    expect(all.some((s) => /^fe80:.*%\d+$/.test(s))).toBe(true);
    const linkLocal = adapters.flatMap((a) => a.unicastAddresses).find((u) => u.address.startsWith('fe80:'))!;
    expect(linkLocal.address).not.toContain('%');
    expect(linkLocal.scopeId).toBeGreaterThan(0);
  });

  it('getDnsServers order: adapters that are up, lowest metric first, one entry per family', () => {
    const entries = dnsServersOf(adapters);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(adapters.find((a) => a.friendlyName === e.alias)!.operStatus).toBe('up');
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.metric).toBeGreaterThanOrEqual(entries[i - 1]!.metric);
    for (const e of entries) for (const s of e.servers) expect(s.includes(':')).toBe(e.family === 'ipv6');
    expect(dnsServersOf(adapters, 'ipv4').every((e) => e.family === 'ipv4')).toBe(true);
  });

  it('getDnsConfiguration: every server of the ordered entries once, but the fec0 placeholders; suffixes once', () => {
    const config = dnsConfigurationOf(adapters);
    const ordered = dnsServersOf(adapters).flatMap((e) => e.servers);
    // The loopback adapter C built lists the three placeholders Windows shows where no server is set.
    expect(ordered.filter((s) => s.startsWith('fec0:0:0:ffff::'))).toHaveLength(3);
    expect(config.servers).toEqual([...new Set(ordered.filter((s) => !s.startsWith('fec0:0:0:ffff::')))]);
    expect(new Set(config.suffixes).size).toBe(config.suffixes.length);
    expect(config.suffixes).toContain(adapters.find((a) => a.dnsSuffix !== '' && a.operStatus === 'up')!.dnsSuffix);
  });

  it('a list longer than MAX_LIST_NODES is refused (the 100,000-node fixture)', () => {
    expect(MAX_LIST_NODES).toBeLessThan(100_000);
  });
});

describe('arguments, checked before anything platform-specific', () => {
  it.each([
    [() => getAdaptersAddresses(7 as never), /Expected `family` to be 'ipv4', 'ipv6', 'all'/],
    [() => getAdaptersAddresses('all', { unicast: 'no' } as never), /Expected `options.unicast` to be a boolean, got `'no'` \(string\)/],
    [() => getAdaptersAddresses('all', { gateways: false } as never), /Expected `options` to have only `unicast`, `anycast`, `multicast`, `dnsServers`, `friendlyName`, got `gateways`/],
    [() => getAdaptersAddresses('all', 5 as never), /Expected `options` to be an object/],
    [() => getDnsServers('ip4' as never), /Expected `family`/],
    [() => decodeAdaptersAddresses(new Uint8Array(8), { arch: 'x86', base: 0n, head: 0n } as never), /Expected `origin.arch` to be 'x64', 'ia32' or 'arm64'/],
    [() => decodeAdaptersAddresses(new Uint8Array(8), { arch: 'x64', base: 1, head: 0n } as never), /Expected `origin.base` to be an address/],
  ])('%#', (run, message) => {
    expect(run).toThrow(TypeError);
    expect(run).toThrow(message);
  });

  it.runIf(process.platform !== 'win32')('off Windows: a typed error, sync and async', async () => {
    expect(() => getAdaptersAddresses()).toThrow(expect.objectContaining({ code: 'ERR_UNSUPPORTED_PLATFORM', syscall: 'GetAdaptersAddresses' }));
    await expect(getAdaptersAddressesAsync()).rejects.toMatchObject({ code: 'ERR_UNSUPPORTED_PLATFORM' });
    expect(() => getDnsConfiguration()).toThrow(expect.objectContaining({ code: 'ERR_UNSUPPORTED_PLATFORM' }));
  });
});

describe('captures hold the list, with its architecture and addresses', () => {
  it.each(ARCHES)('an %s list in a capture decodes anywhere, to the same adapters', (arch) => {
    const f = fixture(arch, 'realistic');
    const file = encodeCaptureTables([{ struct: 'IP_ADAPTER_ADDRESSES_LH', bytes: bytes(arch, 'realistic'), arch, base: BigInt(f.base), head: BigInt(f.head) }], { family: 'all' });
    const capture = decodeCapture(file);
    expect(capture.adapterAddresses).toEqual(f.adapters!.map(revive));
    const info = capture.tables.IP_ADAPTER_ADDRESSES_LH!.info;
    expect(info).toMatchObject({ arch, base: f.base, head: f.head, rowSize: arch === 'x64' ? 448 : 376 });
  });

  it('a hostile list is refused when the capture is made, and a tampered one when it is read', () => {
    const f = fixture('x64', 'hostile-adapter-cycle');
    expect(() =>
      encodeCaptureTables([{ struct: 'IP_ADAPTER_ADDRESSES_LH', bytes: bytes('x64', 'hostile-adapter-cycle'), arch: 'x64', base: BigInt(f.base), head: BigInt(f.head) }], { family: 'all' }),
    ).toThrow(expect.objectContaining({ code: 'ERR_IPINTERFACE_LIST_CYCLE' }));
  });

  it('a capture whose list metadata lies is refused: a moved base, an unknown arch, a wrong node size, no base', () => {
    const f = fixture('x64', 'realistic');
    const file = encodeCaptureTables([{ struct: 'IP_ADAPTER_ADDRESSES_LH', bytes: bytes('x64', 'realistic'), arch: 'x64', base: BigInt(f.base), head: BigInt(f.head) }], { family: 'all' });
    const meta = captureMetadataOf(file);
    const withInfo = (change: Record<string, unknown>) => withCaptureMetadata(file, { ...meta, tables: [{ ...meta.tables![0], ...change }] });
    expect(() => decodeCapture(withInfo({ base: '0x100000000', head: '0x100000000' }))).toThrow(expect.objectContaining({ code: 'ERR_IPINTERFACE_BAD_POINTER' }));
    expect(() => decodeCapture(withInfo({ arch: 'mips' }))).toThrow(expect.objectContaining({ code: 'ERR_CAPTURE_LAYOUT_MISMATCH' }));
    expect(() => decodeCapture(withInfo({ arch: 'ia32' }))).toThrow(expect.objectContaining({ code: 'ERR_CAPTURE_LAYOUT_MISMATCH' }));
    const { base: _base, ...noBase } = meta.tables![0]!;
    expect(() => decodeCapture(withCaptureMetadata(file, { ...meta, tables: [noBase] }))).toThrow(expect.objectContaining({ code: 'ERR_CAPTURE_CORRUPT' }));
  });

  it('a list needs its addresses', () => {
    expect(() => encodeCaptureTables([{ struct: 'IP_ADAPTER_ADDRESSES_LH', bytes: new Uint8Array(0) }], { family: 'all' })).toThrow(/Expected `tables\[0\].base` to be an address/);
  });
});
