#!/usr/bin/env node
// Import cost: a fresh Node process that requires (or imports) the package, against one that
// does nothing (`node -e 0`), interleaved, median of N runs each. Target: at most 1.2x.
//   npm run bench:import [-- --json]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const json = process.argv.includes('--json');
const RUNS = 21;
const cases = [
  ['node -e 0', ['-e', '0']],
  ["require('ipinterface')", ['-e', `require(${JSON.stringify(`${root}dist/index.js`)})`]],
  ["import 'ipinterface'", ['--input-type=module', '-e', `import ${JSON.stringify(`${root}dist/index.mjs`)}`]],
  ["require('zod') (for scale)", ['-e', "require('zod')"]],
];
const samples = cases.map(() => []);
for (let i = 0; i < RUNS + 2; i++) {
  cases.forEach(([, args], c) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${cases[c][0]} failed`);
    if (i >= 2) samples[c].push(Number(process.hrtime.bigint() - t0) / 1e6); // 2 warm-up rounds
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(samples[0]);
const results = cases.map(([label], c) => ({ label, ms: median(samples[c]), ratio: median(samples[c]) / base }));
if (json) console.log(JSON.stringify({ node: process.version, runs: RUNS, results }, null, 2));
else {
  console.log(`import cost — node ${process.version}; median of ${RUNS} interleaved runs of a fresh process\n`);
  for (const r of results) console.log(`  ${r.label.padEnd(28)} ${r.ms.toFixed(1).padStart(7)} ms  ${r.ratio.toFixed(2)}x`);
}
