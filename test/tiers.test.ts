// The rules of the Wine tiers themselves, without Wine: vitest runs the ia32 project with its
// 32-bit loader pointed nowhere (as on a machine where wine32:i386 did not install), and
// scripts/test-summary.mjs reads what it reported.
//   - with the install's recorded reason (scripts/install-wine32.sh's status file), the ia32
//     tests do not run, and the summary names the tier and the reason and passes, under
//     IPINTERFACE_REQUIRE_WINE=1 as in CI;
//   - without it (the install worked, or was never tried), a missing 32-bit Wine fails the run;
//   - a skipped ia32 test with no recorded reason fails the summary; the counts are per tier.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ipinterface-tiers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The environment of a child run: this process's, without what vitest set for itself here. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^VITEST|^TEST$|^NODE_ENV$/.test(k)));
  return { ...env, IPINTERFACE_REQUIRE_WINE: '1', IPINTERFACE_WINE32: join(dir, 'no-such-wine'), ...extra };
}

function runIa32Project(name: string, status: string | null) {
  const statusFile = join(dir, `${name}.status`);
  if (status !== null) writeFileSync(statusFile, `${status}\n`);
  const report = join(dir, `${name}.json`);
  const env = childEnv({ IPINTERFACE_WINE32_STATUS: statusFile });
  const vitest = spawnSync(
    join(root, 'node_modules', '.bin', 'vitest'),
    ['run', '--project', 'wine-ia32', 'test/wine/entry.test.ts', '--reporter=default', '--reporter=json', `--outputFile=${report}`],
    { cwd: root, encoding: 'utf8', env, timeout: 60_000 },
  );
  const summary = spawnSync(process.execPath, [join(root, 'scripts', 'test-summary.mjs'), report], { cwd: root, encoding: 'utf8', env, timeout: 20_000 });
  return { vitest, summary, report: JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number } };
}

describe('the ia32 tier when 32-bit Wine is missing', () => {
  it('with the install failure recorded: not run, and the summary names the tier and the reason, and passes', () => {
    const reason = 'wine32:i386 did not install: E: Unable to correct problems (test reason 7f3a)';
    const { vitest, summary, report } = runIa32Project('recorded', reason);
    expect(vitest.status, vitest.stderr).toBe(0);
    expect(report.numPassedTests).toBe(0);
    expect(report.numFailedTests).toBe(0);
    expect(report.numPendingTests).toBeGreaterThan(0);
    expect(vitest.stderr + vitest.stdout).toContain(`NOT RUN (wine ia32 tier)`);
    expect(summary.status, summary.stderr).toBe(0);
    expect(summary.stdout).toContain(`wine ia32: NOT RUN (${reason})`);
    expect(summary.stderr).toContain(`the wine ia32 tier did not run: ${reason}`);
  }, 90_000);

  it('with nothing recorded: the tier fails instead of skipping', () => {
    const { vitest, summary, report } = runIa32Project('unrecorded', null);
    expect(vitest.status).not.toBe(0);
    expect(report.numFailedTests).toBeGreaterThan(0);
    expect(report.numPassedTests).toBe(0);
    expect(summary.status).not.toBe(0);
    expect(summary.stdout).toMatch(/wine ia32: 0 passed, [1-9]\d* failed/);
  }, 90_000);
});

describe('scripts/test-summary.mjs', () => {
  const file = (title: string, status: string) => ({ ancestorTitles: [title], fullName: title, status, title: 't', failureMessages: [] });
  const write = (name: string, tests: ReturnType<typeof file>[]) => {
    const path = join(dir, `${name}.json`);
    const count = (s: string) => tests.filter((t) => t.status === s).length;
    writeFileSync(
      path,
      JSON.stringify({
        numTotalTests: tests.length,
        numPassedTests: count('passed'),
        numFailedTests: count('failed'),
        numPendingTests: count('skipped') + count('pending'),
        numTodoTests: 0,
        testResults: [{ name: 'x.test.ts', status: count('failed') ? 'failed' : 'passed', message: '', assertionResults: tests }],
      }),
    );
    return path;
  };
  const summarize = (path: string, extra: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(root, 'scripts', 'test-summary.mjs'), path], {
      encoding: 'utf8',
      env: childEnv({ IPINTERFACE_WINE32_STATUS: join(dir, 'absent.status'), ...extra }),
    });

  it('counts per tier', () => {
    const path = write('counts', [
      file('a pure block', 'passed'),
      file('another', 'passed'),
      file('[wine x64] block', 'passed'),
      file('[wine x64] block', 'failed'),
      file('[wine ia32] block', 'passed'),
      file('[wine ia32] block', 'passed'),
      file('[wine ia32] block', 'passed'),
    ]);
    const r = summarize(path, { IPINTERFACE_REQUIRE_WINE: '' });
    expect(r.stdout).toContain('tests: 6 passed, 1 failed, 0 skipped');
    expect(r.stdout).toContain('pure: 2 passed; wine x64: 1 passed, 1 failed; wine ia32: 3 passed');
  });

  it('a skipped ia32 test with no recorded reason fails under IPINTERFACE_REQUIRE_WINE=1', () => {
    const path = write('skipped', [file('pure', 'passed'), file('[wine x64] b', 'passed'), file('[wine ia32] b', 'skipped')]);
    const r = summarize(path);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('tests were skipped');
    expect(r.stdout).toContain('wine ia32: 0 passed, 1 skipped');
  });

  it('a recorded reason excuses skipped ia32 tests only, never a skipped x64 one', () => {
    const status = join(dir, 'reason.status');
    writeFileSync(status, 'the mirror said no\n');
    const path = write('x64-skipped', [file('[wine x64] b', 'skipped'), file('[wine ia32] b', 'skipped')]);
    const r = summarize(path, { IPINTERFACE_WINE32_STATUS: status });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('wine ia32: NOT RUN (the mirror said no)');
  });
});
