// Runs on Linux (the test runner's own node), inside the real-system tier's network namespace, in
// the background while the Windows program reads the connection tables (scripts/netns-run.sh,
// IPINTERFACE_NETNS_HELPER): it opens sockets whose addresses, ports and states are known —
// TCP listeners on chosen IPv4 and IPv6 addresses and ports, established connections with both
// ends inside the namespace (IPv4, IPv6, and IPv4 to an IPv6 listener: a v4-mapped accepted
// socket), a connection in CLOSE-WAIT (its peer in FIN-WAIT-2), one in TIME-WAIT, and UDP sockets —
// then writes READYFILE and waits to be killed.
// Usage: node sockets.mjs READYFILE
import { createSocket } from 'node:dgram';
import { writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';

const [ready] = process.argv.slice(2);
const keep = []; // every socket stays open until the process is killed

const listen = (host, port, options = {}) =>
  new Promise((resolve, reject) => {
    const server = createServer({ allowHalfOpen: true, ...options });
    server.on('connection', (socket) => {
      keep.push(socket);
      server.emit('accepted', socket);
    });
    server.once('error', reject);
    server.listen({ host, port, ipv6Only: options.ipv6Only ?? false }, () => resolve(server));
    keep.push(server);
  });
const dial = (host, port, localAddress) =>
  new Promise((resolve, reject) => {
    const socket = connect({ host, port, localAddress, allowHalfOpen: true }, () => resolve(socket));
    socket.once('error', reject);
    keep.push(socket);
  });
const accepted = (server) => new Promise((resolve) => server.once('accepted', resolve));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Listeners.
const v4 = await listen('10.71.0.2', 8080);
await listen('0.0.0.0', 9000);
await listen('127.0.0.1', 7000);
const v6 = await listen('2001:db8:71::2', 8443, { ipv6Only: true });
const dual = await listen('::', 9443); // both families: IPv4 clients are accepted as ::ffff:a.b.c.d

// Established: both ends inside the namespace.
let a = accepted(v4);
await dial('10.71.0.2', 8080, '10.71.0.2');
await a;
a = accepted(v6);
await dial('2001:db8:71::2', 8443, '2001:db8:71::2');
await a;
a = accepted(dual);
await dial('127.0.0.1', 9443, '127.0.0.1');
await a;

// CLOSE-WAIT: the client sends FIN, the accepted socket (allowHalfOpen) never closes; the client waits in FIN-WAIT-2.
const closeWait = await listen('10.71.0.2', 8081);
a = accepted(closeWait);
const leaving = await dial('10.71.0.2', 8081, '10.71.0.2');
const server = await a;
leaving.end();
await new Promise((resolve) => server.once('end', resolve));

// TIME-WAIT: the client closes first and the server answers: the client's socket lingers in TIME-WAIT (60 s on Linux).
const timeWait = await listen('10.71.0.2', 8082);
a = accepted(timeWait);
const closing = await dial('10.71.0.2', 8082, '10.71.0.2');
const other = await a;
other.on('end', () => other.end());
closing.end();
await new Promise((resolve) => closing.once('close', resolve));
await sleep(200);

// UDP.
const udp = (type, address, port) =>
  new Promise((resolve) => {
    const socket = createSocket({ type, ipv6Only: type === 'udp6' });
    socket.bind(port, address, () => resolve(socket));
    keep.push(socket);
  });
await udp('udp4', '10.71.0.2', 5353);
await udp('udp4', '127.0.0.1', 5300);
await udp('udp6', '::', 5355);
await udp('udp6', '2001:db8:71::2', 5356);

writeFileSync(ready, JSON.stringify({ pid: process.pid }));
setInterval(() => {}, 1 << 30);
