// Global setup of a Wine project (one per architecture, vitest.config.ts): prepare Windows Node +
// koffi's win32 prebuild and build the stand-in DLL once, before any Wine test file runs. Without
// the tools it does nothing; the tests then skip loudly, or fail under IPINTERFACE_REQUIRE_WINE=1
// (see support.ts for the one recorded exception, 32-bit Wine that could not be installed).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { missingTools, wineToolsFor } from './support.js';
import { parseWineArch } from './windows-node.js';

export default function setup(project: TestProject): void {
  const arch = parseWineArch(project.config.env?.IPINTERFACE_WINE_ARCH);
  if (missingTools([...wineToolsFor(arch), 'npm']).length > 0) return;
  const root = join(__dirname, '..', '..');
  for (const script of ['prepare-windows-node.sh', 'build-standin.sh']) {
    execFileSync('bash', [join(root, 'scripts', script), arch], { cwd: root, stdio: 'inherit' });
  }
}
