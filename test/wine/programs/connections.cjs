// Connections against the stand-in iphlpapi.dll: GetExtendedTcpTable / GetExtendedUdpTable
// (caller-allocated, sized and retried), the owning process (the stand-in gives this process a TCP
// listener on 47001 and a UDP socket on 47002), getPortOwners, and closeTcpConnection's SetTcpEntry.
'use strict';
const h = require('./harness.cjs');

h.main(async () => {
  const pkg = h.pkg();
  const s = h.standin();
  const out = { pid: process.pid, execPath: process.execPath };

  s.scenario('realistic');
  s.reset();
  out.tables = {};
  for (const [name, sync, async] of [['tcp', pkg.getTcpTable, pkg.getTcpTableAsync], ['udp', pkg.getUdpTable, pkg.getUdpTableAsync]]) {
    out.tables[name] = {};
    for (const family of ['all', 'ipv4', 'ipv6']) out.tables[name][family] = { sync: h.attempt(() => sync(family)), async: await h.attemptAsync(() => async(family)) };
  }
  out.tableCalls = s.connectionCalls(); // 3 families × sync + async, each family asked twice (size, then table)

  out.images = {
    self: h.attempt(() => pkg.getProcessImagePath(process.pid)),
    idle: h.attempt(() => pkg.getProcessImagePath(0)),
    system: h.attempt(() => pkg.getProcessImagePath(4)),
    gone: h.attempt(() => pkg.getProcessImagePath(0xfffffff0)),
  };

  s.reset();
  out.owners = {
    tcp: h.attempt(() => pkg.getPortOwners(47001)),
    callsAfterOne: s.connectionCalls(),
    udp: await h.attemptAsync(() => pkg.getPortOwnersAsync(47002, { protocol: 'udp' })),
    ipv6Only: h.attempt(() => pkg.getPortOwners(47001, { family: 'ipv6' })),
    otherProcess: h.attempt(() => pkg.getPortOwners(3000, { protocol: 'tcp' })),
    nobody: h.attempt(() => pkg.getPortOwners(1)),
  };

  out.scenarios = {};
  for (const scenario of ['empty', 'tcp-grow-once', 'tcp-grow-always', 'tcp-insufficient-first', 'error:87', 'error:50', 'many:10000']) {
    s.scenario(scenario);
    s.reset();
    const sync = h.attempt(() => pkg.getTcpTable('ipv4'));
    const calls = s.connectionCalls();
    s.scenario(scenario);
    s.reset();
    const async = await h.attemptAsync(() => pkg.getUdpTableAsync('ipv6'));
    const asyncCalls = s.connectionCalls();
    const rows = (a) => (a.ok ? { ok: a.ok.length } : a);
    out.scenarios[scenario] = { sync: scenario.startsWith('many') ? rows(sync) : sync, async: scenario.startsWith('many') ? rows(async) : async, calls, asyncCalls };
  }

  // Closing: the row SetTcpEntry gets, the connection gone from the table, then not found; access denied.
  s.scenario('realistic');
  s.reset();
  const row = pkg.getTcpTable('ipv4').find((r) => r.localPort === 51000 && r.remotePort === 443);
  out.close = {
    row,
    first: h.attempt(() => pkg.closeTcpConnection(row)),
    received: s.lastTcpRow(),
    stillListed: pkg.getTcpTable('ipv4').some((r) => r.localPort === 51000 && r.remotePort === 443),
    again: await h.attemptAsync(() => pkg.closeTcpConnectionAsync(row)),
    listener: h.attempt(() => pkg.closeTcpConnection(pkg.getTcpTable('ipv4').find((r) => r.state === 'listen'))),
    callsAfterListener: s.lastTcpRow().calls,
  };
  s.scenario('not-elevated');
  s.reset();
  out.close.denied = h.attempt(() => pkg.closeTcpConnection({ localAddress: '192.168.1.23', localPort: 51002, remoteAddress: '140.82.112.3', remotePort: 443 }));
  s.scenario('realistic');
  s.reset();
  h.report(out);
});
