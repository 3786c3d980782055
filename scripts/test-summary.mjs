// Prints vitest's result as one plain closing line, "tests: N passed, N failed, N skipped",
// from the JSON report `npm test` writes. With IPINTERFACE_REQUIRE_WINE=1 (CI) a
// skipped test is a failure: a skipped test is not a passed one.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(new URL('../.cache/vitest-report.json', import.meta.url), 'utf8'));
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
if (report.numTotalTests === 0) {
  console.error('test-summary: no test ran');
  process.exit(1);
}
if (skipped > 0 && process.env.IPINTERFACE_REQUIRE_WINE === '1') {
  console.error('test-summary: tests were skipped, and IPINTERFACE_REQUIRE_WINE=1 forbids that');
  process.exit(1);
}
