// Writes docs/structs/NAME.md for every declared struct, from the declarations
// (run `npm run build` first). test/docs.test.ts fails when a committed page differs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const { STRUCTS, structReference } = require(`${root}dist/index.js`)._internal;
mkdirSync(`${root}docs/structs`, { recursive: true });
for (const struct of STRUCTS) {
  writeFileSync(`${root}docs/structs/${struct.name}.md`, structReference(struct));
  console.log(`wrote docs/structs/${struct.name}.md`);
}
