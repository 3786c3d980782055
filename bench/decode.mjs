#!/usr/bin/env node
// Decode throughput, all methods in one run, reported as ns/row and as ratios
// to (a), for MIB_IPINTERFACE_ROW and MIB_IF_ROW2. These machines are noisy:
// compare the ratios, not absolute numbers.
//
//   npm run bench                 table
//   npm run bench -- --json       machine-readable
//
// (a) hand-written DataView read of every field, no validation (offsets from
//     the C compiler's fixtures/c/layout.json, written out by hand)
// (b) this package's stride decoder without validation (decodeIpInterfaceTableUnchecked)
// (c) the full public path: decode + validation of every row (decodeIpInterfaceTable: the
//     decoded-row check, zod only for a row it rejects)
// (d) koffi.decode(pointer, offset, RowStruct, n) of the struct array from native memory
// (e) (b) followed by the full exported ipInterfaceRowSchema on every row (what a
//     consumer pays to re-validate rows received over IPC)
// (i) (b) with the interpreted reader: what decoding costs where code generation from
//     strings is refused (--disallow-code-generation-from-strings, a strict CSP)
//
// The same five methods for MIB_IF_ROW2: (a) a hand-written DataView reader with
// offsets from MinGW's offsetof, (b) readTable(MIB_IF_ROW2, bytes), (c)
// decodeIfTable2, (d) koffi.decode, (e) (b) + ifRow2Schema.parse per row.
//
// And the same five for MIB_UNICASTIPADDRESS_ROW, MIB_IPFORWARD_ROW2 and
// MIB_IPNET_ROW2: (a) a hand-written DataView reader (offsets from MinGW's
// offsetof, its own RFC 5952 formatter), (b) readTable(STRUCT, bytes), (c)
// decodeUnicastIpAddressTable / decodeIpForwardTable2 / decodeIpNetTable2, (d)
// koffi.decode, (e) (b) + unicastIpAddressRowSchema / ipForwardRow2Schema /
// ipNetRow2Schema.parse per row.
//
// And for the four connection rows (MIB_TCPROW_OWNER_PID, MIB_TCP6ROW_OWNER_PID,
// MIB_UDPROW_OWNER_PID, MIB_UDP6ROW_OWNER_PID): (a) a hand-written DataView reader,
// (b) readTable, (c) decodeTcpTable / decodeUdpTable (bytes, family), (d) koffi.decode,
// (e) (b) + tcpRowSchema / udpRowSchema.parse per row. Their tables hold the rows after
// a DWORD count (first row at 4) and are repeated from fixtures/c/structs/<STRUCT>/*-realistic.bin.
//
// Tables: rows of the C-made fixtures/c/tables/realistic.bin (MIB_IPINTERFACE_ROW)
// and fixtures/c/structs/<STRUCT>/{if2,unicast,forward,ipnet}-realistic.bin repeated
// to 64 and 10,000 rows (bytes copied at the stride, so padding and the unused
// bytes of SOCKADDR_INET unions stay 0xCC garbage).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const koffi = require('koffi');
const {
  decodeIpInterfaceTable,
  ipInterfaceRowSchema,
  decodeIfTable2,
  ifRow2Schema,
  decodeUnicastIpAddressTable,
  unicastIpAddressRowSchema,
  decodeIpForwardTable2,
  ipForwardRow2Schema,
  decodeIpNetTable2,
  ipNetRow2Schema,
  decodeTcpTable,
  tcpRowSchema,
  decodeUdpTable,
  udpRowSchema,
} = require('ipinterface');
const internal = require('ipinterface')._internal;
const { decodeIpInterfaceTableUnchecked, koffiTypes, readTable, MIB_IPINTERFACE_ROW, MIB_IF_ROW2, MIB_UNICASTIPADDRESS_ROW, MIB_IPFORWARD_ROW2, MIB_IPNET_ROW2 } =
  internal;

const json = process.argv.includes('--json');
const c = JSON.parse(readFileSync(`${root}fixtures/c/layout.json`, 'utf8'));
const ipSeed = readFileSync(`${root}fixtures/c/tables/realistic.bin`);
const IP_STRIDE = c.row.size;
const IP_FIRST = c.table.firstRowOffset;

function makeTable(rows, seed = ipSeed, FIRST = IP_FIRST, STRIDE = IP_STRIDE) {
  const seedRows = seed.readUInt32LE(0);
  const out = Buffer.alloc(FIRST + rows * STRIDE, 0xcc);
  out.writeUInt32LE(rows, 0);
  for (let i = 0; i < rows; i++) {
    const from = FIRST + (i % seedRows) * STRIDE;
    seed.copy(out, FIRST + i * STRIDE, from, from + STRIDE);
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

// (a) The baseline: the hand-written DataView readers (bench/hand-readers.cjs), offsets written out by hand.
const hand = require('./hand-readers.cjs');
const handWritten = hand.MIB_IPINTERFACE_ROW;
const handWrittenIf2 = hand.MIB_IF_ROW2;
const handWrittenUnicast = hand.MIB_UNICASTIPADDRESS_ROW;
const handWrittenForward = hand.MIB_IPFORWARD_ROW2;
const handWrittenIpnet = hand.MIB_IPNET_ROW2;
const IF2_STRIDE = 1352;
const IF2_FIRST = 8;
const if2Seed = readFileSync(`${root}fixtures/c/structs/MIB_IF_ROW2/if2-realistic.bin`);
const NET_FIRST = 8;
const UNICAST_STRIDE = 80;
const FORWARD_STRIDE = 104;
const IPNET_STRIDE = 88;
const netSeed = (file) => readFileSync(`${root}fixtures/c/structs/${file}`);
const unicastSeed = netSeed('MIB_UNICASTIPADDRESS_ROW/unicast-realistic.bin');
const forwardSeed = netSeed('MIB_IPFORWARD_ROW2/forward-realistic.bin');
const ipnetSeed = netSeed('MIB_IPNET_ROW2/ipnet-realistic.bin');

// (d) koffi.decode of the struct array, from native memory.
const { row: IpRowStruct } = koffiTypes(MIB_IPINTERFACE_ROW);
const { row: If2RowStruct } = koffiTypes(MIB_IF_ROW2);
const { row: UnicastRowStruct } = koffiTypes(MIB_UNICASTIPADDRESS_ROW);
const { row: ForwardRowStruct } = koffiTypes(MIB_IPFORWARD_ROW2);
const { row: IpnetRowStruct } = koffiTypes(MIB_IPNET_ROW2);
function nativeCopy(bytes) {
  const ptr = koffi.alloc('uint8_t', bytes.length);
  koffi.encode(ptr, 'uint8_t', Array.from(bytes), bytes.length);
  return ptr;
}

/** A connection row's bench entry: its table is a DWORD count then the rows (first row at 4). */
function connectionRows(struct, file, stride, decode, decodeLabel, schema, schemaLabel) {
  const decl = internal[struct];
  const seed = netSeed(`${struct}/${file}`);
  const { row } = koffiTypes(decl);
  return {
    struct,
    make: (rows) => makeTable(rows, seed, CONNECTION_FIRST, stride),
    budgetRows: 200_000,
    fixtures: { dir: struct, decl },
    methods: [
      ['a', 'hand-written DataView, no validation', (t) => hand[struct](t.bytes)],
      ['b', `readTable(${struct}), no validation`, (t) => readTable(decl, t.bytes)],
      ['i', '(b) interpreted (no code generation)', (t) => readTable(decl, t.bytes, 'interpreted')],
      ['c', `${decodeLabel} (public path)`, (t) => decode(t.bytes)],
      ['d', 'koffi.decode(ptr, 4, RowStruct, n)', (t) => koffi.decode(t.ptr, CONNECTION_FIRST, row, t.rows)],
      ['e', `(b) + the full ${schemaLabel} per row`, (t) => readTable(decl, t.bytes).map((r) => schema.parse(r))],
    ],
  };
}
const CONNECTION_FIRST = 4;

const structs = [
  {
    struct: 'MIB_IPINTERFACE_ROW',
    make: (rows) => makeTable(rows),
    budgetRows: 100_000,
    methods: [
      ['a', 'hand-written DataView, no validation', (t) => handWritten(t.bytes)],
      ['b', 'ipinterface decoder, no validation', (t) => decodeIpInterfaceTableUnchecked(t.bytes)],
      ['i', '(b) interpreted (no code generation)', (t) => readTable(MIB_IPINTERFACE_ROW, t.bytes, 'interpreted')],
      ['c', 'decodeIpInterfaceTable (public path: read + validate)', (t) => decodeIpInterfaceTable(t.bytes)],
      ['d', 'koffi.decode(ptr, 8, RowStruct, n)', (t) => koffi.decode(t.ptr, IP_FIRST, IpRowStruct, t.rows)],
      ['e', '(b) + the full ipInterfaceRowSchema per row', (t) => decodeIpInterfaceTableUnchecked(t.bytes).map((r) => ipInterfaceRowSchema.parse(r))],
    ],
  },
  {
    struct: 'MIB_IF_ROW2',
    make: (rows) => makeTable(rows, if2Seed, IF2_FIRST, IF2_STRIDE),
    budgetRows: 40_000,
    methods: [
      ['a', 'hand-written DataView, no validation', (t) => handWrittenIf2(t.bytes)],
      ['b', 'readTable(MIB_IF_ROW2), no validation', (t) => readTable(MIB_IF_ROW2, t.bytes)],
      ['i', '(b) interpreted (no code generation)', (t) => readTable(MIB_IF_ROW2, t.bytes, 'interpreted')],
      ['c', 'decodeIfTable2 (public path)', (t) => decodeIfTable2(t.bytes)],
      ['d', 'koffi.decode(ptr, 8, RowStruct, n)', (t) => koffi.decode(t.ptr, IF2_FIRST, If2RowStruct, t.rows)],
      ['e', '(b) + the full ifRow2Schema per row', (t) => readTable(MIB_IF_ROW2, t.bytes).map((r) => ifRow2Schema.parse(r))],
    ],
  },
  {
    struct: 'MIB_UNICASTIPADDRESS_ROW',
    make: (rows) => makeTable(rows, unicastSeed, NET_FIRST, UNICAST_STRIDE),
    budgetRows: 100_000,
    fixtures: { dir: 'MIB_UNICASTIPADDRESS_ROW', decl: MIB_UNICASTIPADDRESS_ROW },
    methods: [
      ['a', 'hand-written DataView, no validation', (t) => handWrittenUnicast(t.bytes)],
      ['b', 'readTable(MIB_UNICASTIPADDRESS_ROW), no validation', (t) => readTable(MIB_UNICASTIPADDRESS_ROW, t.bytes)],
      ['i', '(b) interpreted (no code generation)', (t) => readTable(MIB_UNICASTIPADDRESS_ROW, t.bytes, 'interpreted')],
      ['c', 'decodeUnicastIpAddressTable (public path)', (t) => decodeUnicastIpAddressTable(t.bytes)],
      ['d', 'koffi.decode(ptr, 8, RowStruct, n)', (t) => koffi.decode(t.ptr, NET_FIRST, UnicastRowStruct, t.rows)],
      ['e', '(b) + the full unicastIpAddressRowSchema per row', (t) => readTable(MIB_UNICASTIPADDRESS_ROW, t.bytes).map((r) => unicastIpAddressRowSchema.parse(r))],
    ],
  },
  {
    struct: 'MIB_IPFORWARD_ROW2',
    make: (rows) => makeTable(rows, forwardSeed, NET_FIRST, FORWARD_STRIDE),
    budgetRows: 100_000,
    fixtures: { dir: 'MIB_IPFORWARD_ROW2', decl: MIB_IPFORWARD_ROW2 },
    methods: [
      ['a', 'hand-written DataView, no validation', (t) => handWrittenForward(t.bytes)],
      ['b', 'readTable(MIB_IPFORWARD_ROW2), no validation', (t) => readTable(MIB_IPFORWARD_ROW2, t.bytes)],
      ['i', '(b) interpreted (no code generation)', (t) => readTable(MIB_IPFORWARD_ROW2, t.bytes, 'interpreted')],
      ['c', 'decodeIpForwardTable2 (public path)', (t) => decodeIpForwardTable2(t.bytes)],
      ['d', 'koffi.decode(ptr, 8, RowStruct, n)', (t) => koffi.decode(t.ptr, NET_FIRST, ForwardRowStruct, t.rows)],
      ['e', '(b) + the full ipForwardRow2Schema per row', (t) => readTable(MIB_IPFORWARD_ROW2, t.bytes).map((r) => ipForwardRow2Schema.parse(r))],
    ],
  },
  {
    struct: 'MIB_IPNET_ROW2',
    make: (rows) => makeTable(rows, ipnetSeed, NET_FIRST, IPNET_STRIDE),
    budgetRows: 100_000,
    fixtures: { dir: 'MIB_IPNET_ROW2', decl: MIB_IPNET_ROW2 },
    methods: [
      ['a', 'hand-written DataView, no validation', (t) => handWrittenIpnet(t.bytes)],
      ['b', 'readTable(MIB_IPNET_ROW2), no validation', (t) => readTable(MIB_IPNET_ROW2, t.bytes)],
      ['i', '(b) interpreted (no code generation)', (t) => readTable(MIB_IPNET_ROW2, t.bytes, 'interpreted')],
      ['c', 'decodeIpNetTable2 (public path)', (t) => decodeIpNetTable2(t.bytes)],
      ['d', 'koffi.decode(ptr, 8, RowStruct, n)', (t) => koffi.decode(t.ptr, NET_FIRST, IpnetRowStruct, t.rows)],
      ['e', '(b) + the full ipNetRow2Schema per row', (t) => readTable(MIB_IPNET_ROW2, t.bytes).map((r) => ipNetRow2Schema.parse(r))],
    ],
  },
  connectionRows('MIB_TCPROW_OWNER_PID', 'tcp-realistic.bin', 24, (bytes) => decodeTcpTable(bytes, 'ipv4'), 'decodeTcpTable(bytes, \'ipv4\')', tcpRowSchema, 'tcpRowSchema'),
  connectionRows('MIB_TCP6ROW_OWNER_PID', 'tcp6-realistic.bin', 56, (bytes) => decodeTcpTable(bytes, 'ipv6'), 'decodeTcpTable(bytes, \'ipv6\')', tcpRowSchema, 'tcpRowSchema'),
  connectionRows('MIB_UDPROW_OWNER_PID', 'udp-realistic.bin', 12, (bytes) => decodeUdpTable(bytes, 'ipv4'), 'decodeUdpTable(bytes, \'ipv4\')', udpRowSchema, 'udpRowSchema'),
  connectionRows('MIB_UDP6ROW_OWNER_PID', 'udp6-realistic.bin', 28, (bytes) => decodeUdpTable(bytes, 'ipv6'), 'decodeUdpTable(bytes, \'ipv6\')', udpRowSchema, 'udpRowSchema'),
];

/**
 * Per method, the median of 11 rounds' ns/row and the median of its per-round ratios to (a)
 * (paired: both timed in the same round). The methods are interleaved, the first of each round
 * rotating, and each timing starts after a full collection where the process allows one
 * (`--expose-gc`, as `npm run bench` runs it): no method pays for the garbage of the one before.
 */
function measure(methods, table, budgetRows) {
  const iterations = Math.max(3, Math.round(budgetRows / table.rows));
  const samples = methods.map(() => []);
  const ratios = methods.map(() => []);
  for (const [, , fn] of methods) for (let i = 0; i < iterations; i++) fn(table); // warm up
  for (let round = 0; round < 11; round++) {
    const times = [];
    for (let k = 0; k < methods.length; k++) {
      const m = (k + round) % methods.length;
      globalThis.gc?.();
      const start = process.hrtime.bigint();
      for (let i = 0; i < iterations; i++) methods[m][2](table);
      times[m] = Number(process.hrtime.bigint() - start) / (iterations * table.rows);
    }
    times.forEach((t, m) => {
      samples[m].push(t);
      ratios[m].push(t / times[0]);
    });
  }
  const median = (s) => s.sort((x, y) => x - y)[Math.floor(s.length / 2)];
  return { ns: samples.map(median), ratios: ratios.map(median) };
}

// Sanity: every method decodes the same values (the koffi one with C names).
const toJson = (rows) => JSON.stringify(rows, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
for (const { struct, make, methods } of structs) {
  const check = { rows: 64, bytes: make(64) };
  const ref = toJson(methods[0][2](check));
  for (const [id, , fn] of methods) {
    if (id === 'd') continue;
    if (toJson(fn(check)) !== ref) throw new Error(`${struct}: decoders (a) and (${id}) disagree`);
  }
}
// And (a) against readTable on every other C-made fixture of the struct (the -bad- and -truncated ones
// hold rows the public path must reject), both also against the rows C printed.
for (const { struct, methods, fixtures } of structs) {
  if (!fixtures) continue;
  const dir = `${root}fixtures/c/structs/${fixtures.dir}/`;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.bin') && !f.includes('-bad-') && !f.includes('-truncated') && !f.startsWith('write-'))) {
    const bytes = new Uint8Array(readFileSync(dir + file));
    const a = toJson(methods[0][2]({ bytes }));
    if (a !== toJson(readTable(fixtures.decl, bytes))) throw new Error(`${struct} ${file}: (a) and readTable disagree`);
    if (a !== JSON.stringify(JSON.parse(readFileSync(dir + file.replace(/\.bin$/, '.json'), 'utf8')).rows)) {
      throw new Error(`${struct} ${file}: (a) disagrees with the rows C printed`);
    }
  }
}

const results = [];
for (const { struct, make, methods, budgetRows } of structs) {
  for (const rows of [64, 10_000]) {
    const bytes = make(rows);
    const table = { rows, bytes, ptr: nativeCopy(bytes) };
    const { ns, ratios } = measure(methods, table, budgetRows);
    koffi.free(table.ptr);
    methods.forEach(([id, label], m) => results.push({ struct, rows, method: id, label, nsPerRow: ns[m], ratioToA: ratios[m] }));
  }
}

if (json) {
  console.log(JSON.stringify({ node: process.version, arch: process.arch, results }, null, 2));
} else {
  console.log(`decode benchmark — node ${process.version} ${process.arch}; median of 11 interleaved rounds${globalThis.gc ? ', a collection before each timing' : ''}; ratios paired per round`);
  const width = Math.max(...results.map((r) => r.label.length));
  for (const { struct } of structs) {
    for (const rows of [64, 10_000]) {
      console.log(`\n${struct}, ${rows} rows`);
      for (const r of results.filter((x) => x.struct === struct && x.rows === rows)) {
        console.log(`  (${r.method}) ${r.label.padEnd(width)} ${r.nsPerRow.toFixed(0).padStart(6)} ns/row  ${r.ratioToA.toFixed(2).padStart(6)}x (a)`);
      }
    }
  }
}
