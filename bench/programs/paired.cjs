// Timing shared by the Wine benchmark programs (e2e.cjs, gaa.cjs): median ns per call, and the
// package against the hand path alternating round by round (which goes first alternating too, a
// warm-up round first), the ratio taken per round (paired: both ran in the same stretch of a noisy
// machine).
'use strict';

function median(xs) {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

function timeOf(fn, n) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  return Number(process.hrtime.bigint() - t0) / n;
}

/** { packageNsPerCall, handNsPerCall, pairedRatio }: medians over `rounds` rounds of `n` calls each. */
function paired(packagePath, handPath, n, rounds) {
  const pkgNs = [];
  const handNs = [];
  const ratios = [];
  for (let round = -1; round < rounds; round++) {
    let a;
    let b;
    if (round % 2 === 0) {
      a = timeOf(packagePath, n);
      b = timeOf(handPath, n);
    } else {
      b = timeOf(handPath, n);
      a = timeOf(packagePath, n);
    }
    if (round >= 0) {
      pkgNs.push(a);
      handNs.push(b);
      ratios.push(a / b);
    }
  }
  return { packageNsPerCall: median(pkgNs), handNsPerCall: median(handNs), pairedRatio: median(ratios) };
}

module.exports = { median, timeOf, paired };
