/**
 * The Wine tier: tests that need Wine and MinGW. Without them they skip, and
 * say so loudly; with IPINTERFACE_REQUIRE_WINE=1 (set by .ci/run) a missing
 * tool fails the run instead, so CI can never pass by skipping.
 *
 * The one exception is the ia32 tier when 32-bit Wine could not be installed for a
 * reason outside the project (scripts/install-wine32.sh wrote why to
 * .cache/wine32-unavailable.txt): its tests skip, and the summary names the tier and
 * the reason (scripts/test-summary.mjs). When the install worked, that file is gone
 * and a skipped ia32 test fails like any other.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { root } from '../helpers.js';
import { WINE32, WINE_ARCH, type WineArch } from './windows-node.js';

function onPath(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v '${tool}'`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const requireWine = process.env.IPINTERFACE_REQUIRE_WINE === '1';

/** Set only in the Wine projects of vitest.config.ts; the pure project has no Wine architecture. */
const projectArch = process.env.IPINTERFACE_WINE_ARCH as 'x64' | 'ia32' | undefined;

/** What a Wine tier needs: Wine and MinGW for its architecture (and 32-bit Wine for ia32). */
export function wineToolsFor(arch: WineArch): readonly string[] {
  return arch === 'ia32' ? ['wine', 'i686-w64-mingw32-gcc', WINE32] : ['wine', 'x86_64-w64-mingw32-gcc'];
}

/** What this project's Wine tier needs. */
export const wineTools = wineToolsFor(WINE_ARCH);

/** Written by scripts/install-wine32.sh when wine32:i386 could not be installed: why, in one line (IPINTERFACE_WINE32_STATUS overrides the path). */
export const wine32StatusFile = process.env.IPINTERFACE_WINE32_STATUS ?? join(root, '.cache', 'wine32-unavailable.txt');

/** Which of the needed tools are missing. */
export function missingTools(tools: readonly string[]): string[] {
  return tools.filter((tool) => !onPath(tool));
}

/** A block's title: in a Wine project it names the architecture, so the report (and the summary's per-architecture counts) can tell them apart. */
export function tierTitle(name: string): string {
  return projectArch ? `[wine ${projectArch}] ${name}` : name;
}

/** `describe` for a block that needs `tools`: runs, skips loudly, or fails when CI requires it. */
export function describeWithTools(name: string, tools: readonly string[], body: () => void): void {
  const title = tierTitle(name);
  const missing = missingTools(tools);
  if (missing.length === 0) {
    describe(title, body);
    return;
  }
  const install =
    WINE_ARCH === 'ia32'
      ? 'bash scripts/install-wine32.sh .cache/wine32-unavailable.txt; apt-get install gcc-mingw-w64-i686-win32'
      : 'apt-get install wine wine64 gcc-mingw-w64-x86-64-win32';
  const why = `${title}: ${missing.join(', ')} not found (install: ${install})`;
  const recorded = WINE_ARCH === 'ia32' && missing.includes(WINE32) && existsSync(wine32StatusFile);
  if (recorded) {
    // Outside the project: the summary names this tier as not run, with the reason.
    const reason = readFileSync(wine32StatusFile, 'utf8').trim();
    console.warn(`\n*** NOT RUN (wine ia32 tier) ${title}: ${reason} ***\n`);
    describe.skip(title, body);
    return;
  }
  if (requireWine) {
    describe(title, () => {
      it('has the tools it needs (IPINTERFACE_REQUIRE_WINE=1)', () => {
        throw new Error(`${why}; IPINTERFACE_REQUIRE_WINE=1 turns this skip into a failure`);
      });
    });
    return;
  }
  console.warn(`\n*** SKIPPED (Wine tier) ${why}. A skipped test is not a passed one. ***\n`);
  describe.skip(title, body);
}
