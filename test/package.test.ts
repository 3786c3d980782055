// The built package as users load it: require, import, and what importing does.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

const requireFromRoot = createRequire(join(root, 'package.json'));

function node(code: string, type: 'commonjs' | 'module'): string {
  return execFileSync(process.execPath, [`--input-type=${type}`, '-e', code], { cwd: root, encoding: 'utf8' });
}

describe('the built package (run `npm run build` first; `npm test` does)', () => {
  it('require and import expose the same API, sharing one copy of each class', () => {
    // In a plain Node process: vitest's own module runner would load the CommonJS file a second time.
    const out = node(
      "import { createRequire } from 'node:module'; const cjs = createRequire(process.cwd() + '/x.js')('ipinterface'); const esm = await import('ipinterface'); " +
        'const names = Object.keys(cjs).sort(); console.log(JSON.stringify({ names, esm: Object.keys(esm).filter((n) => n !== "default").sort(), different: names.filter((n) => esm[n] !== cjs[n]) }))',
      'module',
    );
    const { names, esm, different } = JSON.parse(out) as { names: string[]; esm: string[]; different: string[] };
    expect(names).toEqual(expect.arrayContaining(['decodeIpInterfaceTable', 'ipInterfaceRowSchema', 'loadCapture', 'IpInterfaceDecodeError', 'IF_OPER_STATUS']));
    expect(esm).toEqual(names);
    expect(different).toEqual([]);
  });

  it('lists the API only: the internals the tests reach are there, but not enumerable, nor exported from the ES module', () => {
    const out = node(
      "const m = require('ipinterface'); console.log(JSON.stringify({ keys: Object.keys(m).includes('_internal'), present: typeof m._internal.TABLES, described: Object.getOwnPropertyDescriptor(m, '_internal').enumerable }))",
      'commonjs',
    );
    expect(JSON.parse(out)).toEqual({ keys: false, present: 'object', described: false });
    const esm = node("const m = await import('ipinterface'); console.log('_internal' in m)", 'module');
    expect(esm.trim()).toBe('false');
  });

  it('package.json says what the package covers', () => {
    const pkg = requireFromRoot('./package.json') as { description: string; keywords: string[] };
    for (const word of ['adapters', 'addresses', 'routes', 'default gateway', 'neighbour', 'change notifications']) expect(pkg.description).toContain(word);
    expect(pkg.keywords).toEqual(expect.arrayContaining(['default-gateway', 'arp', 'routing-table', 'network-adapter']));
  });

  it('importing loads no native code: koffi is not even required', () => {
    const out = node(
      "require('ipinterface'); console.log(Object.keys(require.cache).some((p) => /[\\\\/]koffi[\\\\/]/.test(p)))",
      'commonjs',
    );
    expect(out.trim()).toBe('false');
    const esm = node(
      "import 'ipinterface'; import { createRequire } from 'node:module'; const r = createRequire(process.cwd() + '/x.js'); console.log(Object.keys(r.cache).some((p) => /[\\\\/]koffi[\\\\/]/.test(p)))",
      'module',
    );
    expect(esm.trim()).toBe('false');
  });

  it('requiring the package reads one file of it (dist/index.js, one bundle), and the command one (dist/cli.js)', () => {
    // What keeps import cost near `node -e 0` (npm run bench:import): no tree of modules to resolve and read.
    const files = (code: string) =>
      (JSON.parse(node(`${code}; console.log(JSON.stringify(Object.keys(require.cache)))`, 'commonjs')) as string[]).map((p) => p.replace(root, '').replace(/\\/g, '/'));
    expect(files("require('ipinterface')")).toEqual(['/dist/index.js']);
    expect(files("process.argv = [process.argv[0], 'cli', '--version']; require('./dist/cli.js')")).toEqual(['/dist/cli.js']);
  });

  it('importing loads neither zod nor koffi (the first call that needs one does); schemas still work and are zod schemas', () => {
    const check = "console.log(JSON.stringify(['zod', 'koffi'].map((m) => Object.keys(require.cache).some((p) => new RegExp('[\\\\/]' + m + '[\\\\/]').test(p)))))";
    expect(JSON.parse(node(`require('ipinterface'); ${check}`, 'commonjs'))).toEqual([false, false]);
    const used = node(
      `const p = require('ipinterface'); const ok = p.ipInterfaceRowSchema.safeParse({}).success; const isZod = p.ipInterfaceRowSchema instanceof require('zod').ZodType; ${check.replace('console.log(JSON.stringify(', 'console.log(JSON.stringify([ok, isZod, ').replace(')))))', ')))]))')}`,
      'commonjs',
    );
    expect(JSON.parse(used)).toEqual([false, true, [true, false]]);
  });

  it('decodes through the package entry points in both module systems', () => {
    const code = (load: string) =>
      `${load}; const fs = require('node:fs'); console.log(m.decodeIpInterfaceTable(fs.readFileSync('fixtures/c/tables/one-row.bin'))[0].interfaceIndex)`;
    expect(node(code("const m = require('ipinterface')"), 'commonjs').trim()).toBe('12');
    expect(
      node(
        "import * as m from 'ipinterface'; import fs from 'node:fs'; console.log(m.decodeIpInterfaceTable(fs.readFileSync('fixtures/c/tables/one-row.bin'))[0].interfaceIndex)",
        'module',
      ).trim(),
    ).toBe('12');
  });

  it('package.json: exports lists types first, engines, files', () => {
    const pkg = requireFromRoot('./package.json');
    for (const condition of ['import', 'require']) {
      expect(Object.keys(pkg.exports['.'][condition])[0]).toBe('types');
    }
    expect(pkg.engines.node).toBe('>=20');
    expect(pkg.files).toContain('dist');
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['koffi', 'zod']);
  });

  it('the test config is vitest.config.ts at the top level, and Vite loads it without a warning', () => {
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const r = spawnSync(join(root, 'node_modules', '.bin', 'vitest'), ['list', '--project', 'pure', 'test/kinds.test.ts'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: '' },
    });
    const out = r.stdout + r.stderr; // Vite warns on stderr
    expect(out).toContain('test/kinds.test.ts');
    expect(out).not.toMatch(/\(!\)|ESM syntax in a file loaded as CommonJS/);
    expect(require('node:fs').existsSync(join(root, 'vitest.config.ts'))).toBe(true);
  });
});
