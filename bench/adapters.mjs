#!/usr/bin/env node
// Decode of GetAdaptersAddresses' linked list: the public decodeAdaptersAddresses (every pointer
// checked, cycles and overlong lists refused, every node validated) against a hand-written
// pointer-walking DataView reader of the same buffer (bench/hand-adapters.cjs; the target is
// ≤ 1.5x), and the interpreted reader (what decoding costs where code generation is refused). The
// buffers are the 64-adapter lists C built on x64 and on ia32 (fixtures/c/adapters/*/adapters-64.bin).
// Median of 11 rounds; the methods interleaved, the first of each round rotating, a full collection
// before each timing (`npm run bench:adapters` runs node --expose-gc); ratios paired per round.
//   npm run bench:adapters [-- --json]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const { decodeAdaptersAddresses, _internal } = require(`${root}dist/index.js`);
const { decodeList, IP_ADAPTER_ADDRESSES_LH } = _internal;
const { readAdapters } = require(`${root}bench/hand-adapters.cjs`);
const json = process.argv.includes('--json');

const toJson = (x) => JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
const results = [];
for (const arch of ['x64', 'ia32']) {
  const meta = JSON.parse(readFileSync(`${root}fixtures/c/adapters/${arch}/adapters-64.json`, 'utf8'));
  const bytes = new Uint8Array(readFileSync(`${root}fixtures/c/adapters/${arch}/adapters-64.bin`));
  const origin = { arch, base: BigInt(meta.base), head: BigInt(meta.head) };
  const p = arch === 'x64' ? 8 : 4;
  const methods = [
    ['a', 'hand-written pointer-walking DataView reader', () => readAdapters(bytes, origin.base, origin.head, p)],
    ['c', 'decodeAdaptersAddresses (checked, validated)', () => decodeAdaptersAddresses(bytes, origin)],
    ['i', 'the same with the interpreted reader', () => decodeList(IP_ADAPTER_ADDRESSES_LH, bytes, origin, 'interpreted')],
  ];
  const ref = toJson(methods[0][2]());
  for (const [id, , fn] of methods) if (toJson(fn()) !== ref) throw new Error(`${arch}: (a) and (${id}) disagree`);
  if (ref !== toJson(meta.adapters)) throw new Error(`${arch}: (a) disagrees with the adapters C printed`);
  const iterations = 200;
  for (const [, , fn] of methods) for (let i = 0; i < iterations; i++) fn(); // warm up
  const samples = methods.map(() => []);
  const ratios = methods.map(() => []);
  for (let round = 0; round < 11; round++) {
    const times = [];
    for (let k = 0; k < methods.length; k++) {
      const m = (k + round) % methods.length;
      globalThis.gc?.();
      const start = process.hrtime.bigint();
      for (let i = 0; i < iterations; i++) methods[m][2]();
      times[m] = Number(process.hrtime.bigint() - start) / iterations;
    }
    times.forEach((t, m) => {
      samples[m].push(t);
      ratios[m].push(t / times[0]);
    });
  }
  const median = (s) => [...s].sort((x, y) => x - y)[Math.floor(s.length / 2)];
  methods.forEach(([id, label], m) => results.push({ arch, adapters: meta.adapters.length, bytes: bytes.length, method: id, label, usPerList: median(samples[m]) / 1000, ratioToA: median(ratios[m]) }));
}

if (json) console.log(JSON.stringify({ node: process.version, arch: process.arch, results }, null, 2));
else {
  console.log(`adapter list decode — node ${process.version} ${process.arch}; median of 11 interleaved rounds${globalThis.gc ? ', a collection before each timing' : ''}; ratios paired per round (target for (c): ≤ 1.5x (a))`);
  for (const r of results) console.log(`  ${r.arch.padEnd(5)} ${r.adapters} adapters, ${r.bytes} bytes  (${r.method}) ${r.label.padEnd(46)} ${r.usPerList.toFixed(1).padStart(8)} µs   ${r.ratioToA.toFixed(2)}x`);
}
