// Packaging proof: `npm pack`, install the tarball into a scratch project, and use
// it the ways users do: require, import, the types (tsc --noEmit of a consumer)
// and the `ipinterface` bin. The tarball must hold what users need and no more.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, tableJson } from './helpers.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const realistic = tableJson('realistic').rows!;
let dir: string | undefined;
let app: string;
let files: string[];
let tarballBytes: number;

describe('the npm package, installed from its tarball', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(root, '.cache', 'pack-'));
    const packed = JSON.parse(
      execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }),
    ) as { filename: string; size: number; files: { path: string }[] }[];
    files = packed[0]!.files.map((f) => f.path).sort();
    tarballBytes = packed[0]!.size;
    app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'scratch-app', private: true, version: '1.0.0' }));
    execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, packed[0]!.filename)], { cwd: app, stdio: 'pipe' });
  }, 180_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds dist, the bundled capture, README, LICENSE and package.json; no tests, sources, fixtures or caches', () => {
    expect(files).toEqual(
      expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'examples/laptop.ipcap', 'dist/index.js', 'dist/index.mjs', 'dist/index.d.ts', 'dist/index.d.mts', 'dist/cli.js', 'dist/index.js.map', 'dist/cli.js.map']),
    );
    for (const path of files) {
      expect(path, path).toMatch(/^(dist\/(?:[\w.-]+\/)*[\w.-]+\.(js|mjs|d\.ts|d\.mts)|dist\/(index|cli)\.js\.map|examples\/laptop\.ipcap|package\.json|README\.md|LICENSE)$/);
    }
  });

  it('stays small with its source maps (they map to src/ paths without carrying the sources)', () => {
    console.log(`tarball: ${(tarballBytes / 1024).toFixed(1)} KiB, ${files.length} files`);
    expect(tarballBytes).toBeLessThan(300 * 1024);
  });

  it('stack traces point into the TypeScript sources under --enable-source-maps', () => {
    const script = "try { require('ipinterface').decodeCapture(new Uint8Array(4)) } catch (e) { console.log(e.stack) }";
    const withMaps = execFileSync(process.execPath, ['--enable-source-maps', '-e', script], { cwd: app, encoding: 'utf8' });
    expect(withMaps).toMatch(/src\/capture\/format\.ts:\d+/);
    const without = execFileSync(process.execPath, ['-e', script], { cwd: app, encoding: 'utf8' });
    expect(without).not.toMatch(/src\/capture/);
  });

  it('require() works and decodes', () => {
    const out = execFileSync(
      process.execPath,
      ['-e', "const m = require('ipinterface'); const c = m.decodeCapture(require('fs').readFileSync(require.resolve('ipinterface/package.json').replace('package.json', 'examples/laptop.ipcap'))); console.log(c.rows.length, typeof m.getIpInterfaceTable)"],
      { cwd: app, encoding: 'utf8' },
    );
    expect(out.trim()).toBe(`${realistic.length} function`);
  });

  it('import works, with the same classes as require', () => {
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', "import { IpHelperError, decodeIpInterfaceTable } from 'ipinterface'; import { createRequire } from 'node:module'; const r = createRequire(process.cwd() + '/x.js'); console.log(IpHelperError === r('ipinterface').IpHelperError, typeof decodeIpInterfaceTable)"],
      { cwd: app, encoding: 'utf8' },
    );
    expect(out.trim()).toBe('true function');
  });

  it('the types work for a strict TypeScript consumer (CommonJS and ESM resolution)', () => {
    writeFileSync(
      join(app, 'consumer.ts'),
      `import { getIpInterfaceTable, decodeCapture, watchIpInterfaces, type IpInterfaceRow, type IpInterfaceChange } from 'ipinterface';
const rows: IpInterfaceRow[] = process.platform === 'win32' ? getIpInterfaceTable('ipv4') : decodeCapture(new Uint8Array()).rows;
const mtu: number = rows[0]?.nlMtu ?? 0;
const luid: bigint | undefined = rows[0]?.interfaceLuid;
const rd: 'disabled' | 'enabled' | 'dhcp' | 'unchanged' | undefined = rows[0]?.routerDiscoveryBehavior;
// @ts-expect-error family is a literal union
const bad: IpInterfaceRow['family'] = 'ipx';
const onChange = (change: IpInterfaceChange) => change.row?.metric;
if (process.platform === 'win32') void watchIpInterfaces(onChange, { family: 'ipv6' }).close();
export { mtu, luid, rd, bad };
`,
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    for (const module of ['nodenext', 'commonjs']) {
      const resolution = module === 'nodenext' ? 'nodenext' : 'node10';
      execFileSync(
        process.execPath,
        [tsc, '--noEmit', '--strict', '--exactOptionalPropertyTypes', '--esModuleInterop', '--module', module, '--moduleResolution', resolution, '--target', 'es2022', '--typeRoots', join(root, 'node_modules', '@types'), '--types', 'node', 'consumer.ts'],
        { cwd: app, encoding: 'utf8' },
      );
    }
  }, 60_000);

  it('the ipinterface bin runs from the installed package', () => {
    const version = (require(join(root, 'package.json')) as { version: string }).version;
    expect(execFileSync(join(app, 'node_modules', '.bin', 'ipinterface'), ['--version'], { encoding: 'utf8' }).trim()).toBe(version);
    const out = execFileSync(join(app, 'node_modules', '.bin', 'ipinterface'), ['--from', join(app, 'node_modules', 'ipinterface', 'examples', 'laptop.ipcap'), '--json'], { encoding: 'utf8' });
    expect((JSON.parse(out) as unknown[]).length).toBe(realistic.length);
  });
});
