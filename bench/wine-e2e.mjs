#!/usr/bin/env node
// End-to-end: one getIpInterfaceTable() and one getIfTable2() of a 64-row table
// in Windows Node under Wine, each versus a C loop calling the same function +
// copy + FreeMibTable on the same stand-in DLL, in the same run (alternating,
// median of medians).
//   npm run bench:wine [-- --json]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const json = process.argv.includes('--json');
const scenario = 'many:64';
for (const script of ['prepare-windows-node.sh', 'build-standin.sh']) {
  execFileSync('bash', [join(root, 'scripts', script)], { cwd: root, stdio: json ? 'ignore' : 'inherit' });
}
const env = {
  ...process.env,
  WINEPREFIX: process.env.IPINTERFACE_WINEPREFIX ?? join(root, '.cache', 'wine-prefix'),
  WINEDEBUG: '-all',
  WINEDLLOVERRIDES: 'iphlpapi=n,b',
};
const dir = mkdtempSync(join(tmpdir(), 'ipinterface-bench-'));
const standin = join(root, '.cache', 'win', 'standin');
const wine = (args, out) => {
  execFileSync('wine', args, { cwd: root, env, stdio: ['ignore', 'ignore', 'ignore'] });
  return JSON.parse(readFileSync(out, 'utf8'));
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const tables = [
  { table: 'ipinterface', fn: 'GetIpInterfaceTable', pkgFn: 'getIpInterfaceTable', cCalls: '20000', jsCalls: '2000' },
  { table: 'if2', fn: 'GetIfTable2', pkgFn: 'getIfTable2', cCalls: '5000', jsCalls: '500' },
];
const runs = Object.fromEntries(tables.map(({ table }) => [table, { c: [], js: [] }]));
for (let i = 0; i < 3; i++) {
  for (const { table, cCalls, jsCalls } of tables) {
    const cOut = join(dir, `c-${table}-${i}.json`);
    const jsOut = join(dir, `js-${table}-${i}.json`);
    runs[table].c.push(wine([join(standin, 'bench-loop.exe'), cOut, scenario, cCalls, '7', table], cOut));
    runs[table].js.push(wine([join(standin, 'node.exe'), join(root, 'bench', 'programs', 'e2e.cjs'), jsOut, scenario, jsCalls, '7', table], jsOut));
  }
}
function summarise({ c, js }) {
  const r = {
    rows: js[0].rows,
    cLoopNsPerCall: median(c.map((x) => x.nsPerCall)),
    jsSyncNsPerCall: median(js.map((x) => x.sync.nsPerCall)),
    jsNoValidationNsPerCall: median(js.map((x) => x.noValidation.nsPerCall)),
    jsAsyncNsPerCall: median(js.map((x) => x.async.nsPerCall)),
  };
  if (c.some((x) => x.rows !== r.rows)) throw new Error('the C loop and the JS program saw different row counts');
  r.syncRatioToC = r.jsSyncNsPerCall / r.cLoopNsPerCall;
  r.noValidationRatioToC = r.jsNoValidationNsPerCall / r.cLoopNsPerCall;
  r.asyncRatioToC = r.jsAsyncNsPerCall / r.cLoopNsPerCall;
  return r;
}
// The GetIpInterfaceTable figures stay at the top level (as before); GetIfTable2's are under `getIfTable2`.
const result = { ...summarise(runs.ipinterface), getIfTable2: summarise(runs.if2) };
if (json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const us = (ns) => `${(ns / 1000).toFixed(1).padStart(7)} µs/call`;
  const print = (r, fn, pkgFn) => {
    console.log(`\nend-to-end under Wine, ${r.rows}-row table, stand-in iphlpapi.dll (median of 3 alternating runs)`);
    console.log(`  C loop: ${`${fn} + copy + FreeMibTable`.padEnd(44)} ${us(r.cLoopNsPerCall)}   1.0x`);
    console.log(`  ${`${pkgFn}() (copy + decode + zod)`.padEnd(52)} ${us(r.jsSyncNsPerCall)}  ${r.syncRatioToC.toFixed(1)}x`);
    console.log(`  ${'same native call + copy + decode, no zod'.padEnd(52)} ${us(r.jsNoValidationNsPerCall)}  ${r.noValidationRatioToC.toFixed(1)}x`);
    console.log(`  ${`await ${pkgFn}Async()`.padEnd(52)} ${us(r.jsAsyncNsPerCall)}  ${r.asyncRatioToC.toFixed(1)}x`);
  };
  print(result, 'GetIpInterfaceTable', 'getIpInterfaceTable');
  print(result.getIfTable2, 'GetIfTable2', 'getIfTable2');
}
