#!/usr/bin/env node
// End-to-end under Wine, every table: the package's public table function against the same
// native calls made through koffi plus a hand-written DataView reader of the same rows (the
// least any JavaScript caller can do; the target is ≤ 1.2x, ≤ 1.5x for the connection tables), and, for information, against a C
// loop making the same calls + copy + FreeMibTable on the same stand-in DLL (the C loop over
// prebuilt tables is far cheaper than any real Windows call: no fair limit). At the stand-in's
// sizes (its realistic tables) and at 10,000 rows a family (20,000 for a table asked per family). Three processes
// each; in each the package and the hand path alternate round by round (which goes first alternating too), and
// pkg/hand is the median of the per-round ratios (paired), then the median of the three processes'.
//   npm run bench:wine [-- --json] [-- --arch ia32] [-- --tables routes,adapters] [-- --sizes realistic,many:10000]
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const json = process.argv.includes('--json');
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const arch = option('arch', 'x64');
if (arch !== 'x64' && arch !== 'ia32') throw new Error(`--arch must be x64 or ia32, got ${arch}`);
for (const script of ['prepare-windows-node.sh', 'build-standin.sh']) {
  execFileSync('bash', [join(root, 'scripts', script), arch], { cwd: root, stdio: json ? 'ignore' : 'inherit' });
}
// The prefix (keyed by Wine's setup) and the loader of each architecture, as scripts/wine-env.sh names them.
const [prefix, wine64, wine32] = execFileSync('bash', ['-c', 'source scripts/wine-env.sh >/dev/null && printf "%s\\n" "$WINEPREFIX" "$WINE64" "$WINE32"'], {
  cwd: root,
  encoding: 'utf8',
}).split('\n');
const env = { ...process.env, WINEPREFIX: prefix, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'iphlpapi=n,b' };
const dir = mkdtempSync(join(tmpdir(), 'ipinterface-bench-'));
const standin = join(root, '.cache', arch === 'x64' ? 'win' : 'win-ia32', 'standin');
// One loader per architecture (Debian's `wine` runs the 32-bit one once wine32 is installed).
const WINE = arch === 'ia32' ? wine32 : wine64;
// stdout/stderr to a file (Windows Node dies creating its streams on pipes), shown if the program fails.
const wine = (args, out) => {
  const log = `${out}.log`;
  const fd = openSync(log, 'w');
  try {
    execFileSync(WINE, args, { cwd: root, env, stdio: ['ignore', fd, fd] });
  } catch (error) {
    throw new Error(`${args.slice(1).join(' ')} failed:\n${readFileSync(log, 'utf8')}`, { cause: error });
  } finally {
    closeSync(fd);
  }
  return JSON.parse(readFileSync(out, 'utf8'));
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Each table: the C loop's name for it and how 'all' asks (one AF_UNSPEC call, or each family).
const TABLES = [
  { table: 'ipInterfaces', fn: 'getIpInterfaceTable()', c: ['ipinterface', 'unspec'] },
  { table: 'adapters', fn: 'getIfTable2()', c: ['if2', 'unspec'] },
  { table: 'unicastAddresses', fn: "getUnicastIpAddressTable('all')", c: ['unicast', 'families'] },
  { table: 'routes', fn: "getIpForwardTable2('all')", c: ['forward', 'families'] },
  { table: 'neighbors', fn: "getIpNetTable2('all')", c: ['ipnet', 'families'] },
  // Caller-allocated (size query + fill, each family): the hand path and the C loop do the same.
  { table: 'tcp', fn: "getTcpTable('all')", c: ['tcp', 'families'], target: 1.5 },
  { table: 'udp', fn: "getUdpTable('all')", c: ['udp', 'families'], target: 1.5 },
  // A linked list in a caller-allocated buffer (15 KB, then the size it asks for): against the C loop, ≤ 3x (issue 18).
  { table: 'adapterAddresses', fn: 'getAdaptersAddresses()', c: ['gaa', 'unspec'], target: 1.5, cTarget: 3, program: 'gaa.cjs', sizes: { 'many:10000': 'many:64' } },
].filter((t) => !option('tables') || option('tables').split(',').includes(t.table));
// Calls per round: enough to time small tables, few for 10,000 rows (an adapter row is 1,352 bytes).
const SIZES = [
  { size: 'realistic', scenario: 'realistic', js: { default: 1000 }, cCalls: 20000 },
  { size: '10,000 rows a call (the adapter list: 64 adapters)', scenario: 'many:10000', js: { default: 10, adapters: 3, adapterAddresses: 200 }, cCalls: 50 },
].filter((s) => !option('sizes') || option('sizes').split(',').includes(s.scenario));

// Rounds in each process (the first package-and-hand pair of each process is a warm-up besides).
const ROUNDS = 11;
const runs = [];
for (let i = 0; i < 3; i++) {
  for (const size of SIZES) {
    for (const t of TABLES) {
      // The adapter list's big size is 64 adapters (a list of 10,000 is no machine's).
      const scenario = t.sizes?.[size.scenario] ?? size.scenario;
      const cOut = join(dir, `c-${t.table}-${scenario.replace(':', '')}-${i}.json`);
      const c = wine([join(standin, 'bench-loop.exe'), cOut, scenario, String(size.cCalls), String(ROUNDS), ...t.c], cOut);
      const jsOut = join(dir, `js-${t.table}-${scenario.replace(':', '')}-${i}.json`);
      const calls = String(size.js[t.table] ?? size.js.default);
      const js = wine([join(standin, 'node.exe'), join(root, 'bench', 'programs', t.program ?? 'e2e.cjs'), jsOut, t.table, scenario, calls, String(ROUNDS)], jsOut);
      if (js.rows !== c.rows) throw new Error(`${t.table} ${size.scenario}: the C loop saw ${c.rows} rows, the package ${js.rows}`);
      runs.push({ ...t, size: size.size, c, js });
    }
  }
}

const results = [];
for (const size of SIZES) {
  for (const t of TABLES) {
    const mine = runs.filter((r) => r.table === t.table && r.size === size.size);
    const pick = (f) => median(mine.map(f));
    const r = {
      table: t.table,
      fn: t.fn,
      size: size.size,
      rows: mine[0].js.rows,
      nativeCalls: t.c[1] === 'families' ? 2 : 1,
      packageNsPerCall: pick((x) => x.js.packageNsPerCall),
      handNsPerCall: pick((x) => x.js.handNsPerCall),
      cLoopNsPerCall: pick((x) => x.c.nsPerCall),
      breakdown: Object.fromEntries(Object.keys(mine[0].js.breakdown).map((k) => [k, pick((x) => x.js.breakdown[k])])),
    };
    r.target = t.target ?? 1.2;
    // Paired: each process's median of per-round ratios, then the median of the processes'.
    r.ratioToHand = pick((x) => x.js.pairedRatio);
    r.ratioToC = r.packageNsPerCall / r.cLoopNsPerCall;
    r.handRatioToC = r.handNsPerCall / r.cLoopNsPerCall;
    results.push(r);
  }
}

if (json) {
  console.log(JSON.stringify({ arch, results }, null, 2));
} else {
  const us = (ns) => `${(ns / 1000).toFixed(1)} µs`;
  console.log(`\nend-to-end under Wine (${arch}), stand-in iphlpapi.dll; 3 processes of 11 alternating rounds; pkg/hand is the median of paired per-round ratios`);
  console.log('package = the public function; hand = the same native calls via koffi + copy + FreeMibTable (caller-allocated: size query + fill) + a hand-written DataView reader (target ≤ 1.2x; tcp, udp ≤ 1.5x); C = a C loop of the same calls + copy + free (information)');
  for (const size of SIZES) {
    console.log(`\n${size.size}`);
    const rows = results.filter((r) => r.size === size.size);
    const width = Math.max(...rows.map((r) => r.fn.length));
    console.log(`  ${'call'.padEnd(width)}   rows  calls   package       hand          C   pkg/hand  pkg/C  hand/C   package: native call · copy · read · validate   (call+copy: package / hand; read: hand)`);
    for (const r of rows) {
      const b = r.breakdown;
      console.log(
        `  ${r.fn.padEnd(width)} ${String(r.rows).padStart(6)} ${String(r.nativeCalls).padStart(6)} ${us(r.packageNsPerCall).padStart(10)} ${us(r.handNsPerCall).padStart(10)} ${us(r.cLoopNsPerCall).padStart(10)}` +
          `   ${`${r.ratioToHand.toFixed(2)}x`.padStart(7)} ${`${r.ratioToC.toFixed(1)}x`.padStart(6)} ${`${r.handRatioToC.toFixed(1)}x`.padStart(7)}   ${[b.nativeCall, b.copy, b.read, b.validate].map(us).join(' · ')}   (${us(b.packageCallAndCopy)} / ${us(b.handNativeCallAndCopy)}; ${us(b.handRead)})`,
      );
    }
  }
}
