// getIpInterfaceTable / getIpInterfaceTableAsync against the stand-in iphlpapi.dll.
'use strict';
const h = require('./harness.cjs');

h.main(async () => {
  const before = Object.keys(require.cache).some((p) => /[\\/]koffi[\\/]/.test(p));
  const pkg = h.pkg();
  const importLoadsKoffi = Object.keys(require.cache).some((p) => /[\\/]koffi[\\/]/.test(p));
  const esm = await import('file:///' + require('node:path').join(h.root, 'dist', 'index.mjs').replace(/\\/g, '/'));
  const s = h.standin();
  const out = { platform: process.platform, arch: process.arch, node: process.version, before, importLoadsKoffi };
  out.esmSameFunction = esm.getIpInterfaceTable === pkg.getIpInterfaceTable;

  // 1. Rows for every way of naming a family.
  s.scenario('realistic');
  out.families = {};
  for (const f of ['all', 'ipv4', 'ipv6', 0, 2, 23]) out.families[String(f)] = h.attempt(() => pkg.getIpInterfaceTable(f));
  out.defaultFamily = h.attempt(() => pkg.getIpInterfaceTable());
  out.asyncFamilies = {};
  for (const f of ['all', 'ipv4', 'ipv6']) out.asyncFamilies[f] = await h.attemptAsync(() => pkg.getIpInterfaceTableAsync(f));

  // 2. Bad family: rejected before any native call (the stand-in counts calls by tables handed out).
  s.reset();
  out.badFamily = [7, 10, 'inet', null, -1, 2.5, 'IPv4'].map((f) => h.attempt(() => pkg.getIpInterfaceTable(f)));
  out.badFamilyAsync = await h.attemptAsync(() => pkg.getIpInterfaceTableAsync('ip4'));
  out.countersAfterBadFamily = s.counters();

  // 3. Every scenario, sync and async, with the counters after each.
  const scenarios = [
    'empty', 'many:64', 'bad-enum', 'null-table', 'huge-count',
    'error:87', 'error:8', 'error:1168', 'error:50', 'error:5', 'error:2', 'error:31', 'error:1234567',
    'error:0xC0000225', 'error:0xC000000D', 'error:0xC0000017', 'error:0xC000009A', 'error:0xC00000BB',
  ];
  out.scenarios = {};
  for (const name of scenarios) {
    s.scenario(name);
    s.reset();
    const sync = h.attempt(() => pkg.getIpInterfaceTable('all'));
    const asyncResult = await h.attemptAsync(() => pkg.getIpInterfaceTableAsync('all'));
    out.scenarios[name] = { sync, async: asyncResult, counters: s.counters() };
  }

  // 4. 10,000 calls mixing successes, every error and forced decode failures.
  const mix = ['realistic', 'error:87', 'bad-enum', 'huge-count', 'error:1168', 'empty', 'null-table', 'error:50', 'many:3', 'error:8'];
  s.reset();
  const outcomes = {};
  for (let i = 0; i < 10_000; i++) {
    s.scenario(mix[i % mix.length]);
    const r = h.attempt(() => pkg.getIpInterfaceTable(i % 3 === 0 ? 'ipv4' : 'all'));
    const key = r.error ? r.error.code : `rows:${r.ok.length}`;
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  }
  out.mixed = { outcomes, counters: s.counters() };

  // 5. 100 concurrent async calls, each slowed to 20 ms inside the DLL, while the
  //    event loop keeps ticking.
  s.scenario('realistic');
  s.delay(20);
  s.reset();
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  const started = Date.now();
  const results = await Promise.allSettled(Array.from({ length: 100 }, () => pkg.getIpInterfaceTableAsync('all')));
  const asyncMs = Date.now() - started;
  clearInterval(timer);
  out.concurrent = {
    fulfilled: results.filter((r) => r.status === 'fulfilled').length,
    rowCounts: [...new Set(results.map((r) => (r.status === 'fulfilled' ? r.value.length : -1)))],
    firstRows: results[0].status === 'fulfilled' ? results[0].value : null,
    rejected: results.filter((r) => r.status === 'rejected').map((r) => h.errorInfo(r.reason)),
    counters: s.counters(),
    ms: asyncMs,
    ticks,
  };
  // The sync call with the same delay blocks the loop for its whole duration.
  let syncTicks = 0;
  const t2 = setInterval(() => syncTicks++, 5);
  const blockedStart = Date.now();
  await new Promise((r) => setTimeout(r, 0));
  for (let i = 0; i < 10; i++) pkg.getIpInterfaceTable('all');
  const blockedMs = Date.now() - blockedStart;
  await new Promise((r) => setTimeout(r, 0));
  clearInterval(t2);
  out.syncBlocking = { ms: blockedMs, ticks: syncTicks };
  s.delay(0);

  // 6. A DLL or export that is missing: ERROR_NOT_SUPPORTED, not a crash.
  const native = pkg._internal;
  out.missingDll = h.attempt(() => native.bind('no-such-library.dll', 'Nothing', 'int', []));
  out.missingExport = h.attempt(() => native.bind('iphlpapi.dll', 'NoSuchExport', 'int', []));
  out.missingExportAgain = h.attempt(() => native.bind('iphlpapi.dll', 'NoSuchExport', 'int', []));

  // 7. A capture made from the live call decodes back to the same rows.
  s.scenario('realistic');
  const capture = pkg.captureIpInterfaceTable('ipv6');
  const decoded = pkg.decodeCapture(capture);
  out.capture = { rows: decoded.rows, metadata: decoded.metadata, same: JSON.stringify(decoded.rows, (k, v) => (typeof v === 'bigint' ? String(v) : v)) === JSON.stringify(pkg.getIpInterfaceTable('ipv6'), (k, v) => (typeof v === 'bigint' ? String(v) : v)) };
  out.finalCounters = s.counters();
  h.report(out);
});
