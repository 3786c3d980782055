// DNS interface settings on any OS: every rule of what setInterfaceDnsSettings takes, one bad value
// each, is a TypeError naming the member, thrown before anything platform-specific (a valid call
// reaches the platform check). The calls themselves — the GUID by value on x64 and ia32 — are in
// test/wine/dns-settings.test.ts; the struct's layout against the C compiler in test/c-layout.test.ts.
import { describe, expect, it } from 'vitest';
import { getInterfaceDnsSettings, getInterfaceDnsSettingsAsync, setInterfaceDnsSettings, setInterfaceDnsSettingsAsync } from '../src/index.js';
import { DNS_INTERFACE_SETTINGS } from '../src/structs/dns-interface-settings.js';

const good = { family: 'ipv4', nameServers: ['1.1.1.1'] } as const;

describe('setInterfaceDnsSettings: each rule, one bad value', () => {
  it.each([
    ['no family', { nameServers: ['1.1.1.1'] }, /`settings.family` to be 'ipv4' or 'ipv6'/],
    ['a family number', { ...good, family: 2 }, /`settings.family`/],
    ['nothing to set', { family: 'ipv4' }, /at least one of `nameServers`, `searchList`, `domain`/],
    ['servers not an array', { ...good, nameServers: '1.1.1.1' }, /`settings.nameServers` to be an array/],
    ['a server that is not an address', { ...good, nameServers: ['dns.example'] }, /`settings.nameServers\[0\]`/],
    ['an IPv6 server on the IPv4 stack', { ...good, nameServers: ['1.1.1.1', '2606:4700::1111'] }, /`settings.nameServers\[1\]` to be an IPv4 address/],
    ['an IPv4 server on the IPv6 stack', { family: 'ipv6', nameServers: ['1.1.1.1'] }, /to be an IPv6 address/],
    ['a scoped server', { family: 'ipv6', nameServers: ['fe80::1%12'] }, /no zone/],
    ['a search entry with a comma', { ...good, searchList: ['a.example,b.example'] }, /`settings.searchList\[0\]` to be a DNS name/],
    ['a search entry with a space', { ...good, searchList: ['corp example'] }, /`settings.searchList\[0\]`/],
    ['a search entry too long', { ...good, searchList: [`${'a'.repeat(64)}.example`] }, /`settings.searchList\[0\]`/],
    ['a domain that is a number', { ...good, domain: 5 }, /`settings.domain`/],
    ['a domain with a slash', { ...good, domain: 'corp/example' }, /`settings.domain`/],
    ['an unknown member', { ...good, servers: ['1.1.1.1'] }, /does not take: `servers`/],
  ])('%s', async (_what, settings, message) => {
    expect(() => setInterfaceDnsSettings(12, settings as never)).toThrow(TypeError);
    expect(() => setInterfaceDnsSettings(12, settings as never)).toThrow(message);
    await expect(setInterfaceDnsSettingsAsync(12, settings as never)).rejects.toThrow(message);
  });

  it.each([
    [() => setInterfaceDnsSettings('Ethernet' as never, good), /`interface` to be an interface index/],
    [() => setInterfaceDnsSettings(0, good), /`interface`/],
    [() => getInterfaceDnsSettings(12, 'all' as never), /`family` to be 'ipv4' or 'ipv6'/],
    [() => getInterfaceDnsSettings(-1n, 'ipv4'), /`interface`/],
  ])('arguments %#', (run, message) => {
    expect(run).toThrow(TypeError);
    expect(run).toThrow(message);
  });

  it.runIf(process.platform !== 'win32')('a valid call reaches the platform check', async () => {
    expect(() => setInterfaceDnsSettings(12, { family: 'ipv6', nameServers: ['2606:4700:4700::1111'], searchList: ['corp.example'], domain: '' })).toThrow(
      expect.objectContaining({ code: 'ERR_UNSUPPORTED_PLATFORM', syscall: 'SetInterfaceDnsSettings' }),
    );
    await expect(getInterfaceDnsSettingsAsync(12n, 'ipv4')).rejects.toMatchObject({ code: 'ERR_UNSUPPORTED_PLATFORM' });
  });

  it('DNS_INTERFACE_SETTINGS is 64 bytes on x64, 48 on ia32 (Microsoft\'s layout; the C compiler checks every offset)', () => {
    expect(DNS_INTERFACE_SETTINGS.layout('x64').rowSize).toBe(64);
    expect(DNS_INTERFACE_SETTINGS.layout('ia32').rowSize).toBe(48);
    expect(DNS_INTERFACE_SETTINGS.layout('ia32').offsets.ProfileNameServer).toBe(44);
  });
});
