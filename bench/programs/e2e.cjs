// Runs inside Windows Node under Wine against the stand-in iphlpapi.dll: one
// table call of a SCENARIO table, median ns per call over ROUNDS rounds.
// Usage: node.exe e2e.cjs OUTPUT.json SCENARIO CALLS ROUNDS [TABLE]
// TABLE is `ipinterface` (getIpInterfaceTable, the default), `if2` (getIfTable2) or
// `forward` (getIpForwardTable2('all'), which calls GetIpForwardTable2 for AF_INET then
// AF_INET6; the result also holds the native calls one 'all' made, and the timing of
// one getIpForwardTable2('ipv4') + one ('ipv6')).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const [out, scenario, calls, rounds, table = 'ipinterface'] = process.argv.slice(2);
const koffi = require('koffi');
const root = path.join(__dirname, '..', '..');
const pkg = require(path.join(root, 'dist', 'index.js'));
const { decodeIpInterfaceTableUnchecked, readTable, MIB_IF_ROW2, MIB_IPFORWARD_ROW2 } = pkg._internal;
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
  forward: () => {
    const GetIpForwardTable2 = lib.func('__stdcall', 'GetIpForwardTable2', 'uint32_t', ['uint16_t', koffi.out(koffi.pointer('void *'))]);
    const one = (family) => {
      const p = [null];
      const status = GetIpForwardTable2(family, p);
      try {
        if (status !== 0) throw new Error(`GetIpForwardTable2(${family}) returned ${status}`);
        const count = koffi.decode(p[0], 'uint32_t');
        return readTable(MIB_IPFORWARD_ROW2, koffi.decode(p[0], 'uint8_t', 8 + count * 104));
      } finally {
        if (p[0]) FreeMibTable(p[0]);
      }
    };
    return {
      sync: () => pkg.getIpForwardTable2('all'),
      async: () => pkg.getIpForwardTable2Async(),
      // What 'all' does, spelled out with the public API: one 'ipv4' call and one 'ipv6' call.
      split: () => pkg.getIpForwardTable2('ipv4').concat(pkg.getIpForwardTable2('ipv6')),
      // The same two native calls (AF_INET, AF_INET6), copy and free, then readTable without validation.
      raw: () => one(2).concat(one(23)),
    };
  },
};

// Tables the stand-in handed out during fn(): the native Get…Table calls that returned a table.
function nativeCalls(fn) {
  const getCounters = lib.func('__stdcall', 'StandinGetCounters', 'void', ['int32_t *']);
  const mem = koffi.alloc('int32_t', 4);
  const counters = () => {
    getCounters(mem);
    return koffi.decode(mem, 'int32_t', 4); // handed out, freed, live, bad frees
  };
  try {
    const before = counters();
    fn();
    const after = counters();
    if (after[2] !== before[2] || after[3] !== before[3]) throw new Error('a table was not freed, or freed badly');
    return after[0] - before[0];
  } finally {
    koffi.free(mem);
  }
}

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
  if (t.split) {
    if (t.split().length !== rows) throw new Error("'ipv4' + 'ipv6' disagree with 'all' on the row count");
    result.nativeCallsPerSync = nativeCalls(t.sync);
    result.nativeCallsPerNoValidation = nativeCalls(t.raw);
    result.split = median(t.split, n, r);
  }
  fs.writeFileSync(out, JSON.stringify(result));
})();
