#!/usr/bin/env node
// End-to-end: one getIpInterfaceTable() and one getIfTable2() of a 64-row table,
// and one getIpForwardTable2() of the 1,000-route table (scenario forward-1000), in
// Windows Node under Wine, each versus a C loop calling the same function + copy +
// FreeMibTable on the same stand-in DLL, in the same run (alternating, median of
// medians). getIpForwardTable2('all') makes two native calls (AF_INET, then
// AF_INET6), so it is compared with two C loops: one GetIpForwardTable2(AF_UNSPEC)
// call, and the same two per-family calls.
//   npm run bench:wine [-- --json] [-- --arch ia32]    (ia32: 32-bit node.exe, i686 stand-in and C loop)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const json = process.argv.includes('--json');
const archArg = process.argv.indexOf('--arch');
const arch = archArg > 0 ? process.argv[archArg + 1] : 'x64';
if (arch !== 'x64' && arch !== 'ia32') throw new Error(`--arch must be x64 or ia32, got ${arch}`);
for (const script of ['prepare-windows-node.sh', 'build-standin.sh']) {
  execFileSync('bash', [join(root, 'scripts', script), arch], { cwd: root, stdio: json ? 'ignore' : 'inherit' });
}
// The prefix (keyed by Wine's setup) and the loader of each architecture, as scripts/wine-env.sh names them.
const [prefix, wine64, wine32] = execFileSync('bash', ['-c', 'source scripts/wine-env.sh >/dev/null && printf "%s\\n" "$WINEPREFIX" "$WINE64" "$WINE32"'], {
  cwd: root,
  encoding: 'utf8',
}).split('\n');
const env = {
  ...process.env,
  WINEPREFIX: prefix,
  WINEDEBUG: '-all',
  WINEDLLOVERRIDES: 'iphlpapi=n,b',
};
const dir = mkdtempSync(join(tmpdir(), 'ipinterface-bench-'));
const standin = join(root, '.cache', arch === 'x64' ? 'win' : 'win-ia32', 'standin');
// One loader per architecture (Debian's `wine` runs the 32-bit one once wine32 is installed).
const WINE = arch === 'ia32' ? wine32 : wine64;
const wine = (args, out) => {
  execFileSync(WINE, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'ignore'] });
  return JSON.parse(readFileSync(out, 'utf8'));
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// cTables: the C loop's table choices, the first being the one the ratios are to.
const tables = [
  { table: 'ipinterface', scenario: 'many:64', cTables: ['ipinterface'], cCalls: '20000', jsCalls: '2000' },
  { table: 'if2', scenario: 'many:64', cTables: ['if2'], cCalls: '5000', jsCalls: '500' },
  { table: 'forward', scenario: 'forward-1000', cTables: ['forward', 'forward-families'], cCalls: '1000', jsCalls: '100' },
];
const runs = Object.fromEntries(tables.map(({ table, cTables }) => [table, { c: [], cFamilies: cTables.length > 1 ? [] : undefined, js: [] }]));
for (let i = 0; i < 3; i++) {
  for (const { table, scenario, cTables, cCalls, jsCalls } of tables) {
    cTables.forEach((cTable, k) => {
      const cOut = join(dir, `c-${cTable}-${i}.json`);
      (k === 0 ? runs[table].c : runs[table].cFamilies).push(wine([join(standin, 'bench-loop.exe'), cOut, scenario, cCalls, '7', cTable], cOut));
    });
    const jsOut = join(dir, `js-${table}-${i}.json`);
    runs[table].js.push(wine([join(standin, 'node.exe'), join(root, 'bench', 'programs', 'e2e.cjs'), jsOut, scenario, jsCalls, '7', table], jsOut));
  }
}
function summarise({ c, cFamilies, js }) {
  const r = {
    rows: js[0].rows,
    cLoopNsPerCall: median(c.map((x) => x.nsPerCall)),
    jsSyncNsPerCall: median(js.map((x) => x.sync.nsPerCall)),
    jsNoValidationNsPerCall: median(js.map((x) => x.noValidation.nsPerCall)),
    jsAsyncNsPerCall: median(js.map((x) => x.async.nsPerCall)),
  };
  if ([...c, ...(cFamilies ?? [])].some((x) => x.rows !== r.rows)) throw new Error('the C loop and the JS program saw different row counts');
  r.syncRatioToC = r.jsSyncNsPerCall / r.cLoopNsPerCall;
  r.noValidationRatioToC = r.jsNoValidationNsPerCall / r.cLoopNsPerCall;
  r.asyncRatioToC = r.jsAsyncNsPerCall / r.cLoopNsPerCall;
  if (cFamilies) {
    // 'all' = two native calls (AF_INET, AF_INET6), as the stand-in's counters showed.
    r.nativeCallsPerSync = js[0].nativeCallsPerSync;
    r.nativeCallsPerNoValidation = js[0].nativeCallsPerNoValidation;
    r.cFamiliesNsPerCall = median(cFamilies.map((x) => x.nsPerCall));
    r.jsSplitNsPerCall = median(js.map((x) => x.split.nsPerCall));
    r.splitRatioToC = r.jsSplitNsPerCall / r.cLoopNsPerCall;
    r.cFamiliesRatioToC = r.cFamiliesNsPerCall / r.cLoopNsPerCall;
    for (const k of ['Sync', 'Split', 'NoValidation', 'Async']) r[`${k[0].toLowerCase()}${k.slice(1)}RatioToCFamilies`] = r[`js${k}NsPerCall`] / r.cFamiliesNsPerCall;
  }
  return r;
}
// The GetIpInterfaceTable figures stay at the top level (as before); GetIfTable2's are under
// `getIfTable2`, GetIpForwardTable2's under `getIpForwardTable2`.
const result = { ...summarise(runs.ipinterface), getIfTable2: summarise(runs.if2), getIpForwardTable2: summarise(runs.forward) };
if (json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const us = (ns) => `${(ns / 1000).toFixed(1).padStart(7)} µs/call`;
  const print = (r, fn, pkgFn) => {
    console.log(`\nend-to-end under Wine (${arch}), ${r.rows}-row table, stand-in iphlpapi.dll (median of 3 alternating runs)`);
    console.log(`  C loop: ${`${fn} + copy + FreeMibTable`.padEnd(44)} ${us(r.cLoopNsPerCall)}   1.0x`);
    console.log(`  ${`${pkgFn}() (copy + decode + zod)`.padEnd(52)} ${us(r.jsSyncNsPerCall)}  ${r.syncRatioToC.toFixed(1)}x`);
    console.log(`  ${'same native call + copy + decode, no zod'.padEnd(52)} ${us(r.jsNoValidationNsPerCall)}  ${r.noValidationRatioToC.toFixed(1)}x`);
    console.log(`  ${`await ${pkgFn}Async()`.padEnd(52)} ${us(r.jsAsyncNsPerCall)}  ${r.asyncRatioToC.toFixed(1)}x`);
  };
  print(result, 'GetIpInterfaceTable', 'getIpInterfaceTable');
  print(result.getIfTable2, 'GetIfTable2', 'getIfTable2');
  const f = result.getIpForwardTable2;
  const lines = [
    ['C loop (1): GetIpForwardTable2(AF_UNSPEC) + copy + FreeMibTable', f.cLoopNsPerCall],
    ['C loop (2): (AF_INET) + copy + free, then (AF_INET6) + copy + free', f.cFamiliesNsPerCall],
    [`getIpForwardTable2('all') (${f.nativeCallsPerSync} native calls; copy + decode + zod)`, f.jsSyncNsPerCall],
    ["getIpForwardTable2('ipv4') + getIpForwardTable2('ipv6')", f.jsSplitNsPerCall],
    [`same ${f.nativeCallsPerNoValidation} native calls + copy + free + readTable, no zod`, f.jsNoValidationNsPerCall],
    ['await getIpForwardTable2Async()', f.jsAsyncNsPerCall],
  ];
  const width = Math.max(...lines.map(([label]) => label.length));
  console.log(`\nend-to-end under Wine (${arch}), ${f.rows}-route table (scenario forward-1000), stand-in iphlpapi.dll (median of 3 alternating runs)`);
  console.log(`  ${''.padEnd(width)} ${''.padEnd(15)}  vs C (1)  vs C (2)`);
  for (const [label, ns] of lines) {
    console.log(`  ${label.padEnd(width)} ${us(ns)}  ${`${(ns / f.cLoopNsPerCall).toFixed(1)}x`.padStart(8)}  ${`${(ns / f.cFamiliesNsPerCall).toFixed(1)}x`.padStart(8)}`);
  }
}
