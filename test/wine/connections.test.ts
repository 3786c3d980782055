// Tier 2: connections and port owners in real Windows Node + koffi under Wine, against the
// stand-in iphlpapi.dll, which serves the C-made rows of fixtures/c/rows-tcp.h through
// GetExtendedTcpTable / GetExtendedUdpTable (caller-allocated, with growing-table scenarios), gives
// the calling process a TCP listener on port 47001 and a UDP socket on 47002, and records the
// MIB_TCPROW SetTcpEntry receives. Process images come from Wine's real kernel32.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from '../helpers.js';
import { describeWithTools, wineTools } from './support.js';
import { runWindowsNode, type Attempt } from './windows-node.js';

type Row = Record<string, unknown>;
const cRows = (dir: string, name: string): Row[] => (JSON.parse(readFileSync(join(root, 'fixtures', 'c', 'structs', dir, `${name}.json`), 'utf8')) as { rows: Row[] }).rows;
const C = {
  tcp: { ipv4: cRows('MIB_TCPROW_OWNER_PID', 'tcp-realistic'), ipv6: cRows('MIB_TCP6ROW_OWNER_PID', 'tcp6-realistic') },
  udp: { ipv4: cRows('MIB_UDPROW_OWNER_PID', 'udp-realistic'), ipv6: cRows('MIB_UDP6ROW_OWNER_PID', 'udp6-realistic') },
};
const tcprowDelete = readFileSync(join(root, 'fixtures', 'c', 'structs', 'MIB_TCPROW', 'tcprow-delete.bin')).toString('hex');

interface Report {
  crashed?: unknown;
  pid: number;
  execPath: string;
  tables: Record<'tcp' | 'udp', Record<'all' | 'ipv4' | 'ipv6', { sync: Attempt<Row[]>; async: Attempt<Row[]> }>>;
  tableCalls: { tcp: number; udp: number };
  images: Record<'self' | 'idle' | 'system' | 'gone', Attempt<string | null>>;
  owners: Record<string, Attempt<Row[]>> & { callsAfterOne: { tcp: number; udp: number } };
  scenarios: Record<string, { sync: Attempt<unknown>; async: Attempt<unknown>; calls: { tcp: number; udp: number }; asyncCalls: { tcp: number; udp: number } }>;
  close: { row: Row; first: Attempt<unknown>; received: { hex: string; calls: number }; stillListed: boolean; again: Attempt<unknown>; listener: Attempt<unknown>; callsAfterListener: number; denied: Attempt<unknown> };
}

describeWithTools('connections, port owners and closing in Windows Node under Wine (stand-in iphlpapi.dll)', wineTools, () => {
  let r: Report;
  beforeAll(async () => {
    r = (await runWindowsNode<Report>('connections.cjs', { timeoutMs: 110_000 })).report;
    expect(r.crashed).toBeUndefined();
  }, 120_000);

  /** The C rows of a family, then the row the stand-in gives this process. */
  const expected = (protocol: 'tcp' | 'udp', family: 'ipv4' | 'ipv6') => [...C[protocol][family], expect.objectContaining({ family, localPort: protocol === 'tcp' ? 47001 : 47002, owningPid: r.pid })];

  it.each(['tcp', 'udp'] as const)('%s: every family, sync and async, is the C-printed rows plus this process\'s socket; \'all\' is IPv4\'s then IPv6\'s', (protocol) => {
    for (const family of ['ipv4', 'ipv6'] as const) {
      expect(r.tables[protocol][family].sync.ok).toEqual(expected(protocol, family));
      expect(r.tables[protocol][family].async.ok).toEqual(expected(protocol, family));
    }
    expect(r.tables[protocol].all.sync.ok).toEqual([...expected(protocol, 'ipv4'), ...expected(protocol, 'ipv6')]);
    expect(r.tables[protocol].all.async.ok).toEqual([...expected(protocol, 'ipv4'), ...expected(protocol, 'ipv6')]);
  });

  it('a caller-allocated table costs two calls per family: the size, then the table', () => {
    // all (2 families) + ipv4 + ipv6, sync and async: 8 family reads per protocol.
    expect(r.tableCalls).toEqual({ tcp: 16, udp: 16 });
  });

  it('getProcessImagePath: this process is its executable; PID 0, PID 4 and a PID nobody has are null', () => {
    expect(r.images.self.ok?.toLowerCase()).toBe(r.execPath.toLowerCase());
    expect(r.images.idle).toEqual({ ok: null });
    expect(r.images.system).toEqual({ ok: null });
    expect(r.images.gone).toEqual({ ok: null });
  });

  it('getPortOwners: this process on 47001 (both families) and 47002, with its path and name; one table read per protocol', () => {
    const owner = { owningPid: r.pid, processPath: r.images.self.ok, processName: 'node.exe' };
    expect(r.owners.tcp!.ok).toEqual([
      { protocol: 'tcp', family: 'ipv4', localAddress: '127.0.0.1', localPort: 47001, state: 'listen', ...owner },
      { protocol: 'tcp', family: 'ipv6', localAddress: '::1', localPort: 47001, state: 'listen', ...owner },
    ]);
    expect(r.owners.callsAfterOne).toEqual({ tcp: 4, udp: 4 });
    expect(r.owners.udp!.ok).toEqual([
      { protocol: 'udp', family: 'ipv4', localAddress: '127.0.0.1', localPort: 47002, ...owner },
      { protocol: 'udp', family: 'ipv6', localAddress: '::1', localPort: 47002, ...owner },
    ]);
    expect(r.owners.ipv6Only!.ok).toHaveLength(1);
    // Port 3000's listeners belong to PID 5678, which no process has here: no path, no name.
    expect(r.owners.otherProcess!.ok).toEqual([
      expect.objectContaining({ localAddress: '127.0.0.1', owningPid: 5678, processPath: null, processName: null }),
      expect.objectContaining({ localAddress: '::', owningPid: 5678, processPath: null, processName: null }),
    ]);
    expect(r.owners.nobody!.ok).toEqual([]);
  });

  it('a table that grew between the size query and the call is asked again; one that keeps growing is a clear error', () => {
    expect(r.scenarios['tcp-grow-once']!.sync.ok).toHaveLength(C.tcp.ipv4.length + 2); // the caller's row, and the one that appeared
    expect(r.scenarios['tcp-grow-once']!.calls.tcp).toBe(3);
    expect(r.scenarios['tcp-insufficient-first']!.sync.ok).toEqual(expected('tcp', 'ipv4'));
    for (const attempt of [r.scenarios['tcp-grow-always']!.sync, r.scenarios['tcp-grow-always']!.async]) {
      expect(attempt.error).toMatchObject({ name: 'IpHelperError', code: 'ERROR_INSUFFICIENT_BUFFER', errno: 122 });
      expect(attempt.error?.message).toMatch(/grew between the size query and the call 5 times in a row/);
    }
    expect(r.scenarios['tcp-grow-always']!.calls.tcp).toBe(6); // the size query and 5 retries, then no more
  });

  it('no rows, error codes, and 10,000 rows', () => {
    expect(r.scenarios.empty!.sync).toEqual({ ok: [] });
    expect(r.scenarios.empty!.async).toEqual({ ok: [] });
    expect(r.scenarios['error:87']!.sync.error).toMatchObject({ code: 'ERROR_INVALID_PARAMETER', syscall: 'GetExtendedTcpTable' });
    expect(r.scenarios['error:87']!.async.error).toMatchObject({ code: 'ERROR_INVALID_PARAMETER', syscall: 'GetExtendedUdpTable' });
    expect(r.scenarios['error:50']!.sync.error).toMatchObject({ code: 'ERROR_NOT_SUPPORTED' });
    expect(r.scenarios['many:10000']!.sync).toEqual({ ok: 10_000 });
    expect(r.scenarios['many:10000']!.async).toEqual({ ok: 10_000 });
  });

  describe('closeTcpConnection', () => {
    it('hands SetTcpEntry exactly the MIB_TCPROW C built, and the connection is gone', () => {
      expect(r.close.first).toEqual({});
      expect(r.close.received.hex).toBe(tcprowDelete);
      expect(r.close.stillListed).toBe(false);
    });

    it('a connection that is not there is ERROR_NOT_FOUND, naming it', () => {
      expect(r.close.again.error).toMatchObject({ name: 'IpHelperError', code: 'ERROR_NOT_FOUND', errno: 1168, syscall: 'SetTcpEntry' });
      expect(r.close.again.error?.message).toContain('192.168.1.23:51000 → 93.184.216.34:443');
    });

    it('a listener is a TypeError with no native call; without elevation it is ERROR_ACCESS_DENIED saying so', () => {
      expect(r.close.listener.error?.isTypeError).toBe(true);
      expect(r.close.callsAfterListener).toBe(2);
      expect(r.close.denied.error).toMatchObject({ code: 'ERROR_ACCESS_DENIED', errno: 5 });
      expect(r.close.denied.error?.message).toMatch(/administrator/);
    });
  });
});
