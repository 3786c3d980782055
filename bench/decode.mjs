#!/usr/bin/env node
// Decode throughput, all methods in one run, reported as ns/row and as ratios
// to (a). These machines are noisy: compare the ratios, not absolute numbers.
//
//   npm run bench                 table
//   npm run bench -- --json       machine-readable
//
// (a) hand-written DataView read of every field, no validation (offsets from
//     the C compiler's fixtures/c/layout.json, written out by hand)
// (b) this package's stride decoder without validation (decodeIpInterfaceTableUnchecked)
// (c) the full public path: decode + zod validation of every row (decodeIpInterfaceTable)
// (d) koffi.decode(pointer, offset, RowStruct, n) of the struct array from native memory
// (e) (b) followed by the full exported ipInterfaceRowSchema on every row (what a
//     consumer pays to re-validate rows received over IPC)
//
// Tables: rows of the C-made fixtures/c/tables/realistic.bin repeated to 64 and
// 10,000 rows (bytes copied at the stride, so padding stays 0xCC garbage).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const koffi = require('koffi');
const { decodeIpInterfaceTable, ipInterfaceRowSchema } = require('ipinterface');
const { decodeIpInterfaceTableUnchecked } = require(`${root}dist/decode.js`);
const { koffiTypes } = require(`${root}dist/struct/koffi.js`);
const { MIB_IPINTERFACE_ROW } = require(`${root}dist/structs/mib-ipinterface-row.js`);

const json = process.argv.includes('--json');
const c = JSON.parse(readFileSync(`${root}fixtures/c/layout.json`, 'utf8'));
const seed = readFileSync(`${root}fixtures/c/tables/realistic.bin`);
const STRIDE = c.row.size;
const FIRST = c.table.firstRowOffset;

function makeTable(rows) {
  const seedRows = seed.readUInt32LE(0);
  const out = Buffer.alloc(FIRST + rows * STRIDE, 0xcc);
  out.writeUInt32LE(rows, 0);
  for (let i = 0; i < rows; i++) {
    const from = FIRST + (i % seedRows) * STRIDE;
    seed.copy(out, FIRST + i * STRIDE, from, from + STRIDE);
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

// (a) The baseline: the simplest correct hand-written DataView reader.
const off = Object.fromEntries(c.fields.map((f) => [f.name, f.offset]));
const offload = (b) => ({
  nlChecksumSupported: (b & 1) !== 0, nlOptionsSupported: (b & 2) !== 0, tlDatagramChecksumSupported: (b & 4) !== 0,
  tlStreamChecksumSupported: (b & 8) !== 0, tlStreamOptionsSupported: (b & 16) !== 0, fastPathCompatible: (b & 32) !== 0,
  tlLargeSendOffloadSupported: (b & 64) !== 0, tlGiantSendOffloadSupported: (b & 128) !== 0,
});
const RD = { 0: 'disabled', 1: 'enabled', 2: 'dhcp', [-1]: 'unchanged' };
const LL = { 0: 'always-off', 1: 'delayed', 2: 'always-on', [-1]: 'unchanged' };
function handWritten(bytes) {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = v.getUint32(0, true);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const b = FIRST + i * STRIDE;
    const zones = [];
    for (let z = 0; z < 16; z++) zones.push(v.getUint32(b + off.ZoneIndices + 4 * z, true));
    const fam = v.getUint16(b + off.Family, true);
    rows.push({
      family: fam === 2 ? 'ipv4' : fam === 23 ? 'ipv6' : fam,
      interfaceLuid: v.getBigUint64(b + off.InterfaceLuid, true),
      interfaceIndex: v.getUint32(b + off.InterfaceIndex, true),
      maxReassemblySize: v.getUint32(b + off.MaxReassemblySize, true),
      interfaceIdentifier: v.getBigUint64(b + off.InterfaceIdentifier, true),
      minRouterAdvertisementInterval: v.getUint32(b + off.MinRouterAdvertisementInterval, true),
      maxRouterAdvertisementInterval: v.getUint32(b + off.MaxRouterAdvertisementInterval, true),
      advertisingEnabled: v.getUint8(b + off.AdvertisingEnabled) !== 0,
      forwardingEnabled: v.getUint8(b + off.ForwardingEnabled) !== 0,
      weakHostSend: v.getUint8(b + off.WeakHostSend) !== 0,
      weakHostReceive: v.getUint8(b + off.WeakHostReceive) !== 0,
      useAutomaticMetric: v.getUint8(b + off.UseAutomaticMetric) !== 0,
      useNeighborUnreachabilityDetection: v.getUint8(b + off.UseNeighborUnreachabilityDetection) !== 0,
      managedAddressConfigurationSupported: v.getUint8(b + off.ManagedAddressConfigurationSupported) !== 0,
      otherStatefulConfigurationSupported: v.getUint8(b + off.OtherStatefulConfigurationSupported) !== 0,
      advertiseDefaultRoute: v.getUint8(b + off.AdvertiseDefaultRoute) !== 0,
      routerDiscoveryBehavior: RD[v.getInt32(b + off.RouterDiscoveryBehavior, true)],
      dadTransmits: v.getUint32(b + off.DadTransmits, true),
      baseReachableTime: v.getUint32(b + off.BaseReachableTime, true),
      retransmitTime: v.getUint32(b + off.RetransmitTime, true),
      pathMtuDiscoveryTimeout: v.getUint32(b + off.PathMtuDiscoveryTimeout, true),
      linkLocalAddressBehavior: LL[v.getInt32(b + off.LinkLocalAddressBehavior, true)],
      linkLocalAddressTimeout: v.getUint32(b + off.LinkLocalAddressTimeout, true),
      zoneIndices: zones,
      sitePrefixLength: v.getUint32(b + off.SitePrefixLength, true),
      metric: v.getUint32(b + off.Metric, true),
      nlMtu: v.getUint32(b + off.NlMtu, true),
      connected: v.getUint8(b + off.Connected) !== 0,
      supportsWakeUpPatterns: v.getUint8(b + off.SupportsWakeUpPatterns) !== 0,
      supportsNeighborDiscovery: v.getUint8(b + off.SupportsNeighborDiscovery) !== 0,
      supportsRouterDiscovery: v.getUint8(b + off.SupportsRouterDiscovery) !== 0,
      reachableTime: v.getUint32(b + off.ReachableTime, true),
      transmitOffload: offload(v.getUint8(b + off.TransmitOffload)),
      receiveOffload: offload(v.getUint8(b + off.ReceiveOffload)),
      disableDefaultRoutes: v.getUint8(b + off.DisableDefaultRoutes) !== 0,
    });
  }
  return rows;
}

// (d) koffi.decode of the struct array, from native memory.
const { row: RowStruct } = koffiTypes(MIB_IPINTERFACE_ROW);
function nativeCopy(bytes) {
  const ptr = koffi.alloc('uint8_t', bytes.length);
  koffi.encode(ptr, 'uint8_t', Array.from(bytes), bytes.length);
  return ptr;
}

const methods = [
  ['a', 'hand-written DataView, no validation', (t) => handWritten(t.bytes)],
  ['b', 'ipinterface decoder, no validation', (t) => decodeIpInterfaceTableUnchecked(t.bytes)],
  ['c', 'ipinterface decode + zod (public path)', (t) => decodeIpInterfaceTable(t.bytes)],
  ['d', 'koffi.decode(ptr, 8, RowStruct, n)', (t) => koffi.decode(t.ptr, FIRST, RowStruct, t.rows)],
  ['e', '(b) + the full ipInterfaceRowSchema per row', (t) => decodeIpInterfaceTableUnchecked(t.bytes).map((r) => ipInterfaceRowSchema.parse(r))],
];

/** Median of `rounds` timings per method, methods interleaved so drift hits all alike. */
function measure(table, budgetRows) {
  const iterations = Math.max(3, Math.round(budgetRows / table.rows));
  const samples = methods.map(() => []);
  for (const [, , fn] of methods) for (let i = 0; i < iterations; i++) fn(table); // warm up
  for (let round = 0; round < 9; round++) {
    methods.forEach(([, , fn], m) => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < iterations; i++) fn(table);
      samples[m].push(Number(process.hrtime.bigint() - start) / (iterations * table.rows));
    });
  }
  return samples.map((s) => s.sort((x, y) => x - y)[Math.floor(s.length / 2)]);
}

// Sanity: every method decodes the same values (the koffi one with C names).
const check = makeTable(64);
const ref = JSON.stringify(handWritten(check), (_, v) => (typeof v === 'bigint' ? v.toString() : v));
for (const fn of [decodeIpInterfaceTableUnchecked, decodeIpInterfaceTable]) {
  if (JSON.stringify(fn(check), (_, v) => (typeof v === 'bigint' ? v.toString() : v)) !== ref) throw new Error('decoders disagree');
}

const results = [];
for (const rows of [64, 10_000]) {
  const bytes = makeTable(rows);
  const table = { rows, bytes, ptr: nativeCopy(bytes) };
  const ns = measure(table, 100_000);
  koffi.free(table.ptr);
  methods.forEach(([id, label], m) => results.push({ rows, method: id, label, nsPerRow: ns[m], ratioToA: ns[m] / ns[0] }));
}

if (json) {
  console.log(JSON.stringify({ node: process.version, arch: process.arch, results }, null, 2));
} else {
  console.log(`decode benchmark — node ${process.version} ${process.arch}; median of 9 interleaved rounds\n`);
  for (const rows of [64, 10_000]) {
    console.log(`${rows} rows`);
    for (const r of results.filter((x) => x.rows === rows)) {
      console.log(`  (${r.method}) ${r.label.padEnd(42)} ${r.nsPerRow.toFixed(0).padStart(6)} ns/row  ${r.ratioToA.toFixed(2).padStart(6)}x (a)`);
    }
  }
}
