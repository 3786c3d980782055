// getIpInterfaceEntry, the LUID conversions and getIpInterfaces against the stand-in.
'use strict';
const h = require('./harness.cjs');

h.main(async () => {
  const pkg = h.pkg();
  const s = h.standin();
  s.scenario('realistic');
  const table = pkg.getIpInterfaceTable();
  const out = { entries: [], entriesAsync: [] };

  // Every row of the table, looked up one by one, by index and by LUID.
  for (const row of table) {
    out.entries.push({
      byIndex: h.attempt(() => pkg.getIpInterfaceEntry({ family: row.family, index: row.interfaceIndex })),
      byLuid: h.attempt(() => pkg.getIpInterfaceEntry({ family: row.family === 'ipv4' ? 2 : 23, luid: row.interfaceLuid })),
    });
    out.entriesAsync.push(await h.attemptAsync(() => pkg.getIpInterfaceEntryAsync({ family: row.family, luid: row.interfaceLuid })));
  }
  out.table = table;
  // Teredo (index 14) has no IPv4 row; index 4242 does not exist.
  out.missingFamily = h.attempt(() => pkg.getIpInterfaceEntry({ family: 'ipv4', index: 14 }));
  out.missingInterface = h.attempt(() => pkg.getIpInterfaceEntry({ family: 'ipv6', index: 4242 }));
  out.missingInterfaceAsync = await h.attemptAsync(() => pkg.getIpInterfaceEntryAsync({ family: 'ipv6', luid: 12345n }));
  out.badKeys = [
    null, {}, { family: 'all', index: 1 }, { family: 'ipv4' }, { family: 'ipv4', index: 1, luid: 1n },
    { family: 'ipv4', index: 0 }, { family: 'ipv4', index: 1.5 }, { family: 'ipv4', luid: -1n }, { family: 'ipv4', luid: 'x' },
  ].map((key) => h.attempt(() => pkg.getIpInterfaceEntry(key)));
  s.scenario('bad-enum');
  out.badEnum = h.attempt(() => pkg.getIpInterfaceEntry({ family: 'ipv4', index: 12 }));
  s.scenario('error:5');
  out.accessDenied = h.attempt(() => pkg.getIpInterfaceEntry({ family: 'ipv4', index: 12 }));
  s.scenario('realistic');

  // LUID conversions for every interface in the table.
  const luids = [...new Set(table.map((r) => r.interfaceLuid))];
  out.conversions = luids.map((luid) => ({
    luid,
    parts: pkg.parseLuid(luid),
    index: h.attempt(() => pkg.convertInterfaceLuidToIndex(luid)),
    alias: h.attempt(() => pkg.convertInterfaceLuidToAlias(luid)),
    name: h.attempt(() => pkg.convertInterfaceLuidToName(luid)),
    guid: h.attempt(() => pkg.convertInterfaceLuidToGuid(luid)),
  }));
  out.indexToLuid = table.map((r) => ({ index: r.interfaceIndex, luid: h.attempt(() => pkg.convertInterfaceIndexToLuid(r.interfaceIndex)) }));
  const unknown = pkg.makeLuid({ ifType: 6, netLuidIndex: 999 });
  out.unknownLuid = {
    index: h.attempt(() => pkg.convertInterfaceLuidToIndex(unknown)),
    alias: h.attempt(() => pkg.convertInterfaceLuidToAlias(unknown)),
    name: h.attempt(() => pkg.convertInterfaceLuidToName(unknown)),
    guid: h.attempt(() => pkg.convertInterfaceLuidToGuid(unknown)),
  };
  out.unknownIndex = h.attempt(() => pkg.convertInterfaceIndexToLuid(4242));
  out.badArgs = [
    h.attempt(() => pkg.convertInterfaceLuidToAlias(-1n)),
    h.attempt(() => pkg.convertInterfaceLuidToAlias('eth0')),
    h.attempt(() => pkg.convertInterfaceIndexToLuid(0)),
  ];
  s.scenario('unterminated-strings');
  out.unterminated = {
    alias: h.attempt(() => pkg.convertInterfaceLuidToAlias(luids[0])),
    name: h.attempt(() => pkg.convertInterfaceLuidToName(luids[0])),
    interfaces: h.attempt(() => pkg.getIpInterfaces()),
  };
  s.scenario('realistic');

  // The table joined with aliases and names.
  out.interfaces = h.attempt(() => pkg.getIpInterfaces());
  out.interfacesAsync = await h.attemptAsync(() => pkg.getIpInterfacesAsync('ipv6'));
  out.counters = s.counters();
  h.report(out);
});
