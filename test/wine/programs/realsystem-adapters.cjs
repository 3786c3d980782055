// The real-system tier for getAdaptersAddresses, getDnsServers and getDnsConfiguration: runs inside a
// private network namespace (scripts/netns-run.sh, which bind-mounts its own resolv.conf over
// /etc/resolv.conf) against Wine 8's own iphlpapi.dll, whose GetAdaptersAddresses reads that
// namespace's interfaces, addresses and IPv4 routes, and the DNS servers and suffix from that file.
'use strict';
const h = require('./harness.cjs');

h.main(async () => {
  const pkg = h.pkg();
  const out = {};
  out.all = { sync: h.attempt(() => pkg.getAdaptersAddresses()), async: await h.attemptAsync(() => pkg.getAdaptersAddressesAsync()) };
  out.ipv4 = h.attempt(() => pkg.getAdaptersAddresses('ipv4'));
  out.ipv6 = h.attempt(() => pkg.getAdaptersAddresses('ipv6'));
  out.dnsServers = h.attempt(() => pkg.getDnsServers());
  out.dnsConfiguration = { sync: h.attempt(() => pkg.getDnsConfiguration()), async: await h.attemptAsync(() => pkg.getDnsConfigurationAsync()) };
  out.ifTable = h.attempt(() => pkg.getIfTable2().map((r) => ({ interfaceIndex: r.interfaceIndex, alias: r.alias, interfaceLuid: r.interfaceLuid })));
  h.report(out);
});
