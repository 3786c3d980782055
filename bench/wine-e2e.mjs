#!/usr/bin/env node
// End-to-end: one getIpInterfaceTable() of a 64-row table in Windows Node under
// Wine, versus a C loop calling GetIpInterfaceTable + copy + FreeMibTable on the
// same stand-in DLL, in the same run (alternating, median of medians).
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

const c = [];
const js = [];
for (let i = 0; i < 3; i++) {
  c.push(wine([join(standin, 'bench-loop.exe'), join(dir, `c${i}.json`), scenario, '20000', '7'], join(dir, `c${i}.json`)));
  js.push(wine([join(standin, 'node.exe'), join(root, 'bench', 'programs', 'e2e.cjs'), join(dir, `js${i}.json`), scenario, '2000', '7'], join(dir, `js${i}.json`)));
}
const result = {
  rows: js[0].rows,
  cLoopNsPerCall: median(c.map((x) => x.nsPerCall)),
  jsSyncNsPerCall: median(js.map((x) => x.sync.nsPerCall)),
  jsNoValidationNsPerCall: median(js.map((x) => x.noValidation.nsPerCall)),
  jsAsyncNsPerCall: median(js.map((x) => x.async.nsPerCall)),
};
result.syncRatioToC = result.jsSyncNsPerCall / result.cLoopNsPerCall;
result.noValidationRatioToC = result.jsNoValidationNsPerCall / result.cLoopNsPerCall;
result.asyncRatioToC = result.jsAsyncNsPerCall / result.cLoopNsPerCall;
if (json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const us = (ns) => `${(ns / 1000).toFixed(1).padStart(7)} µs/call`;
  console.log(`\nend-to-end under Wine, ${result.rows}-row table, stand-in iphlpapi.dll (median of 3 alternating runs)`);
  console.log(`  C loop: GetIpInterfaceTable + copy + FreeMibTable    ${us(result.cLoopNsPerCall)}   1.0x`);
  console.log(`  getIpInterfaceTable() (copy + decode + zod)          ${us(result.jsSyncNsPerCall)}  ${result.syncRatioToC.toFixed(1)}x`);
  console.log(`  same native call + copy + decode, no zod             ${us(result.jsNoValidationNsPerCall)}  ${result.noValidationRatioToC.toFixed(1)}x`);
  console.log(`  await getIpInterfaceTableAsync()                     ${us(result.jsAsyncNsPerCall)}  ${result.asyncRatioToC.toFixed(1)}x`);
}
