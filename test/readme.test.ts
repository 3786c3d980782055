// The README's API index lists every runtime export and every public type of the package, once,
// and nothing that does not exist; every link in the README and in docs/ leads to a file that
// exists, and an anchor to a heading that exists there (GitHub's slugs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const index = readme.slice(readme.indexOf('## API index'), readme.indexOf('\n## ', readme.indexOf('## API index') + 1));
const entries = [...index.matchAll(/^- \[`([^`]+)`\]\(([^)]+)\)( \(type\))?/gm)].map((m) => ({ name: m[1]!, link: m[2]!, type: m[3] !== undefined }));

/** Every runtime export (what `require('ipinterface')` enumerates) and every type the entry exports. */
function publicNames(): { values: string[]; types: string[] } {
  const values = Object.keys(require(join(root, 'dist', 'index.js')) as object);
  const source = readFileSync(join(root, 'src', 'index.ts'), 'utf8');
  const types = [...source.matchAll(/export type \{([^}]*)\}/g)].flatMap((m) => m[1]!.split(',').map((s) => s.trim()).filter(Boolean));
  return { values, types };
}

/** The headings' anchors of a Markdown file, as GitHub makes them. */
function anchors(file: string): Set<string> {
  const slugger = new GithubSlugger();
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slugger.slug(m[1]!.trim())));
}

describe('the README', () => {
  it('stays short enough to read (under ~350 lines)', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(350);
  });

  it('its API index lists every runtime export and every public type, each once', () => {
    const { values, types } = publicNames();
    const listed = entries.map((e) => e.name);
    expect(new Set(listed).size, 'a name listed twice').toBe(listed.length);
    const missing = [...values, ...types].filter((name) => !listed.includes(name));
    expect(missing, 'exports missing from the API index').toEqual([]);
  });

  it('its API index names nothing that does not exist, and marks types as types', () => {
    const { values, types } = publicNames();
    for (const e of entries) {
      const exists = values.includes(e.name) || types.includes(e.name);
      expect(exists, `${e.name} is in the index but not exported`).toBe(true);
      if (e.type) expect(types, `${e.name} is marked (type)`).toContain(e.name);
      else expect(values, `${e.name} is not marked (type)`).toContain(e.name);
    }
    expect(entries.length).toBeGreaterThan(90);
  });

  it('the first screen says what it is, then the two commands', () => {
    const firstScreen = readme.split('\n').slice(0, 40).join('\n');
    expect(firstScreen).toMatch(/npm ci && npx ipinterface --from examples\/laptop\.ipcap/);
    expect(firstScreen).toMatch(/^npm test/m);
  });
});

describe('links in the README and docs/', () => {
  const docs = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? docs(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []));
  const files = [join(root, 'README.md'), ...docs(join(root, 'docs'))];
  it.each(files.map((f) => [relative(root, f), f] as const))('%s: every relative link leads to a file, and every anchor to a heading', (_name, file) => {
    const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue; // https:, mailto:
      const [path, anchor] = target!.split('#') as [string, string | undefined];
      const resolved = path === '' ? file : join(dirname(file), path);
      expect(existsSync(resolved), `${relative(root, file)} → ${target}`).toBe(true);
      if (anchor && resolved.endsWith('.md')) expect(anchors(resolved).has(anchor), `${relative(root, file)} → ${target}: no such heading`).toBe(true);
    }
  });
});
