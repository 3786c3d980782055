// Runs inside Windows Node under Wine against the stand-in iphlpapi.dll: one
// table call of a SCENARIO table, median ns per call over ROUNDS rounds.
// Usage: node.exe e2e.cjs OUTPUT.json SCENARIO CALLS ROUNDS [TABLE]
// TABLE is `ipinterface` (getIpInterfaceTable, the default) or `if2` (getIfTable2).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const [out, scenario, calls, rounds, table = 'ipinterface'] = process.argv.slice(2);
const koffi = require('koffi');
const root = path.join(__dirname, '..', '..');
const pkg = require(path.join(root, 'dist', 'index.js'));
const { decodeIpInterfaceTableUnchecked } = require(path.join(root, 'dist', 'decode.js'));
const { readTable } = require(path.join(root, 'dist', 'struct', 'define.js'));
const { MIB_IF_ROW2 } = require(path.join(root, 'dist', 'structs', 'mib-if-row2.js'));
const lib = koffi.load('iphlpapi.dll');
if (lib.func('__stdcall', 'StandinSetScenario', 'int', ['str'])(scenario) !== 0) throw new Error('scenario');

function median(fn, n, r) {
  const samples = [];
  for (let round = -1; round < r; round++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    const ns = Number(process.hrtime.bigint() - t0) / n;
    if (round >= 0) samples.push(ns);
  }
  samples.sort((a, b) => a - b);
  return { nsPerCall: samples[Math.floor(samples.length / 2)], minNsPerCall: samples[0] };
}

async function medianAsync(fn, n, r) {
  const samples = [];
  for (let round = -1; round < r; round++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await fn();
    const ns = Number(process.hrtime.bigint() - t0) / n;
    if (round >= 0) samples.push(ns);
  }
  samples.sort((a, b) => a - b);
  return { nsPerCall: samples[Math.floor(samples.length / 2)], minNsPerCall: samples[0] };
}

const FreeMibTable = lib.func('__stdcall', 'FreeMibTable', 'void', ['void *']);
const tables = {
  ipinterface: () => {
    const GetIpInterfaceTable = lib.func('__stdcall', 'GetIpInterfaceTable', 'uint32_t', ['uint16_t', koffi.out(koffi.pointer('void *'))]);
    return {
      sync: () => pkg.getIpInterfaceTable(),
      async: () => pkg.getIpInterfaceTableAsync(),
      // The raw path: the same native call, copy and free, without zod (what the package does minus validation).
      raw: () => {
        const p = [null];
        GetIpInterfaceTable(0, p);
        try {
          const count = koffi.decode(p[0], 'uint32_t');
          return decodeIpInterfaceTableUnchecked(koffi.decode(p[0], 'uint8_t', 8 + count * 168));
        } finally {
          FreeMibTable(p[0]);
        }
      },
    };
  },
  if2: () => {
    const GetIfTable2 = lib.func('__stdcall', 'GetIfTable2', 'uint32_t', [koffi.out(koffi.pointer('void *'))]);
    return {
      sync: () => pkg.getIfTable2(),
      async: () => pkg.getIfTable2Async(),
      // The same native call, copy and free, then readTable without validation.
      raw: () => {
        const p = [null];
        GetIfTable2(p);
        try {
          const count = koffi.decode(p[0], 'uint32_t');
          return readTable(MIB_IF_ROW2, koffi.decode(p[0], 'uint8_t', 8 + count * 1352));
        } finally {
          FreeMibTable(p[0]);
        }
      },
    };
  },
};

(async () => {
  if (!(table in tables)) throw new Error(`unknown table ${table}`);
  const n = Number(calls);
  const r = Number(rounds);
  const t = tables[table]();
  const rows = t.sync().length;
  if (t.raw().length !== rows) throw new Error('raw path disagrees on the row count');
  const result = {
    table,
    rows,
    sync: median(t.sync, n, r),
    noValidation: median(t.raw, n, r),
    async: await medianAsync(t.async, Math.max(1, Math.floor(n / 10)), r),
  };
  fs.writeFileSync(out, JSON.stringify(result));
})();
