// Global setup of the Wine tier: prepare Windows Node + koffi's win32 prebuild and
// build the stand-in DLL once, before any Wine test file runs. Without the tools
// it does nothing; the tests then skip loudly, or fail under IPINTERFACE_REQUIRE_WINE=1.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { missingTools } from './support.js';

export default function setup(): void {
  if (missingTools(['wine', 'x86_64-w64-mingw32-gcc', 'npm']).length > 0) return;
  const root = join(__dirname, '..', '..');
  for (const script of ['prepare-windows-node.sh', 'build-standin.sh']) {
    execFileSync('bash', [join(root, 'scripts', script)], { cwd: root, stdio: 'inherit' });
  }
}
