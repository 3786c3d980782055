#!/usr/bin/env node
// Import cost: a fresh Node process that requires (or imports) the package, against one that
// does nothing (`node -e 0`), interleaved, median of N runs each. Target: at most 1.2x.
//   npm run bench:import [-- --json] [-- --instructions]
//
// Wall-clock time of a ~100 ms process varies by ±20% from run to run on a shared 2-core
// machine, so --instructions also counts the instructions each process executes under
// valgrind's callgrind (all threads; about 10 s a run), which barely moves between runs.
// `import` is compared with its own baseline too: an empty ES module run (`--input-type=module
// -e ''`) already loads Node's ESM loader, which `node -e 0` never does.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const json = process.argv.includes('--json');
const instructions = process.argv.includes('--instructions');
const RUNS = 21;
const cases = [
  ['node -e 0', ['-e', '0']],
  ["require('ipinterface')", ['-e', `require(${JSON.stringify(`${root}dist/index.js`)})`]],
  ["an empty ES module (baseline of import)", ['--input-type=module', '-e', '']],
  ["import 'ipinterface'", ['--input-type=module', '-e', `import ${JSON.stringify(`${root}dist/index.mjs`)}`]],
  ["require('zod') (for scale)", ['-e', "require('zod')"]],
];
const base = { "import 'ipinterface'": 2 }; // which case each ratio is to (default: node -e 0)

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
const ms = samples.map(median);

/** Instructions executed by the whole process (every thread), median of 3 callgrind runs. */
function countInstructions(args) {
  const counts = [];
  for (let i = 0; i < 3; i++) {
    const r = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, ...args], { cwd: root, encoding: 'utf8' });
    const m = /Collected : (\d+)/.exec(r.stderr);
    if (r.status !== 0 || !m) throw new Error(`callgrind failed for ${args.join(' ')} (is valgrind installed?)\n${r.stderr.slice(-500)}`);
    counts.push(Number(m[1]));
  }
  return median(counts);
}
const counted = instructions ? cases.map(([, args]) => countInstructions(args)) : null;

const results = cases.map(([label], c) => {
  const b = base[label] ?? 0;
  return {
    label,
    versus: cases[b][0],
    ms: ms[c],
    ratio: ms[c] / ms[b],
    ...(counted ? { instructions: counted[c], instructionRatio: counted[c] / counted[b] } : {}),
  };
});
if (json) console.log(JSON.stringify({ node: process.version, runs: RUNS, results }, null, 2));
else {
  console.log(`import cost — node ${process.version}; median of ${RUNS} interleaved runs of a fresh process${counted ? '; instructions: median of 3 callgrind runs' : ''}\n`);
  for (const r of results) {
    const insn = r.instructions ? `  ${(r.instructions / 1e6).toFixed(1).padStart(7)} M instructions  ${r.instructionRatio.toFixed(3)}x` : '';
    console.log(`  ${r.label.padEnd(40)} ${r.ms.toFixed(1).padStart(7)} ms  ${r.ratio.toFixed(2)}x${insn}${r.versus === 'node -e 0' ? '' : `   (vs ${r.versus})`}`);
  }
}
