// Addresses, routes, neighbours and the best route against the stand-in iphlpapi.dll.
'use strict';
const h = require('./harness.cjs');

const DESTINATIONS = ['8.8.8.8', '192.168.1.40', '192.168.50.77', '10.8.0.9', '127.0.0.1', '198.51.100.7', '2606:4700::1111', 'fe80::99%17', '2001:db8:7a3c:10::abc', '::1'];

h.main(async () => {
  const pkg = h.pkg();
  const s = h.standin();
  const out = {};
  const tables = {
    addresses: [pkg.getUnicastIpAddressTable, pkg.getUnicastIpAddressTableAsync],
    routes: [pkg.getIpForwardTable2, pkg.getIpForwardTable2Async],
    neighbors: [pkg.getIpNetTable2, pkg.getIpNetTable2Async],
  };
  for (const scenario of ['realistic', 'unspec-error', 'wine8-ipnet', 'empty', 'error:5', 'null-table', 'huge-count']) {
    s.scenario(scenario);
    s.reset();
    out[scenario] = {};
    for (const [name, [sync, async]] of Object.entries(tables)) {
      out[scenario][name] = {};
      for (const family of ['all', 'ipv4', 'ipv6']) {
        out[scenario][name][family] = { sync: h.attempt(() => sync(family)), async: await h.attemptAsync(() => async(family)) };
      }
    }
    out[scenario].counters = s.counters();
  }

  s.scenario('realistic');
  const addresses = pkg.getUnicastIpAddressTable();
  out.addressEntries = addresses.map((a) => h.attempt(() => pkg.getUnicastIpAddressEntry({ address: a.address, interfaceIndex: a.interfaceIndex })));
  out.addressEntryByLuid = await h.attemptAsync(() => pkg.getUnicastIpAddressEntryAsync({ address: addresses[0].address, interfaceLuid: addresses[0].interfaceLuid }));
  out.addressMissing = h.attempt(() => pkg.getUnicastIpAddressEntry({ address: '203.0.113.1', interfaceIndex: 12 }));
  const routes = pkg.getIpForwardTable2();
  out.routeEntries = routes.map((r) =>
    h.attempt(() => pkg.getIpForwardEntry2({ destinationPrefix: r.destinationPrefix, nextHop: r.nextHop, interfaceIndex: r.interfaceIndex })),
  );
  out.routeEntryAsync = await h.attemptAsync(() => pkg.getIpForwardEntry2Async({ destinationPrefix: '0.0.0.0/0', nextHop: '192.168.1.1', interfaceLuid: routes.find((r) => r.interfaceIndex === 12).interfaceLuid }));
  out.routeMissing = h.attempt(() => pkg.getIpForwardEntry2({ destinationPrefix: '203.0.113.0/24', nextHop: '0.0.0.0', interfaceIndex: 12 }));

  // The best route, three ways, for each scenario's tables: GetBestRoute2 (C), the package's
  // fallback (GetBestRoute2 not supported), and chooseRoute on the tables read from the stand-in.
  out.best = {};
  for (const scenario of ['realistic', 'metric-tie']) {
    s.scenario(scenario);
    const t = { routes: pkg.getIpForwardTable2(), interfaces: pkg.getIpInterfaceTable(), addresses: pkg.getUnicastIpAddressTable() };
    out.best[scenario] = {};
    for (const dest of DESTINATIONS) {
      s.scenario(scenario);
      const system = h.attempt(() => pkg.getBestRoute(dest));
      const systemAsync = await h.attemptAsync(() => pkg.getBestRouteAsync(dest));
      const viaWifi = h.attempt(() => pkg.getBestRoute(dest, { interfaceIndex: 17 }));
      const chosen = h.attempt(() => pkg.chooseRoute(dest, t));
      const chosenWifi = h.attempt(() => pkg.chooseRoute(dest, t, { interfaceIndex: 17 }));
      out.best[scenario][dest] = { system, systemAsync, viaWifi, chosen, chosenWifi };
    }
    out.best[scenario].defaults = h.attempt(() => pkg.getDefaultRoutes());
    out.best[scenario].defaultsAsync = await h.attemptAsync(() => pkg.getDefaultRoutesAsync('ipv4'));
  }
  s.scenario('best-route-not-supported');
  out.fallback = {};
  for (const dest of DESTINATIONS) out.fallback[dest] = h.attempt(() => pkg.getBestRoute(dest));
  out.fallbackSource = h.attempt(() => pkg.getBestRoute('8.8.8.8', { sourceAddress: '192.168.50.117' }));
  s.scenario('realistic');
  out.systemSource = h.attempt(() => pkg.getBestRoute('8.8.8.8', { sourceAddress: '192.168.50.117' }));
  out.unreachable = h.attempt(() => pkg.getBestRoute('8.8.8.8', { interfaceIndex: 9 }));

  s.scenario('forward-1000');
  out.thousand = h.attempt(() => pkg.getIpForwardTable2().length);
  s.scenario('realistic');
  out.finalCounters = s.counters();
  h.report(out);
});
