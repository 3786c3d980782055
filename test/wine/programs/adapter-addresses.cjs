// getAdaptersAddresses, getDnsServers and getDnsConfiguration (sync and async) against the stand-in
// iphlpapi.dll's GetAdaptersAddresses: a linked list built in the package's buffer, with scenarios
// for ERROR_BUFFER_OVERFLOW, a list that grows, and ERROR_NO_DATA.
'use strict';
const h = require('./harness.cjs');

h.main(async () => {
  const pkg = h.pkg();
  const s = h.standin();
  const out = { arch: process.arch };

  s.scenario('realistic');
  s.reset();
  out.all = { sync: h.attempt(() => pkg.getAdaptersAddresses()), async: await h.attemptAsync(() => pkg.getAdaptersAddressesAsync()) };
  out.allCalls = s.adaptersCalls();
  out.ipv4 = h.attempt(() => pkg.getAdaptersAddresses('ipv4'));
  out.ipv6 = h.attempt(() => pkg.getAdaptersAddresses('ipv6'));
  s.reset();
  out.skipped = h.attempt(() => pkg.getAdaptersAddresses('all', { unicast: false, anycast: false, multicast: false, dnsServers: false, friendlyName: false }));
  out.skippedCalls = s.adaptersCalls();
  out.unicastTable = h.attempt(() => pkg.getUnicastIpAddressTable());
  s.reset();
  out.dnsServers = { sync: h.attempt(() => pkg.getDnsServers()), async: await h.attemptAsync(() => pkg.getDnsServersAsync()), ipv6: h.attempt(() => pkg.getDnsServers('ipv6')) };
  out.dnsCalls = s.adaptersCalls();
  out.dnsConfiguration = { sync: h.attempt(() => pkg.getDnsConfiguration()), async: await h.attemptAsync(() => pkg.getDnsConfigurationAsync()) };
  // A capture holds the list: decoded from the file, the same adapters.
  out.capture = h.attempt(() => {
    const capture = pkg.decodeCapture(pkg.captureTables());
    return { adapterAddresses: capture.adapterAddresses, info: capture.tables.IP_ADAPTER_ADDRESSES_LH.info };
  });

  out.scenarios = {};
  for (const scenario of ['gaa-overflow-first', 'gaa-grow-once', 'gaa-grow-always', 'empty', 'error:8', 'error:87']) {
    s.scenario(scenario);
    s.reset();
    const sync = h.attempt(() => pkg.getAdaptersAddresses());
    const calls = s.adaptersCalls().calls;
    s.scenario(scenario);
    s.reset();
    const async = await h.attemptAsync(() => pkg.getAdaptersAddressesAsync());
    out.scenarios[scenario] = { sync, async, calls, asyncCalls: s.adaptersCalls().calls };
  }
  s.scenario('many:64');
  out.many = h.attempt(() => pkg.getAdaptersAddresses().length);
  s.scenario('realistic');
  h.report(out);
});
