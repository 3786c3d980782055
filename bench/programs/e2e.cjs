// Runs inside Windows Node under Wine against the stand-in iphlpapi.dll:
// getIpInterfaceTable() of a SCENARIO table, median ns per call over ROUNDS rounds.
// Usage: node.exe e2e.cjs OUTPUT.json SCENARIO CALLS ROUNDS
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const [out, scenario, calls, rounds] = process.argv.slice(2);
const koffi = require('koffi');
const root = path.join(__dirname, '..', '..');
const pkg = require(path.join(root, 'dist', 'index.js'));
const { decodeIpInterfaceTableUnchecked } = require(path.join(root, 'dist', 'decode.js'));
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

async function medianAsync(n, r) {
  const samples = [];
  for (let round = -1; round < r; round++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await pkg.getIpInterfaceTableAsync();
    const ns = Number(process.hrtime.bigint() - t0) / n;
    if (round >= 0) samples.push(ns);
  }
  samples.sort((a, b) => a - b);
  return { nsPerCall: samples[Math.floor(samples.length / 2)], minNsPerCall: samples[0] };
}

(async () => {
  const n = Number(calls);
  const r = Number(rounds);
  const rows = pkg.getIpInterfaceTable().length;
  // The raw path: the same native call, copy and free, without zod (what the package does minus validation).
  const GetIpInterfaceTable = lib.func('__stdcall', 'GetIpInterfaceTable', 'uint32_t', ['uint16_t', koffi.out(koffi.pointer('void *'))]);
  const FreeMibTable = lib.func('__stdcall', 'FreeMibTable', 'void', ['void *']);
  const raw = () => {
    const p = [null];
    GetIpInterfaceTable(0, p);
    try {
      const count = koffi.decode(p[0], 'uint32_t');
      return decodeIpInterfaceTableUnchecked(koffi.decode(p[0], 'uint8_t', 8 + count * 168));
    } finally {
      FreeMibTable(p[0]);
    }
  };
  const result = {
    rows,
    sync: median(() => pkg.getIpInterfaceTable(), n, r),
    noValidation: median(raw, n, r),
    async: await medianAsync(Math.max(1, Math.floor(n / 10)), r),
  };
  fs.writeFileSync(out, JSON.stringify(result));
})();
