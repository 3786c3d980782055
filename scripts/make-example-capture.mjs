// Writes examples/laptop.ipcap: the C-made realistic interface table (fixtures/c/tables/realistic.bin)
// and the adapter, address, route, neighbour, TCP and UDP tables (fixtures/c/structs/*/…-realistic.bin) and the
// GetAdaptersAddresses list (fixtures/c/adapters/x64/realistic.bin) in one capture file
// (format version 2), with the aliases and names Windows would show for its interfaces and the image
// paths of the processes that own its connections.
// Deterministic (fixed time), so a test can check the committed file is current.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeCaptureTables } from 'ipinterface';

const root = fileURLToPath(new URL('..', import.meta.url));
const table = readFileSync(`${root}fixtures/c/tables/realistic.bin`);
const adapters = readFileSync(`${root}fixtures/c/structs/MIB_IF_ROW2/if2-realistic.bin`);
const addresses = readFileSync(`${root}fixtures/c/structs/MIB_UNICASTIPADDRESS_ROW/unicast-realistic.bin`);
const routes = readFileSync(`${root}fixtures/c/structs/MIB_IPFORWARD_ROW2/forward-realistic.bin`);
const neighbors = readFileSync(`${root}fixtures/c/structs/MIB_IPNET_ROW2/ipnet-realistic.bin`);
const connection = (struct, name) => readFileSync(`${root}fixtures/c/structs/${struct}/${name}-realistic.bin`);
// GetAdaptersAddresses' list as C built it on x64 (fixtures/c/adapters.c), with the addresses its pointers are taken against.
const adapterList = readFileSync(`${root}fixtures/c/adapters/x64/realistic.bin`);
const adapterListAt = JSON.parse(readFileSync(`${root}fixtures/c/adapters/x64/realistic.json`, 'utf8'));

/** The image path of each process that owns a captured connection, as the capturing side saw it (null: Windows refused). */
const processes = new Map([
  [0, null], // the System Idle Process (a time-wait connection has no owner any more)
  [4, null], // System
  [1056, 'C:\\Windows\\System32\\svchost.exe'],
  [1234, 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'],
  [1468, 'C:\\Windows\\System32\\svchost.exe'],
  [2345, 'C:\\Windows\\System32\\svchost.exe'],
  [2876, 'C:\\Windows\\System32\\svchost.exe'],
  [3016, 'C:\\Windows\\System32\\svchost.exe'],
  [3456, 'C:\\Windows\\System32\\dns.exe'],
  [4321, 'C:\\Program Files\\PostgreSQL\\16\\bin\\postgres.exe'],
  [5678, 'C:\\Program Files\\nodejs\\node.exe'],
  [6012, 'C:\\Users\\dev\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe'],
  [7890, 'C:\\Program Files\\Mozilla Firefox\\firefox.exe'],
  [9012, null], // a protected process
]);

/** NET_LUID → names: IfType is bits 48–63, NetLuidIndex bits 24–47. */
const luid = (ifType, index) => (BigInt(ifType) << 48n) | (BigInt(index) << 24n);
const interfaces = new Map([
  [luid(24, 0), { alias: 'Loopback Pseudo-Interface 1', name: 'loopback_0' }],
  [luid(6, 1), { alias: 'Ethernet', name: 'ethernet_32769' }],
  [luid(71, 2), { alias: 'Wi-Fi', name: 'wireless_32768' }],
  [luid(6, 3), { alias: 'Ethernet 2', name: 'ethernet_32770' }],
  [luid(131, 4), { alias: 'Teredo Tunneling Pseudo-Interface', name: 'tunnel_32768' }],
  [luid(53, 5), { alias: 'wg0', name: 'iftype53_32768' }],
  [luid(131, 6), { alias: 'isatap.{8A1F5C2E-3B7D-4E19-9C6A-2F0D1B4E7A93}', name: 'tunnel_32769' }],
]);

export function exampleCapture() {
  return encodeCaptureTables(
    [
      { struct: 'MIB_IPINTERFACE_ROW', bytes: table },
      { struct: 'MIB_IF_ROW2', bytes: adapters },
      { struct: 'MIB_UNICASTIPADDRESS_ROW', bytes: addresses },
      { struct: 'MIB_IPFORWARD_ROW2', bytes: routes },
      { struct: 'MIB_IPNET_ROW2', bytes: neighbors },
      { struct: 'MIB_TCPROW_OWNER_PID', bytes: connection('MIB_TCPROW_OWNER_PID', 'tcp') },
      { struct: 'MIB_TCP6ROW_OWNER_PID', bytes: connection('MIB_TCP6ROW_OWNER_PID', 'tcp6') },
      { struct: 'MIB_UDPROW_OWNER_PID', bytes: connection('MIB_UDPROW_OWNER_PID', 'udp') },
      { struct: 'MIB_UDP6ROW_OWNER_PID', bytes: connection('MIB_UDP6ROW_OWNER_PID', 'udp6') },
      { struct: 'IP_ADAPTER_ADDRESSES_LH', bytes: adapterList, arch: 'x64', base: BigInt(adapterListAt.base), head: BigInt(adapterListAt.head) },
    ],
    {
    family: 'all',
    arch: 'x64',
    capturedAt: new Date('2026-11-24T09:00:00.000Z'),
    system: 'win32 10.0.22631 x64 (synthetic: rows made by fixtures/c/tables.c)',
    writer: 'ipinterface scripts/make-example-capture.mjs',
    interfaces,
    processes,
    },
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(`${root}examples/laptop.ipcap`, exampleCapture());
  console.log('wrote examples/laptop.ipcap');
}
