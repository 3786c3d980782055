// Runs inside Windows Node under Wine against the stand-in iphlpapi.dll: one table's public
// function (getIpInterfaceTable(), getIfTable2(), getUnicastIpAddressTable(), …) against the
// same native calls made through koffi directly, each table copied with koffi.decode, freed
// with FreeMibTable and read by a hand-written DataView reader (bench/hand-readers.cjs): the
// least any JavaScript caller can do. The caller-allocated tables (getTcpTable(), getUdpTable())
// are asked their size, filled into a Buffer (retried while they grow) and read there: no copy, no free. Median ns per call over ROUNDS rounds, the two
// alternating, plus where the package's time goes (native call, copy, read, validate).
// Usage: node.exe e2e.cjs OUTPUT.json TABLE SCENARIO CALLS ROUNDS
// TABLE: ipInterfaces | adapters | unicastAddresses | routes | neighbors | tcp | udp.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const [out, tableName, scenario, calls, rounds] = process.argv.slice(2);
const koffi = require('koffi');
const root = path.join(__dirname, '..', '..');
const pkg = require(path.join(root, 'dist', 'index.js'));
const hand = require(path.join(root, 'bench', 'hand-readers.cjs'));
const { readTable, STRUCTS, TABLES: REGISTRY } = pkg._internal;
const lib = koffi.load('iphlpapi.dll');
if (lib.func('__stdcall', 'StandinSetScenario', 'int', ['str'])(scenario) !== 0) throw new Error(`scenario ${scenario}`);

// What each table is, spelled out here (not taken from the package): its function, how 'all'
// asks it (one AF_UNSPEC call, each family, or no family at all), its row stride, the package's
// function and decoder.
const TABLES = {
  ipInterfaces: { fn: 'GetIpInterfaceTable', families: [0], stride: 168, struct: 'MIB_IPINTERFACE_ROW', get: 'getIpInterfaceTable', decode: 'decodeIpInterfaceTable' },
  adapters: { fn: 'GetIfTable2', families: [null], stride: 1352, struct: 'MIB_IF_ROW2', get: 'getIfTable2', decode: 'decodeIfTable2' },
  unicastAddresses: { fn: 'GetUnicastIpAddressTable', families: [2, 23], stride: 80, struct: 'MIB_UNICASTIPADDRESS_ROW', get: 'getUnicastIpAddressTable', decode: 'decodeUnicastIpAddressTable' },
  routes: { fn: 'GetIpForwardTable2', families: [2, 23], stride: 104, struct: 'MIB_IPFORWARD_ROW2', get: 'getIpForwardTable2', decode: 'decodeIpForwardTable2' },
  neighbors: { fn: 'GetIpNetTable2', families: [2, 23], stride: 88, struct: 'MIB_IPNET_ROW2', get: 'getIpNetTable2', decode: 'decodeIpNetTable2' },
  // Caller-allocated: TCP_TABLE_OWNER_PID_ALL (5), UDP_TABLE_OWNER_PID (1); a struct per family, the rows after a DWORD count.
  tcp: { fn: 'GetExtendedTcpTable', tableClass: 5, families: [2, 23], struct: { 2: 'MIB_TCPROW_OWNER_PID', 23: 'MIB_TCP6ROW_OWNER_PID' }, get: 'getTcpTable', decode: 'decodeTcpTable' },
  udp: { fn: 'GetExtendedUdpTable', tableClass: 1, families: [2, 23], struct: { 2: 'MIB_UDPROW_OWNER_PID', 23: 'MIB_UDP6ROW_OWNER_PID' }, get: 'getUdpTable', decode: 'decodeUdpTable' },
};
const t = TABLES[tableName];
if (!t) throw new Error(`unknown table ${tableName}`);
const structName = (family) => (typeof t.struct === 'string' ? t.struct : t.struct[family]);
const FAMILY_NAME = { 2: 'ipv4', 23: 'ipv6' };

/**
 * A table as raw bytes, without the package: `fetch(family)` makes the native calls and gives
 * { bytes, release } (bytes readable until release()); `callOnly(family)` makes them and keeps nothing.
 */
const raw = t.tableClass ? callerAllocated() : systemAllocated();

function systemAllocated() {
  const out2 = koffi.out(koffi.pointer('void *'));
  const get = t.families[0] === null ? lib.func('__stdcall', t.fn, 'uint32_t', [out2]) : lib.func('__stdcall', t.fn, 'uint32_t', ['uint16_t', out2]);
  const FreeMibTable = lib.func('__stdcall', 'FreeMibTable', 'void', ['void *']);
  const callNative = (family, p) => (family === null ? get(p) : get(family, p));
  const call = (family) => {
    const p = [null];
    const status = callNative(family, p);
    if (status !== 0) {
      if (p[0]) FreeMibTable(p[0]);
      throw new Error(`${t.fn}(${family}) returned ${status}`);
    }
    return p[0];
  };
  return {
    fetch(family) {
      const p = call(family);
      const count = koffi.decode(p, 'uint32_t');
      return { pointer: p, bytes: () => koffi.decode(p, 'uint8_t', 8 + count * t.stride), release: () => FreeMibTable(p) };
    },
    callOnly: (family) => FreeMibTable(call(family)),
  };
}

function callerAllocated() {
  const get = lib.func('__stdcall', t.fn, 'uint32_t', ['void *', 'void *', 'int', 'uint32_t', 'int', 'uint32_t']);
  const call = (family) => {
    const size = new Uint32Array(1);
    let status = get(null, size, 0, family, t.tableClass, 0);
    let buffer = null;
    for (let attempt = 0; attempt < 5 && status === 122; attempt++) {
      buffer = Buffer.allocUnsafe(size[0]);
      status = get(buffer, size, 0, family, t.tableClass, 0);
    }
    if (status !== 0) throw new Error(`${t.fn}(${family}) returned ${status}`);
    return buffer;
  };
  return {
    fetch(family) {
      const buffer = call(family);
      return { bytes: () => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), release() {} };
    },
    callOnly: (family) => void call(family),
  };
}

/** The same native calls, copied and freed, read by the hand-written reader. */
function handPath() {
  let rows = [];
  for (const family of t.families) {
    const table = raw.fetch(family);
    try {
      const part = hand[structName(family)](table.bytes());
      rows = rows.length === 0 ? part : rows.concat(part);
    } finally {
      table.release();
    }
  }
  return rows;
}
const packagePath = t.tableClass ? () => pkg[t.get]('all') : () => pkg[t.get]();

/** Only the native calls and frees, no copy. */
function nativeOnly() {
  for (const family of t.families) raw.callOnly(family);
}

/** The native calls, copied and freed, not read. */
function nativeAndCopy() {
  for (const family of t.families) {
    const table = raw.fetch(family);
    table.bytes();
    table.release();
  }
}

const { median, paired, timeOf } = require('./paired.cjs');

const n = Number(calls);
const r = Number(rounds);
const rows = packagePath().length;
if (handPath().length !== rows) throw new Error('the hand path disagrees with the package on the row count');
const toJson = (x) => JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
if (toJson(handPath()) !== toJson(packagePath())) throw new Error('the hand path and the package read different rows');

// The package and the hand path, alternating, the ratio paired per round (./paired.cjs).
const timing = paired(packagePath, handPath, n, r);

// Where the package's time goes: each step alone, over tables held for the purpose.
const held = t.families.map((family) => raw.fetch(family));
const copies = held.map((table) => table.bytes());
const structOf = (i) => STRUCTS.find((s) => s.name === structName(t.families[i]));
const read = () => copies.map((bytes, i) => readTable(structOf(i), bytes));
const readRows = read();
const decodeOne = t.tableClass ? (bytes, i) => pkg[t.decode](bytes, FAMILY_NAME[t.families[i]]) : (bytes) => pkg[t.decode](bytes);
const registered = REGISTRY.find((x) => x.struct.name === structName(t.families[0]));
const steps = (label, fn) => [label, median(Array.from({ length: r }, () => timeOf(fn, n)))];
const breakdown = Object.fromEntries([
  steps('nativeCall', nativeOnly),
  // A caller-allocated table is filled in place: no copy.
  steps('copy', () => held.map((table) => table.bytes())),
  steps('read', read),
  steps('readAndValidate', () => copies.map(decodeOne)),
  // For comparison: the hand reader over the same copies, and the package's call + copy + free (its table-call helper) without decoding.
  steps('handRead', () => copies.map((bytes, i) => hand[structName(t.families[i])](bytes))),
  steps('packageCallAndCopy', () => registered.tables('all')),
]);
for (const table of held) table.release();
breakdown.validate = Math.max(0, breakdown.readAndValidate - breakdown.read);
breakdown.handNativeCallAndCopy = median(Array.from({ length: r }, () => timeOf(() => held.length && nativeAndCopy(), n)));
if (readRows.flat().length !== rows) throw new Error('the breakdown read another row count');

fs.writeFileSync(out, JSON.stringify({ table: tableName, scenario, rows, ...timing, breakdown }));
