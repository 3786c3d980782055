// The real-system tier for addresses, routes, neighbours and the best route:
// runs inside a private network namespace (scripts/netns-run.sh) against Wine's
// own iphlpapi.dll, which reads that namespace's Linux addresses, routes and neighbours.
// argv[3]: JSON {
//   bestRoutes: [{ name, destination, options? }]   getBestRoute / getBestRouteAsync for each
//   missingEntry: { address, interfaceIndex }       an address that interface does not have
// }
'use strict';
const h = require('./harness.cjs');

/** The raw status of one Get…Table2 call per family (the table freed), to see what the package is given. */
function rawStatuses() {
  const koffi = require('koffi');
  const lib = koffi.load('iphlpapi.dll');
  const free = lib.func('__stdcall', 'FreeMibTable', 'void', ['void *']);
  const out = {};
  for (const name of ['GetUnicastIpAddressTable', 'GetIpForwardTable2', 'GetIpNetTable2']) {
    const fn = lib.func('__stdcall', name, 'uint32_t', ['uint16_t', koffi.out(koffi.pointer('void *'))]);
    out[name] = {};
    for (const [family, af] of [['unspec', 0], ['ipv4', 2], ['ipv6', 23]]) {
      const table = [null];
      const status = fn(af, table);
      const rows = table[0] ? koffi.decode(table[0], 'uint32_t') : null;
      if (table[0]) free(table[0]);
      out[name][family] = { status, rows };
    }
  }
  const best = lib.func('__stdcall', 'GetBestRoute2', 'uint32_t', ['void *', 'uint32_t', 'void *', 'void *', 'uint32_t', 'void *', 'void *']);
  const dest = Buffer.alloc(28);
  dest.writeUInt16LE(2, 0);
  Buffer.from([198, 18, 0, 1]).copy(dest, 4);
  out.GetBestRoute2 = { status: best(null, 0, null, dest, 0, Buffer.alloc(104), Buffer.alloc(28)) };
  return out;
}

h.main(async () => {
  const pkg = h.pkg();
  const { bestRoutes = [], missingEntry } = JSON.parse(process.argv[3] ?? '{}');
  const started = Date.now();
  const out = {};

  out.raw = h.attempt(rawStatuses);

  out.addresses = {};
  out.routes = {};
  out.neighbours = {};
  for (const family of ['all', 'ipv4', 'ipv6']) {
    out.addresses[family] = { sync: h.attempt(() => pkg.getUnicastIpAddressTable(family)), async: await h.attemptAsync(() => pkg.getUnicastIpAddressTableAsync(family)) };
    out.routes[family] = { sync: h.attempt(() => pkg.getIpForwardTable2(family)), async: await h.attemptAsync(() => pkg.getIpForwardTable2Async(family)) };
    out.neighbours[family] = { sync: h.attempt(() => pkg.getIpNetTable2(family)), async: await h.attemptAsync(() => pkg.getIpNetTable2Async(family)) };
  }

  // getUnicastIpAddressEntry for every address the table listed, by index and by LUID, sync and async.
  out.addressEntries = [];
  for (const row of out.addresses.all.sync.ok ?? []) {
    out.addressEntries.push({
      address: row.address,
      interfaceIndex: row.interfaceIndex,
      byIndex: h.attempt(() => pkg.getUnicastIpAddressEntry({ address: row.address, interfaceIndex: row.interfaceIndex })),
      byLuid: h.attempt(() => pkg.getUnicastIpAddressEntry({ address: row.address, interfaceLuid: row.interfaceLuid })),
      byIndexAsync: await h.attemptAsync(() => pkg.getUnicastIpAddressEntryAsync({ address: row.address, interfaceIndex: row.interfaceIndex })),
    });
  }
  if (missingEntry) {
    out.missingEntry = h.attempt(() => pkg.getUnicastIpAddressEntry(missingEntry));
    out.missingEntryAsync = await h.attemptAsync(() => pkg.getUnicastIpAddressEntryAsync(missingEntry));
  }

  out.bestRoutes = {};
  for (const { name, destination, options } of bestRoutes) {
    out.bestRoutes[name] = {
      sync: h.attempt(() => pkg.getBestRoute(destination, options)),
      async: await h.attemptAsync(() => pkg.getBestRouteAsync(destination, options)),
    };
  }

  out.defaultRoutes = {};
  for (const family of ['all', 'ipv4', 'ipv6']) {
    out.defaultRoutes[family] = { sync: h.attempt(() => pkg.getDefaultRoutes(family)), async: await h.attemptAsync(() => pkg.getDefaultRoutesAsync(family)) };
  }
  out.ms = Date.now() - started;
  h.report(out);
});
