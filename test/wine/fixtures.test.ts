import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { root } from '../helpers.js';
import { describeWithTools } from './support.js';

describeWithTools('C-made fixtures regenerate byte for byte', ['wine', 'x86_64-w64-mingw32-gcc'], () => {
  it('scripts/gen-fixtures.sh --check: MinGW + Wine rebuild fixtures/c/ with no difference', () => {
    const out = execFileSync('bash', [join(root, 'scripts', 'gen-fixtures.sh'), '--check'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toContain('committed fixtures match a fresh build');
  });
});
