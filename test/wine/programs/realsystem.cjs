// The real-system tier: runs inside a private network namespace (scripts/netns-run.sh)
// against Wine's own iphlpapi.dll, which reads that namespace's Linux interfaces.
// argv[3]: JSON { missingIndex } — an interface index the namespace does not have.
'use strict';
const h = require('./harness.cjs');

h.main(async () => {
  const pkg = h.pkg();
  const { missingIndex } = JSON.parse(process.argv[3] ?? '{}');
  const started = Date.now();
  const out = {};
  out.table = h.attempt(() => pkg.getIfTable2());
  out.tableAsync = await h.attemptAsync(() => pkg.getIfTable2Async());

  // One lookup per row the table listed, by index and by LUID, sync and async.
  out.entries = [];
  for (const row of out.table.ok ?? []) {
    out.entries.push({
      index: row.interfaceIndex,
      luid: row.interfaceLuid,
      byIndex: h.attempt(() => pkg.getIfEntry2(row.interfaceIndex)),
      byLuid: h.attempt(() => pkg.getIfEntry2(row.interfaceLuid)),
      byIndexAsync: await h.attemptAsync(() => pkg.getIfEntry2Async(row.interfaceIndex)),
      byLuidAsync: await h.attemptAsync(() => pkg.getIfEntry2Async(row.interfaceLuid)),
    });
  }

  out.missingIndex = h.attempt(() => pkg.getIfEntry2(missingIndex));
  out.missingIndexAsync = await h.attemptAsync(() => pkg.getIfEntry2Async(missingIndex));
  out.missingLuid = h.attempt(() => pkg.getIfEntry2(pkg.makeLuid({ ifType: 6, netLuidIndex: missingIndex })));
  out.ms = Date.now() - started;
  h.report(out);
});
