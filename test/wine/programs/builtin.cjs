// Against Wine's own iphlpapi.dll (no stand-in): its GetIpInterfaceTable is a stub
// that returns ERROR_NOT_SUPPORTED, a real platform where the function is unavailable.
'use strict';
const h = require('./harness.cjs');

h.main(async () => {
  const pkg = h.pkg();
  const out = { sync: {}, async: {} };
  for (const f of ['all', 'ipv4', 'ipv6']) {
    out.sync[f] = h.attempt(() => pkg.getIpInterfaceTable(f));
    out.async[f] = await h.attemptAsync(() => pkg.getIpInterfaceTableAsync(f));
  }
  out.capture = h.attempt(() => pkg.captureIpInterfaceTable());
  h.report(out);
});
