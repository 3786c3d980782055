// Global setup of the pure tier: the folder tests make scratch directories in (ignored by git),
// and the built package that the package, CLI and bundle tests load, so that `npm run test:pure`
// works on a fresh clone, or after dist/ was removed, too (`npm test` builds first anyway).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(__dirname, '..');
  mkdirSync(join(root, '.cache'), { recursive: true });
  if (!['index.js', 'index.mjs', 'cli.js', 'index.d.ts'].every((file) => existsSync(join(root, 'dist', file)))) {
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  }
}
