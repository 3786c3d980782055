// Prints vitest's result as plain closing lines from the JSON report `npm test` writes
// (node scripts/test-summary.mjs [REPORT.json]; .cache/vitest-report.json by default):
//
//   tests: N passed, N failed, N skipped
//   pure: N passed; wine x64: N passed; wine ia32: N passed
//
// Wine-tier tests carry their architecture in their title ("[wine ia32] …", test/wine/support.ts).
// With IPINTERFACE_REQUIRE_WINE=1 (CI) a skipped test is a failure: a skipped test is not a
// passed one. The one exception: the ia32 tier when scripts/install-wine32.sh recorded that 32-bit
// Wine could not be installed (.cache/wine32-unavailable.txt, or IPINTERFACE_WINE32_STATUS; a
// reason outside the project).
// Then the summary says so, naming the tier and the reason, instead of counting it as passed.
import { existsSync, readFileSync } from 'node:fs';

const cache = new URL('../.cache/', import.meta.url);
const report = JSON.parse(readFileSync(process.argv[2] ?? new URL('vitest-report.json', cache), 'utf8'));
const statusFile = process.env.IPINTERFACE_WINE32_STATUS ?? new URL('wine32-unavailable.txt', cache);
const wine32Unavailable = existsSync(statusFile) ? readFileSync(statusFile, 'utf8').trim() : null;

const tiers = new Map([['pure', { passed: 0, failed: 0, skipped: 0 }], ['wine x64', { passed: 0, failed: 0, skipped: 0 }], ['wine ia32', { passed: 0, failed: 0, skipped: 0 }]]);
let filesFailedToRun = 0;
for (const file of report.testResults) {
  if (file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed')) filesFailedToRun++;
  for (const a of file.assertionResults) {
    const tier = /^\[(wine (?:x64|ia32))\]/.exec(a.ancestorTitles[0] ?? '')?.[1] ?? 'pure';
    const counts = tiers.get(tier);
    if (a.status === 'passed') counts.passed++;
    else if (a.status === 'failed') counts.failed++;
    else counts.skipped++;
  }
}

const skipped = report.numPendingTests + report.numTodoTests;
console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
const ia32 = tiers.get('wine ia32');
const notRun = wine32Unavailable !== null && ia32.passed === 0 && ia32.failed === 0;
const describe = (name, c) => {
  if (name === 'wine ia32' && notRun) return `wine ia32: NOT RUN (${wine32Unavailable})`;
  const parts = [`${c.passed} passed`];
  if (c.failed) parts.push(`${c.failed} failed`);
  if (c.skipped) parts.push(`${c.skipped} skipped`);
  return `${name}: ${parts.join(', ')}`;
};
console.log([...tiers].map(([name, c]) => describe(name, c)).join('; '));
if (filesFailedToRun > 0) console.error(`test-summary: ${filesFailedToRun} test file(s) failed before their tests ran`);

if (report.numTotalTests === 0) {
  console.error('test-summary: no test ran');
  process.exit(1);
}
if (report.numFailedTests > 0 || filesFailedToRun > 0) process.exit(1);
if (process.env.IPINTERFACE_REQUIRE_WINE === '1') {
  const excused = notRun ? ia32.skipped : 0;
  if (skipped - excused > 0) {
    console.error('test-summary: tests were skipped, and IPINTERFACE_REQUIRE_WINE=1 forbids that');
    process.exit(1);
  }
  if (notRun) {
    console.error(
      `test-summary: the wine ia32 tier did not run: ${wine32Unavailable}\n` +
        'test-summary: that reason is outside the project (scripts/install-wine32.sh); every other tier ran in full',
    );
  }
}
