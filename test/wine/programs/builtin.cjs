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

  // Wine does not export GetIpInterfaceEntry or InitializeIpInterfaceEntry.
  out.entry = h.attempt(() => pkg.getIpInterfaceEntry({ family: 'ipv4', index: 1 }));
  out.entryAsync = await h.attemptAsync(() => pkg.getIpInterfaceEntryAsync({ family: 'ipv6', index: 1 }));
  out.interfaces = h.attempt(() => pkg.getIpInterfaces());

  // Wine implements the LUID conversions over the machine's real interfaces.
  out.indexes = {};
  for (const index of JSON.parse(process.argv[3] ?? '[]')) {
    const luid = h.attempt(() => pkg.convertInterfaceIndexToLuid(index));
    out.indexes[index] = luid.ok === undefined ? { luid } : {
      luid,
      parts: pkg.parseLuid(luid.ok),
      index: h.attempt(() => pkg.convertInterfaceLuidToIndex(luid.ok)),
      alias: h.attempt(() => pkg.convertInterfaceLuidToAlias(luid.ok)),
      name: h.attempt(() => pkg.convertInterfaceLuidToName(luid.ok)),
      guid: h.attempt(() => pkg.convertInterfaceLuidToGuid(luid.ok)),
    };
  }
  const unknown = pkg.makeLuid({ ifType: 6, netLuidIndex: 4000 });
  out.unknown = {
    name: h.attempt(() => pkg.convertInterfaceLuidToName(unknown)),
    alias: h.attempt(() => pkg.convertInterfaceLuidToAlias(unknown)),
    index: h.attempt(() => pkg.convertInterfaceLuidToIndex(unknown)),
  };
  out.unknownIndex = h.attempt(() => pkg.convertInterfaceIndexToLuid(60000));
  h.report(out);
});
