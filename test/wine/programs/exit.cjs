// process.exit() while watchers are open and the system thread floods callbacks.
// Usage: exit.cjs REPORT MODE   (MODE: flood | idle | unref | ref)
'use strict';
const h = require('./harness.cjs');

h.main(async () => {
  const pkg = h.pkg();
  const s = h.standin();
  const mode = process.argv[3];
  const report = (extra) => h.report({ mode, ...extra, counters: s.notifyCounters() });

  if (mode === 'ref' || mode === 'unref') {
    // Nothing but the watcher can keep this process alive for 1.5 s.
    const started = Date.now();
    let alive = false;
    const w = pkg.watchIpInterfaces(() => {});
    if (mode === 'unref') w.unref();
    process.on('exit', (code) => report({ alive, code, ms: Date.now() - started }));
    setTimeout(() => {
      alive = true;
      void w.close();
    }, 1500).unref();
    return;
  }

  const watchers = [pkg.watchIpInterfaces(() => {}), pkg.watchIpInterfaces(() => {}, { family: 'ipv6' })];
  if (mode === 'flood') {
    const delivered = s.notifyCounters().delivered;
    s.flood(10_000_000);
    await h.until(() => s.notifyCounters().delivered > delivered + 50, 5000, 'flood');
  }
  process.on('exit', (code) => report({ code, open: watchers.map((w) => !w.closed) }));
  process.exit(7);
});
