// The real-system tier for connections: runs inside a private network namespace (scripts/netns-run.sh)
// against Wine's own iphlpapi.dll, whose GetExtendedTcpTable/GetExtendedUdpTable read the namespace's
// /proc/net/tcp{,6} and /proc/net/udp{,6}. Linux sockets are held by test/wine/programs/sockets.mjs;
// this program adds its own UDP socket and an outgoing TCP connection (sockets a Wine process holds),
// then reads the tables through the package and, for an independent decode of what the package reads,
// directly through koffi with the hand-written readers of bench/hand-readers.cjs.
'use strict';
const path = require('node:path');
const dgram = require('node:dgram');
const net = require('node:net');
const h = require('./harness.cjs');

/** The raw tables, called and decoded without the package: koffi + the hand-written DataView readers. */
function rawTables() {
  const koffi = require('koffi');
  const hand = require(path.join(h.root, 'bench', 'hand-readers.cjs'));
  const lib = koffi.load('iphlpapi.dll');
  const out = {};
  for (const [fn, cls, structs] of [
    ['GetExtendedTcpTable', 5, { 2: 'MIB_TCPROW_OWNER_PID', 23: 'MIB_TCP6ROW_OWNER_PID' }],
    ['GetExtendedUdpTable', 1, { 2: 'MIB_UDPROW_OWNER_PID', 23: 'MIB_UDP6ROW_OWNER_PID' }],
  ]) {
    const get = lib.func('__stdcall', fn, 'uint32_t', ['void *', 'void *', 'int', 'uint32_t', 'int', 'uint32_t']);
    for (const af of [2, 23]) {
      const size = new Uint32Array([0]);
      let status = get(null, size, 0, af, cls, 0);
      let buffer = null;
      for (let i = 0; i < 5 && status === 122; i++) {
        buffer = Buffer.alloc(size[0]);
        status = get(buffer, size, 0, af, cls, 0);
      }
      out[`${fn}:${af}`] = { status, rows: status === 0 && buffer ? hand[structs[af]](new Uint8Array(buffer)) : null };
    }
  }
  return out;
}

h.main(async () => {
  const pkg = h.pkg();
  const out = { pid: process.pid };
  // Sockets of this (Wine) process.
  const udp = dgram.createSocket('udp4');
  await new Promise((resolve) => udp.bind(5400, '127.0.0.1', resolve));
  const tcp = net.connect({ host: '10.71.0.2', port: 9000, localAddress: '10.71.0.2' });
  await new Promise((resolve, reject) => tcp.once('connect', resolve).once('error', reject));
  out.ownTcpPort = tcp.localPort;
  out.tcp = { sync: h.attempt(() => pkg.getTcpTable()), async: await h.attemptAsync(() => pkg.getTcpTableAsync()) };
  out.udp = { sync: h.attempt(() => pkg.getUdpTable()), async: await h.attemptAsync(() => pkg.getUdpTableAsync()) };
  out.tcp4 = h.attempt(() => pkg.getTcpTable('ipv4'));
  out.udp6 = h.attempt(() => pkg.getUdpTable('ipv6'));
  out.raw = rawTables();
  out.owners = {
    listener: h.attempt(() => pkg.getPortOwners(8080)),
    udp: h.attempt(() => pkg.getPortOwners(5400)),
    dual: h.attempt(() => pkg.getPortOwners(9443, { protocol: 'tcp' })),
    nobody: h.attempt(() => pkg.getPortOwners(1)),
  };
  out.images = { self: h.attempt(() => pkg.getProcessImagePath(process.pid)), idle: h.attempt(() => pkg.getProcessImagePath(0)) };
  out.execPath = process.execPath;
  tcp.destroy();
  udp.close();
  h.report(out);
});
