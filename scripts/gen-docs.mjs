// Writes the reference pages generated from the declarations (run `npm run build` first):
// docs/structs/NAME.md for every declared struct, docs/tables/NAME.md for every registered table.
// test/docs.test.ts and test/tables.test.ts fail when a committed page differs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const { STRUCTS, TABLES, structReference, tableReference } = require(`${root}dist/index.js`)._internal;
for (const [dir, items, page, name] of [
  ['structs', STRUCTS, structReference, (s) => s.name],
  ['tables', TABLES, tableReference, (t) => t.name],
]) {
  mkdirSync(`${root}docs/${dir}`, { recursive: true });
  for (const item of items) {
    writeFileSync(`${root}docs/${dir}/${name(item)}.md`, page(item));
    console.log(`wrote docs/${dir}/${name(item)}.md`);
  }
}
