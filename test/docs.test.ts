// The reference pages in docs/structs/ are generated from the declarations; a
// page that differs from what the declaration generates fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { structReference } from '../src/struct/docs.js';
import { STRUCTS } from '../src/structs/index.js';
import { root } from './helpers.js';

describe('generated reference pages', () => {
  it.each(STRUCTS.map((s) => [s.name, s] as const))('docs/structs/%s.md is current (npm run docs regenerates it)', (name, struct) => {
    expect(readFileSync(join(root, 'docs', 'structs', `${name}.md`), 'utf8')).toBe(structReference(struct));
  });

  it('every member is on the page, with its offset and JS key', () => {
    for (const struct of STRUCTS) {
      const page = structReference(struct);
      for (const f of struct.layout().fields) expect(page).toContain(`| ${f.cName} |`);
      for (const key of struct.keys) expect(page).toContain(`\`${key}\``);
    }
  });

  it('the README links to every page', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const struct of STRUCTS) expect(readme).toContain(`docs/structs/${struct.name}.md`);
  });
});
