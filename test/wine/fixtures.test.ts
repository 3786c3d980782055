import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { root } from '../helpers.js';
import { describeWithTools, wineTools } from './support.js';
import { WINE_ARCH } from './windows-node.js';

describeWithTools('C-made fixtures regenerate byte for byte', wineTools, () => {
  // On ia32: built by i686 MinGW and run by 32-bit Wine, the same committed bytes (the rows have one layout on both).
  it(`scripts/gen-fixtures.sh --check --arch ${WINE_ARCH}: MinGW + Wine rebuild fixtures/c/ with no difference`, () => {
    const out = execFileSync('bash', [join(root, 'scripts', 'gen-fixtures.sh'), '--check', '--arch', WINE_ARCH], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toContain(`committed fixtures match a fresh ${WINE_ARCH} build`);
  });
});
