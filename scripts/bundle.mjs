// The second half of `npm run build`: tsc has written dist/ module by module (and the type
// declarations); this bundles the two entry points, dist/index.js (the package) and dist/cli.js
// (the command), each into one file with esbuild, and removes the per-module .js files, which
// nothing loads any more. Importing one file instead of about thirty-five is what brings
// `require('ipinterface')` within 1.1x of `node -e 0` (npm run bench:import). zod and koffi stay
// outside, loaded on first use.
//
// dist/index.mjs, the ES module entry, is written here too: it loads dist/index.js with require()
// and names each export. `export * from './index.js'` (what tsc emits from src/index.mts) made Node
// scan the whole bundle with its CommonJS export lexer on every import, which doubled the
// instructions of `import 'ipinterface'`. Both entries share one copy of every class.
import { build } from 'esbuild';
import { chmodSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
// Source maps beside each bundle (`node --enable-source-maps` and Electron's devtools show src/ paths and
// lines in stack traces), without the sources' text: the maps stay small, and the tarball with them.
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['zod', 'koffi'],
  logLevel: 'warning',
  legalComments: 'none',
  sourcemap: 'linked',
  sourcesContent: false,
};
// `_internal` (the tests' and benchmarks' way in, src/internal.ts) stays on the exports object but is
// not enumerable there: Object.keys(require('ipinterface')) lists the API only.
await build({
  ...common,
  entryPoints: [join(root, 'src', 'index.ts')],
  outfile: join(dist, 'index.js'),
  // esbuild defines each export as a non-configurable getter; the entry's exports object is rebuilt
  // once, after the module ran, with _internal as a plain non-enumerable value.
  footer: {
    js: `module.exports = ((m) => { const o = {}; for (const k of Object.keys(m)) if (k !== "_internal") Object.defineProperty(o, k, Object.getOwnPropertyDescriptor(m, k)); Object.defineProperty(o, "__esModule", { value: true }); Object.defineProperty(o, "_internal", { value: m._internal, enumerable: false }); return o; })(module.exports);`,
  },
});
await build({ ...common, entryPoints: [join(root, 'src', 'cli', 'main.ts')], outfile: join(dist, 'cli.js') });
chmodSync(join(dist, 'cli.js'), 0o755);

const names = Object.keys(createRequire(import.meta.url)(join(dist, 'index.js'))).sort();
if (names.some((name) => !/^[A-Za-z_$][\w$]*$/.test(name))) throw new Error(`bundle: an export name that is not an identifier: ${names.join(', ')}`);
writeFileSync(
  join(dist, 'index.mjs'),
  `// The ES module entry (written by scripts/bundle.mjs): the CommonJS build, loaded once, each export named.
import { createRequire } from 'node:module';
const cjs = createRequire(import.meta.url)('./index.js');
export const { ${names.join(', ')} } = cjs;
`,
);

const keep = new Set(['index.js', 'index.mjs', 'cli.js']);
// (the .js.map files beside the two bundles stay too: only stray .js files go)
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  const path = join(entry.parentPath ?? entry.path, entry.name);
  if (entry.isFile() && entry.name.endsWith('.js') && !keep.has(relative(dist, path))) rmSync(path);
}
