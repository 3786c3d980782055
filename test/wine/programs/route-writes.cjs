// createRoute / setRoute / deleteRoute (sync and async) against the stand-in iphlpapi.dll, which keeps
// the routes it is given in memory: the rows it received (compared with C's by the test), the
// route in the table, the entry and the feed, 5010 / 1168 / 5, and the options.
// argv[3]: JSON [{ name, input }] — the C-made write fixtures' inputs.
'use strict';
const h = require('./harness.cjs');

const revive = (input) => (input.interfaceLuid === undefined ? input : { ...input, interfaceLuid: BigInt(input.interfaceLuid) });

h.main(async () => {
  const pkg = h.pkg();
  const s = h.standin();
  const cases = JSON.parse(process.argv[3]);
  const out = { rows: {} };
  s.scenario('realistic');
  s.reset();

  // The C-made inputs: the row CreateIpForwardEntry2 receives for each.
  for (const { name, input } of cases) {
    s.reset();
    const result = h.attempt(() => pkg.createRoute(revive(input)));
    out.rows[name] = { result, received: s.lastRouteRow(0) };
  }

  s.reset();
  const changes = [];
  const watcher = pkg.watchRoutes((change) => changes.push({ type: change.type, prefix: change.destinationPrefix, nextHop: change.nextHop, metric: change.row?.metric }));
  await h.sleep(200);
  const route = { destinationPrefix: '10.99.0.0/16', nextHop: '192.168.1.1', interfaceIndex: 12, metric: 7 };
  const key = { destinationPrefix: '10.99.0.0/16', nextHop: '192.168.1.1', interfaceIndex: 12 };
  const inTable = () => pkg.getIpForwardTable2('ipv4').filter((r) => r.destinationPrefix.address === '10.99.0.0' && r.destinationPrefix.prefixLength === 16);
  out.create = h.attempt(() => pkg.createRoute(route));
  out.afterCreate = { table: inTable(), entry: h.attempt(() => pkg.getIpForwardEntry2(key)) };
  out.createAgain = h.attempt(() => pkg.createRoute(route));
  out.replace = h.attempt(() => pkg.createRoute({ ...route, metric: 9 }, { ifExists: 'replace' }));
  out.set = await h.attemptAsync(() => pkg.setRouteAsync({ ...key, metric: 11, validLifetime: 3600, preferredLifetime: 1800 }));
  out.delete = h.attempt(() => pkg.deleteRoute(key));
  out.afterDelete = { table: inTable(), entry: h.attempt(() => pkg.getIpForwardEntry2(key)) };
  out.deleteAgain = h.attempt(() => pkg.deleteRoute(key));
  out.deleteIgnore = await h.attemptAsync(() => pkg.deleteRouteAsync(key, { ifMissing: 'ignore' }));
  out.setMissing = h.attempt(() => pkg.setRoute({ ...key, metric: 1 }));
  out.createAsync = await h.attemptAsync(() => pkg.createRouteAsync({ destinationPrefix: '2001:db8:77::/48', nextHop: 'fe80::1', interfaceIndex: 17 }));
  out.unknownInterface = h.attempt(() => pkg.createRoute({ ...route, interfaceIndex: 999 }));
  await h.sleep(300);
  await watcher.close();
  out.changes = changes.filter((c) => c.prefix?.address === '10.99.0.0' || c.prefix?.address === '2001:db8:77::');
  out.calls = s.routeWriteCalls();

  s.scenario('not-elevated');
  out.denied = { create: h.attempt(() => pkg.createRoute(route)), delete: await h.attemptAsync(() => pkg.deleteRouteAsync(key)) };
  s.scenario('error:87');
  out.invalid = h.attempt(() => pkg.createRoute(route));
  s.scenario('realistic');
  s.reset();
  h.report(out);
});
