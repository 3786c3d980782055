#!/usr/bin/env node
// The command on a big capture: a generated capture of 1,000,000 routes (the C-made realistic
// route rows repeated at the stride, 104 MB) plus the C-made adapter and interface tables, printed
// by `ipinterface routes` as a table, --json and --ndjson, and `--ndjson | head -1` (a reader that
// leaves after one line). Each run is a fresh process, measured by GNU time: user + system CPU and
// peak RSS. The targets: --ndjson and --json peak RSS under 2x the capture's size + 100 MB,
// `| head -1` under 1 s of CPU, the table view at most 2x the ndjson time and memory.
//   npm run bench:big [-- --rows 1000000] [-- --json]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeCaptureTables } from 'ipinterface';

const root = fileURLToPath(new URL('..', import.meta.url));
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const rows = Number(option('rows', '1000000'));
const json = process.argv.includes('--json');
const dir = mkdtempSync(join(tmpdir(), 'ipinterface-big-'));
const bin = join(root, 'dist', 'cli.js');

/** `rows` routes: the C-made realistic rows over and over, bytes copied at the stride (padding and union garbage kept). */
function routeTable() {
  const seed = readFileSync(join(root, 'fixtures/c/structs/MIB_IPFORWARD_ROW2/forward-realistic.bin'));
  const stride = 104;
  const first = 8;
  const count = seed.readUInt32LE(0);
  const out = Buffer.alloc(first + rows * stride);
  out.writeUInt32LE(rows, 0);
  for (let i = 0; i < rows; i++) seed.copy(out, first + i * stride, first + (i % count) * stride, first + ((i % count) + 1) * stride);
  return out;
}

const capture = join(dir, 'routes.ipcap');
writeFileSync(
  capture,
  encodeCaptureTables(
    [
      { struct: 'MIB_IPINTERFACE_ROW', bytes: readFileSync(join(root, 'fixtures/c/tables/realistic.bin')) },
      { struct: 'MIB_IF_ROW2', bytes: readFileSync(join(root, 'fixtures/c/structs/MIB_IF_ROW2/if2-realistic.bin')) },
      { struct: 'MIB_IPFORWARD_ROW2', bytes: routeTable() },
    ],
    { family: 'all', capturedAt: new Date(0) },
  ),
);
const size = statSync(capture).size;

/** One run under GNU time: CPU seconds (user + system) and peak RSS in MB. */
function measure(label, shell) {
  const r = spawnSync('/usr/bin/time', ['-o', join(dir, 'time.txt'), '-f', '%U %S %M', 'bash', '-c', `${shell} > /dev/null`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${label} failed: ${r.stderr}`);
  const [user, sys, kb] = readFileSync(join(dir, 'time.txt'), 'utf8').trim().split(/\s+/).map(Number);
  return { label, cpuSeconds: user + sys, peakRssMb: kb / 1024 };
}

const node = process.execPath;
const results = [
  measure('routes --ndjson', `${node} ${bin} routes --ndjson --from ${capture}`),
  measure('routes --json', `${node} ${bin} routes --json --from ${capture}`),
  measure('routes (table)', `${node} ${bin} routes --from ${capture}`),
  measure('routes --ndjson | head -1', `${node} ${bin} routes --ndjson --from ${capture} | head -1`),
  measure('routes (table) | head -1', `${node} ${bin} routes --from ${capture} | head -1`),
];
const ndjson = results[0];
const limit = (2 * size) / 2 ** 20 + 100;
if (json) {
  console.log(JSON.stringify({ rows, captureBytes: size, rssLimitMb: limit, results }, null, 2));
} else {
  console.log(`${rows} routes, capture ${(size / 2 ** 20).toFixed(1)} MB; RSS target for --ndjson/--json: ${limit.toFixed(0)} MB; node ${process.version}`);
  for (const r of results) {
    console.log(
      `  ${r.label.padEnd(28)} ${r.cpuSeconds.toFixed(2).padStart(6)} s CPU ${r.peakRssMb.toFixed(0).padStart(6)} MB peak RSS` +
        `   (${(r.cpuSeconds / ndjson.cpuSeconds).toFixed(2)}x / ${(r.peakRssMb / ndjson.peakRssMb).toFixed(2)}x the ndjson run)`,
    );
  }
}
