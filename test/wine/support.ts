/**
 * The Wine tier: tests that need Wine and MinGW. Without them they skip, and
 * say so loudly; with IPINTERFACE_REQUIRE_WINE=1 (set by .ci/run) a missing
 * tool fails the run instead, so CI can never pass by skipping.
 */
import { execFileSync } from 'node:child_process';
import { describe, it } from 'vitest';

function onPath(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const requireWine = process.env.IPINTERFACE_REQUIRE_WINE === '1';

/** Which of the needed tools are missing. */
export function missingTools(tools: readonly string[]): string[] {
  return tools.filter((tool) => !onPath(tool));
}

/** `describe` for a block that needs `tools`: runs, skips loudly, or fails when CI requires it. */
export function describeWithTools(name: string, tools: readonly string[], body: () => void): void {
  const missing = missingTools(tools);
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  const why = `${name}: ${missing.join(', ')} not found (install: apt-get install wine wine64 gcc-mingw-w64-x86-64-win32)`;
  if (requireWine) {
    describe(name, () => {
      it('has the tools it needs (IPINTERFACE_REQUIRE_WINE=1)', () => {
        throw new Error(`${why}; IPINTERFACE_REQUIRE_WINE=1 turns this skip into a failure`);
      });
    });
    return;
  }
  console.warn(`\n*** SKIPPED (Wine tier) ${why}. A skipped test is not a passed one. ***\n`);
  describe.skip(name, body);
}
