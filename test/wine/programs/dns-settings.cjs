// getInterfaceDnsSettings / setInterfaceDnsSettings (sync and async) against the stand-in
// iphlpapi.dll: the GUID received by value (compared by the test with the one the stand-in's
// ConvertInterfaceLuidToGuid gives), the settings it recorded, the strings Get allocated freed once,
// the errors, and the missing-function error (the dns-missing scenario).
'use strict';
const h = require('./harness.cjs');

h.main(async () => {
  const pkg = h.pkg();
  const s = h.standin();
  const koffi = require('koffi');
  const lib = koffi.load('iphlpapi.dll');
  const last = lib.func('__stdcall', 'StandinGetLastDnsSettings', 'void', ['char *', 'int']);
  const counters = lib.func('__stdcall', 'StandinGetDnsCounters', 'void', ['int32_t *']);
  const lastSet = () => {
    const b = Buffer.alloc(4096);
    last(b, b.length);
    return JSON.parse(b.toString('utf8', 0, b.indexOf(0)));
  };
  const dnsCounters = () => {
    const c = new Int32Array(5);
    counters(c);
    return { gets: c[0], sets: c[1], frees: c[2], outstanding: c[3], badFrees: c[4] };
  };
  const out = {};
  s.scenario('realistic');
  s.reset();
  out.guid = pkg.convertInterfaceLuidToGuid(pkg.convertInterfaceIndexToLuid(12));
  out.get = h.attempt(() => pkg.getInterfaceDnsSettings(12, 'ipv4'));
  out.getAsync = await h.attemptAsync(() => pkg.getInterfaceDnsSettingsAsync(pkg.convertInterfaceIndexToLuid(12), 'ipv4'));
  out.set = h.attempt(() => pkg.setInterfaceDnsSettings(12, { family: 'ipv4', nameServers: ['1.1.1.1', '8.8.8.8'], searchList: ['a.example', 'b.example'] }));
  out.recorded = lastSet();
  out.setV6 = await h.attemptAsync(() => pkg.setInterfaceDnsSettingsAsync(12, { family: 'ipv6', nameServers: ['2606:4700:4700::1111'], domain: 'corp.example' }));
  out.recordedV6 = lastSet();
  out.getV6 = h.attempt(() => pkg.getInterfaceDnsSettings(12, 'ipv6'));
  out.counters = dnsCounters();
  out.unknown = h.attempt(() => pkg.setInterfaceDnsSettings(999, { family: 'ipv4', nameServers: ['1.1.1.1'] }));
  s.scenario('not-elevated');
  out.denied = h.attempt(() => pkg.setInterfaceDnsSettings(12, { family: 'ipv4', nameServers: ['1.1.1.1'] }));
  s.scenario('dns-missing');
  out.missing = { get: h.attempt(() => pkg.getInterfaceDnsSettings(12, 'ipv4')), set: await h.attemptAsync(() => pkg.setInterfaceDnsSettingsAsync(12, { family: 'ipv4', domain: '' })) };
  s.scenario('realistic');
  s.reset();
  h.report(out);
});
