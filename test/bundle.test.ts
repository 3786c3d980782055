// Bundlers: an esbuild bundle of a small "main process" file that uses this
// package, with koffi marked external (its native binary cannot be inlined),
// loads and runs: it decodes a capture through the bundled code.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { expect, it, onTestFinished } from 'vitest';
import { root, tableJson } from './helpers.js';

it('an esbuild bundle (platform node, koffi external) runs and decodes a capture', async () => {
  const dir = mkdtempSync(join(root, '.cache', 'bundle-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'main.js');
  const result = await build({
    entryPoints: [join(root, 'test', 'bundle', 'main-process.cjs')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['koffi', 'electron'],
    outfile: out,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.some((p) => /dist[\\/]index\.js$/.test(p))).toBe(true); // the package was bundled
  expect(inputs.some((p) => p.includes('node_modules/zod'))).toBe(true);
  expect(inputs.some((p) => /node_modules[\\/]koffi[\\/]/.test(p))).toBe(false); // koffi stayed external
  expect(readFileSync(out, 'utf8')).toMatch(/require\(["']koffi["']\)/);
  const stdout = execFileSync(process.execPath, [out, join(root, 'examples', 'laptop.ipcap')], { encoding: 'utf8', cwd: root });
  const report = JSON.parse(stdout) as Record<string, unknown>;
  const realistic = tableJson('realistic').rows!;
  expect(report).toEqual({
    rows: realistic.length,
    first: realistic[0]!.interfaceIndex,
    family: 'all',
    live: process.platform === 'win32' ? 'ok' : 'ERR_UNSUPPORTED_PLATFORM',
    cloned: realistic[0]!.nlMtu,
  });
}, 60_000);
