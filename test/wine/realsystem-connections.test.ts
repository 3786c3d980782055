// The real-system tier for connections: getTcpTable, getUdpTable, getPortOwners and
// getProcessImagePath in Windows Node under Wine 8's own iphlpapi.dll, inside a private
// network namespace (scripts/netns-run.sh). test/wine/programs/sockets.mjs, a Linux process,
// holds sockets in known states (listeners, established IPv4/IPv6/v4-mapped connections,
// CLOSE-WAIT and its FIN-WAIT-2 peer, TIME-WAIT, UDP); the Windows program adds an outgoing
// TCP connection and a UDP socket of its own. Expected values come from the kernel (`ss -Htan`,
// `ss -Huan` taken before the program ran, plus the program's own two sockets), and the rows
// are also decoded without the package (koffi + the hand-written readers of bench/hand-readers.cjs).
// Where Wine 8 differs from Windows, the assertion states Wine's real behaviour and a comment says so.
// Wine's source: dlls/nsiproxy.sys/tcp_udp.c (tcp_conns_enumerate_all, udp_endpoint_enumerate_all),
// dlls/iphlpapi/iphlpapi_main.c (GetExtendedTcpTable, GetExtendedUdpTable).
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeInNetns, runInNetns, type NetnsRun, type SsSocket } from './netns.js';
import type { Attempt } from './windows-node.js';

interface TcpRow {
  family: 'ipv4' | 'ipv6';
  state: string;
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  owningPid: number;
  localScopeId?: number;
  remoteScopeId?: number;
}
interface UdpRow {
  family: 'ipv4' | 'ipv6';
  localAddress: string;
  localPort: number;
  owningPid: number;
  localScopeId?: number;
}
interface Owner {
  protocol: string;
  family: string;
  localAddress: string;
  localPort: number;
  owningPid: number;
  processPath: string | null;
  processName: string | null;
  state?: string;
}
interface Report {
  pid: number;
  ownTcpPort: number;
  execPath: string;
  tcp: { sync: Attempt<TcpRow[]>; async: Attempt<TcpRow[]> };
  udp: { sync: Attempt<UdpRow[]>; async: Attempt<UdpRow[]> };
  tcp4: Attempt<TcpRow[]>;
  udp6: Attempt<UdpRow[]>;
  raw: Record<string, { status: number; rows: (TcpRow | UdpRow)[] | null }>;
  owners: Record<'listener' | 'udp' | 'dual' | 'nobody', Attempt<Owner[]>>;
  images: { self: Attempt<string | null>; idle: Attempt<string | null> };
}

/** ss's TCP state names → MIB_TCP_STATE as the package writes it (MIB_TCP_STATE_LISTEN → 'listen', …). */
const STATE: Record<string, string> = {
  LISTEN: 'listen',
  'SYN-SENT': 'synSent',
  'SYN-RECV': 'synReceived',
  ESTAB: 'established',
  'FIN-WAIT-1': 'finWait1',
  'FIN-WAIT-2': 'finWait2',
  'CLOSE-WAIT': 'closeWait',
  CLOSING: 'closing',
  'LAST-ACK': 'lastAck',
  'TIME-WAIT': 'timeWait',
};

/** ss writes a dual-stack wildcard as `*`; the AF_INET6 table holds it as `::`. */
const address = (value: string) => (value === '*' ? '::' : value);
const familyOf = (value: string): 'ipv4' | 'ipv6' => (value === '*' || value.includes(':') ? 'ipv6' : 'ipv4');

/** One socket as comparable text: family, state, both ends, owner. */
const tcpKey = (r: Pick<TcpRow, 'family' | 'state' | 'localAddress' | 'localPort' | 'remoteAddress' | 'remotePort' | 'owningPid'>) =>
  `${r.family} ${r.state} ${r.localAddress}:${r.localPort} ${r.remoteAddress}:${r.remotePort} pid=${r.owningPid}`;
const udpKey = (r: Pick<UdpRow, 'family' | 'localAddress' | 'localPort' | 'owningPid'>) =>
  `${r.family} ${r.localAddress}:${r.localPort} pid=${r.owningPid}`;

function fromSsTcp(s: SsSocket): string {
  const state = STATE[s.state];
  if (!state) throw new Error(`ss printed a TCP state this test does not know: ${s.state}`);
  const family = familyOf(s.local.address);
  // Wine 8 reports no owner (0) for a socket no Wine process holds: it finds owners by
  // matching socket inodes against the Wine server's own processes.
  return tcpKey({
    family,
    state,
    localAddress: address(s.local.address),
    localPort: s.local.port,
    remoteAddress: family === 'ipv6' ? address(s.peer.address) : s.peer.address,
    remotePort: s.peer.port,
    owningPid: 0,
  });
}

describeInNetns('connections: Wine 8 built-in iphlpapi reading the namespace kernel', () => {
  let run: NetnsRun<Report>;
  let r: Report;
  let expectedTcp: string[];
  let expectedUdp: string[];
  beforeAll(async () => {
    run = await runInNetns<Report>('realsystem-connections.cjs', {
      helper: [process.execPath, join(__dirname, 'programs', 'sockets.mjs')],
      timeoutMs: 120_000,
    });
    r = run.report;
    const self = { localAddress: '10.71.0.2', remoteAddress: '10.71.0.2', family: 'ipv4', state: 'established' } as const;
    expectedTcp = [
      ...run.before.ss.tcp.map(fromSsTcp),
      // The program's own connection: its end (owned by the Wine process) and the listener's accepted end.
      tcpKey({ ...self, localPort: r.ownTcpPort, remotePort: 9000, owningPid: r.pid }),
      tcpKey({ ...self, localPort: 9000, remotePort: r.ownTcpPort, owningPid: 0 }),
    ].sort();
    expectedUdp = [
      ...run.before.ss.udp.map((s) => udpKey({ family: familyOf(s.local.address), localAddress: address(s.local.address), localPort: s.local.port, owningPid: 0 })),
      udpKey({ family: 'ipv4', localAddress: '127.0.0.1', localPort: 5400, owningPid: r.pid }),
    ].sort();
  }, 130_000);

  it('the kernel holds the sockets sockets.mjs opened, in every state it set up', () => {
    // Guards the expected side: without these, an empty ss would make the comparisons below trivial.
    const states = new Set(run.before.ss.tcp.map((s) => s.state));
    for (const state of ['LISTEN', 'ESTAB', 'TIME-WAIT', 'CLOSE-WAIT', 'FIN-WAIT-2']) expect(states).toContain(state);
    expect(run.before.ss.tcp.some((s) => s.local.address.startsWith('::ffff:'))).toBe(true);
    expect(run.before.ss.tcp.some((s) => s.local.address === '2001:db8:71::2')).toBe(true);
    expect(run.before.ss.udp.length).toBeGreaterThanOrEqual(4);
  });

  it('getTcpTable() holds exactly the kernel TCP sockets: family, state, both ends, owner', () => {
    expect(r.tcp.sync.error).toBeUndefined();
    expect(r.tcp.sync.ok!.map(tcpKey).sort()).toEqual(expectedTcp);
  });

  it('getUdpTable() holds exactly the kernel UDP sockets', () => {
    expect(r.udp.sync.error).toBeUndefined();
    expect(r.udp.sync.ok!.map(udpKey).sort()).toEqual(expectedUdp);
  });

  it('the async forms give the same rows, and one family gives that family rows', () => {
    expect(r.tcp.async).toEqual(r.tcp.sync);
    expect(r.udp.async).toEqual(r.udp.sync);
    expect(r.tcp4.ok).toEqual(r.tcp.sync.ok!.filter((row) => row.family === 'ipv4'));
    expect(r.udp6.ok).toEqual(r.udp.sync.ok!.filter((row) => row.family === 'ipv6'));
  });

  it('every row equals an independent decode of the same call (koffi + a hand-written DataView reader)', () => {
    for (const key of Object.keys(r.raw)) expect(r.raw[key]!.status, key).toBe(0);
    const raw = (fn: string, af: number) => r.raw[`${fn}:${af}`]!.rows!;
    expect(r.tcp.sync.ok).toEqual([...raw('GetExtendedTcpTable', 2), ...raw('GetExtendedTcpTable', 23)]);
    expect(r.udp.sync.ok).toEqual([...raw('GetExtendedUdpTable', 2), ...raw('GetExtendedUdpTable', 23)]);
  });

  it('IPv6 scope ids: 0 for global and wildcard addresses; Wine 8 gives 0xffffffff for a v4-mapped one', () => {
    for (const row of r.tcp.sync.ok!.filter((x) => x.family === 'ipv6')) {
      // Wine 8's scope ids are its own, not interface indexes (measured: global and wildcard 0, a
      // v4-mapped address 0xffffffff); the raw decode above is the independent check of the bytes.
      const expected = (a: string) => (a.startsWith('::ffff:') ? 0xffffffff : 0);
      expect(row.localScopeId, tcpKey(row)).toBe(expected(row.localAddress));
      expect(row.remoteScopeId, tcpKey(row)).toBe(expected(row.remoteAddress));
    }
    for (const row of r.udp.sync.ok!.filter((x) => x.family === 'ipv6')) expect(row.localScopeId).toBe(0);
  });

  it("getPortOwners finds the Wine process's own UDP socket with its image path, and the Linux listeners without one", () => {
    expect(r.owners.udp.ok).toEqual([
      { protocol: 'udp', family: 'ipv4', localAddress: '127.0.0.1', localPort: 5400, owningPid: r.pid, processPath: r.execPath, processName: 'node.exe' },
    ]);
    expect(r.owners.listener.ok).toEqual([
      { protocol: 'tcp', family: 'ipv4', localAddress: '10.71.0.2', localPort: 8080, state: 'listen', owningPid: 0, processPath: null, processName: null },
    ]);
    // The dual-stack listener on [::]:9443, asked for TCP only: the listener, not the connection accepted on it.
    expect(r.owners.dual.ok).toEqual([
      { protocol: 'tcp', family: 'ipv6', localAddress: '::', localPort: 9443, state: 'listen', owningPid: 0, processPath: null, processName: null },
    ]);
    expect(r.owners.nobody.ok).toEqual([]);
  });

  it("getProcessImagePath: this process's executable, and null for the System Idle Process (pid 0)", () => {
    expect(r.images.self.ok).toBe(r.execPath);
    expect(r.images.idle).toEqual({ ok: null });
  });
});
