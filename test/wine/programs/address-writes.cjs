// createUnicastAddress / setUnicastAddress / deleteUnicastAddress (sync and async) against the
// stand-in iphlpapi.dll, which keeps the addresses it is given in memory: the rows it received
// (compared with C's by the test), the address in the table, the entry and the feed, 5010 / 1168 / 5.
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
  for (const { name, input } of cases) {
    s.reset();
    out.rows[name] = { result: h.attempt(() => pkg.createUnicastAddress(revive(input))), received: s.lastAddressRow(0) };
  }

  s.reset();
  const changes = [];
  const watcher = pkg.watchUnicastAddresses((change) => changes.push({ type: change.type, address: change.address }));
  await h.sleep(200);
  const address = { address: '10.0.0.5/24', interfaceIndex: 12 };
  const key = { address: '10.0.0.5', interfaceIndex: 12 };
  const inTable = () => pkg.getUnicastIpAddressTable('ipv4').filter((r) => r.address === '10.0.0.5');
  out.create = h.attempt(() => pkg.createUnicastAddress(address));
  out.afterCreate = { table: inTable(), entry: h.attempt(() => pkg.getUnicastIpAddressEntry(key)) };
  out.createAgain = h.attempt(() => pkg.createUnicastAddress(address));
  out.replace = h.attempt(() => pkg.createUnicastAddress({ ...address, validLifetime: 7200, preferredLifetime: 3600 }, { ifExists: 'replace' }));
  out.set = await h.attemptAsync(() => pkg.setUnicastAddressAsync({ ...key, skipAsSource: true }));
  out.delete = h.attempt(() => pkg.deleteUnicastAddress(key));
  out.afterDelete = { table: inTable(), entry: h.attempt(() => pkg.getUnicastIpAddressEntry(key)) };
  out.deleteAgain = h.attempt(() => pkg.deleteUnicastAddress(key));
  out.deleteIgnore = await h.attemptAsync(() => pkg.deleteUnicastAddressAsync(key, { ifMissing: 'ignore' }));
  out.createAsync = await h.attemptAsync(() => pkg.createUnicastAddressAsync({ address: '2001:db8:1::5/64', interfaceIndex: 17 }));
  out.unknownInterface = h.attempt(() => pkg.createUnicastAddress({ ...address, interfaceIndex: 999 }));
  await h.sleep(300);
  await watcher.close();
  out.changes = changes.filter((c) => c.address === '10.0.0.5' || c.address === '2001:db8:1::5');
  out.calls = s.addressWriteCalls();
  s.scenario('not-elevated');
  out.denied = h.attempt(() => pkg.createUnicastAddress(address));
  s.scenario('realistic');
  s.reset();
  h.report(out);
});
