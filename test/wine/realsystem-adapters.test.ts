// The real-system tier for getAdaptersAddresses, getDnsServers and getDnsConfiguration: Windows Node
// under Wine 8's own iphlpapi.dll, inside the private network namespace scripts/netns-run.sh builds,
// with a resolv.conf of its own bind-mounted over /etc/resolv.conf (a private mount namespace).
// Expected values come from the kernel (ip -j link / addr / route) and from that file — never from
// the package. Wine 8's GetAdaptersAddresses reads interfaces and addresses from the kernel, IPv4
// gateways from the route table and the DNS servers and first search domain from /etc/resolv.conf,
// the same on every adapter; where it differs from Windows the assertion states what it does (measured).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeInNetns, runInNetns, type NetnsRun } from './netns.js';
import type { Attempt } from './windows-node.js';

interface Unicast {
  address: string;
  scopeId: number;
  prefixLength: number;
}
interface Adapter {
  ifIndex: number;
  ipv6IfIndex: number;
  friendlyName: string;
  physicalAddress: string;
  mtu: number;
  unicastAddresses: Unicast[];
  gateways: string[];
  dnsServers: string[];
  dnsSuffix: string;
  dnsSuffixes: string[];
  dhcpv4Server: string;
  ipv4Metric: number;
  ipv6Metric: number;
  flags: Record<string, boolean>;
}
interface Report {
  crashed?: unknown;
  all: { sync: Attempt<Adapter[]>; async: Attempt<Adapter[]> };
  ipv4: Attempt<Adapter[]>;
  ipv6: Attempt<Adapter[]>;
  dnsServers: Attempt<{ interfaceIndex: number; alias: string; family: string; servers: string[]; suffix: string }[]>;
  dnsConfiguration: { sync: Attempt<{ servers: string[]; suffixes: string[] }>; async: Attempt<{ servers: string[]; suffixes: string[] }> };
  ifTable: Attempt<{ interfaceIndex: number; alias: string }[]>;
}
interface KernelAddr {
  ifname: string;
  addr_info: { family: 'inet' | 'inet6'; local: string; prefixlen: number; scope: string }[];
}
interface KernelRoute {
  dst: string;
  gateway?: string;
  dev: string;
}

describeInNetns('real system: adapter configuration and DNS in a private network namespace (Wine 8 built-in iphlpapi)', () => {
  let run: NetnsRun<Report>;
  let r: Report;
  let resolv: { nameservers: string[]; search: string[] };
  beforeAll(async () => {
    run = await runInNetns<Report>('realsystem-adapters.cjs');
    r = run.report;
    expect(r.crashed).toBeUndefined();
    // The file the script bind-mounted, parsed here: the expected DNS answer.
    const lines = readFileSync(join(run.outDir, 'resolv.conf'), 'utf8').split('\n');
    resolv = {
      nameservers: lines.filter((l) => l.startsWith('nameserver ')).map((l) => l.split(/\s+/)[1]!),
      search: lines.find((l) => l.startsWith('search '))!.split(/\s+/).slice(1),
    };
  }, 180_000);
  const adapters = () => r.all.sync.ok!;
  const kernelAddr = () => run.before.json.addr as KernelAddr[];

  it('one adapter per link of the namespace, named as the kernel names it, with its MTU and MAC; sync and async alike', () => {
    expect(adapters().map((a) => a.friendlyName).sort()).toEqual(run.before.link.map((l) => l.ifname).sort());
    for (const a of adapters()) {
      const link = run.before.link.find((l) => l.ifname === a.friendlyName)!;
      expect(a.mtu, a.friendlyName).toBe(link.mtu);
      expect(a.physicalAddress, a.friendlyName).toBe(link.link_type === 'loopback' ? '' : link.address);
    }
    expect(r.all.async).toEqual(r.all.sync);
    // The same indexes and names as GetIfTable2.
    expect(adapters().map((a) => [a.ifIndex, a.friendlyName]).sort()).toEqual(r.ifTable.ok!.map((i) => [i.interfaceIndex, i.alias]).sort());
  });

  it('each adapter\'s unicast addresses and prefix lengths are the kernel\'s (ip -j addr); a link-local one carries its scope id', () => {
    for (const a of adapters()) {
      const kernel = kernelAddr().find((k) => k.ifname === a.friendlyName)!;
      expect(a.unicastAddresses.map((u) => `${u.address}/${u.prefixLength}`).sort(), a.friendlyName).toEqual(kernel.addr_info.map((i) => `${i.local}/${i.prefixlen}`).sort());
      for (const u of a.unicastAddresses) expect(u.scopeId, `${a.friendlyName} ${u.address}`).toBe(u.address.startsWith('fe80:') ? a.ifIndex : 0);
    }
    // Addresses the script added, by name (so an empty namespace cannot pass).
    expect(adapters().find((a) => a.friendlyName === 'ipi-veth2')!.unicastAddresses.map((u) => `${u.address}/${u.prefixLength}`)).toEqual(
      expect.arrayContaining(['10.71.0.2/24', '10.71.8.2/28', '2001:db8:71::2/64']),
    );
  });

  it('a family lists only its addresses', () => {
    for (const a of r.ipv4.ok!) for (const u of a.unicastAddresses) expect(u.address).not.toContain(':');
    for (const a of r.ipv6.ok!) for (const u of a.unicastAddresses) expect(u.address).toContain(':');
    expect(r.ipv6.ok!.some((a) => a.unicastAddresses.length > 0)).toBe(true);
  });

  it('IPv4 gateways: the next hop of every IPv4 route with one on that link (Wine lists each route\'s, not only the default routes\'); no IPv6 gateway', () => {
    const routes = run.before.json.route as KernelRoute[];
    for (const a of adapters()) {
      const expected = routes.filter((x) => x.dev === a.friendlyName && x.gateway !== undefined).map((x) => x.gateway!);
      expect([...a.gateways].sort(), a.friendlyName).toEqual(expected.sort());
    }
    expect(adapters().find((a) => a.friendlyName === 'ipi-veth2')!.gateways).toContain('10.71.0.1'); // its default route's
    // The kernel has an IPv6 route via 2001:db8:71::1; Wine 8 reads no IPv6 route.
    expect((run.before.json.route6 as KernelRoute[]).some((x) => x.gateway === '2001:db8:71::1')).toBe(true);
    expect(adapters().flatMap((a) => a.gateways).some((g) => g.includes(':'))).toBe(false);
  });

  it('DNS servers and suffix: resolv.conf\'s, the same on every adapter (loopback too), IPv4 and IPv6, in the file\'s order', () => {
    expect(resolv.nameservers).toHaveLength(3);
    for (const a of adapters()) {
      expect(a.dnsServers, a.friendlyName).toEqual(resolv.nameservers);
      expect(a.dnsSuffix, a.friendlyName).toBe(resolv.search[0]);
    }
  });

  it('Wine 8\'s gaps, as measured: no suffix list, DHCP flag, DHCP server, metrics or IPv6 index', () => {
    for (const a of adapters()) {
      expect(a.dnsSuffixes, a.friendlyName).toEqual([]);
      expect(a.flags.dhcpEnabled, a.friendlyName).toBe(false);
      expect(a.dhcpv4Server, a.friendlyName).toBe('');
      expect([a.ipv4Metric, a.ipv6Metric], a.friendlyName).toEqual([0, 0]);
      expect(a.ipv6IfIndex, a.friendlyName).toBe(0);
    }
  });

  it('getDnsServers: every adapter that is up, IPv4 and IPv6 (by the flags, Ipv6IfIndex being 0), each family\'s servers of the file', () => {
    const entries = r.dnsServers.ok!;
    const v4 = resolv.nameservers.filter((s) => !s.includes(':'));
    const v6 = resolv.nameservers.filter((s) => s.includes(':'));
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(e.servers, `${e.alias} ${e.family}`).toEqual(e.family === 'ipv4' ? v4 : v6);
    expect(entries.some((e) => e.family === 'ipv6')).toBe(true);
    expect(entries.map((e) => e.alias)).not.toContain('ipi-veth1'); // the kernel has it down
  });

  it('getDnsConfiguration: the file\'s servers, each once (IPv4 before IPv6: all metrics are 0), and the first search domain (Wine reads no more)', () => {
    const v4 = resolv.nameservers.filter((s) => !s.includes(':'));
    const v6 = resolv.nameservers.filter((s) => s.includes(':'));
    expect(r.dnsConfiguration.sync.ok).toEqual({ servers: [...v4, ...v6], suffixes: [resolv.search[0]] });
    expect(r.dnsConfiguration.async).toEqual(r.dnsConfiguration.sync);
  });
});
