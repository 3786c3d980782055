// Global setup of a Wine project (one per architecture, vitest.config.ts): prepare Windows Node +
// koffi's win32 prebuild and build the stand-in DLL once, before any Wine test file runs. Without
// the tools it does nothing; the tests then skip loudly, or fail under IPINTERFACE_REQUIRE_WINE=1
// (see support.ts for the one recorded exception, 32-bit Wine that could not be installed).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): void {
  const arch = project.config.env?.IPINTERFACE_WINE_ARCH ?? 'x64';
  if (arch !== 'x64' && arch !== 'ia32') throw new Error(`test/wine/setup.ts: IPINTERFACE_WINE_ARCH must be 'x64' or 'ia32', got '${arch}'`);
  const tools = arch === 'x64' ? ['wine', 'x86_64-w64-mingw32-gcc', 'npm'] : ['wine', 'i686-w64-mingw32-gcc', process.env.IPINTERFACE_WINE32 ?? '/usr/lib/wine/wine', 'npm'];
  const onPath = (tool: string) => {
    try {
      execFileSync('sh', ['-c', `command -v '${tool}'`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (!tools.every(onPath)) return;
  const root = join(__dirname, '..', '..');
  for (const script of ['prepare-windows-node.sh', 'build-standin.sh']) {
    execFileSync('bash', [join(root, 'scripts', script), arch], { cwd: root, stdio: 'inherit' });
  }
}
