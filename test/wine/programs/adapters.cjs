// getIfTable2 / getIfEntry2 (sync and async) against the stand-in iphlpapi.dll.
'use strict';
const h = require('./harness.cjs');

h.main(async () => {
  const pkg = h.pkg();
  const s = h.standin();
  const out = {};
  const koffi = require('koffi');
  const { koffiTypes, STRUCTS } = pkg._internal;
  // koffi, given the declared members with Windows alignments, agrees with the pure layout.
  out.koffiLayouts = STRUCTS.map((struct) => {
    const { row, table } = koffiTypes(struct);
    const layout = struct.layout(process.arch);
    return {
      name: struct.name,
      same:
        koffi.sizeof(row) === layout.rowSize &&
        koffi.alignof(row) === layout.rowAlignment &&
        koffi.offsetof(table, 'Table') === layout.firstRowOffset &&
        // A constant (the family a struct implies) is no C member: it has no bytes to place.
        layout.fields.every((f) => f.kind.t === 'const' || koffi.offsetof(row, f.cName) === f.offset),
    };
  });

  for (const scenario of ['realistic', 'if2-extremes', 'if2-statuses', 'empty', 'if2-bad-oper-status', 'null-table', 'huge-count', 'error:8', 'error:50', 'error:1168']) {
    s.scenario(scenario);
    s.reset();
    out[scenario] = {
      sync: h.attempt(() => pkg.getIfTable2()),
      async: await h.attemptAsync(() => pkg.getIfTable2Async()),
      counters: s.counters(),
    };
  }

  s.scenario('realistic');
  const table = pkg.getIfTable2();
  out.entries = {};
  for (const row of table) {
    out.entries[row.interfaceIndex] = {
      byIndex: h.attempt(() => pkg.getIfEntry2(row.interfaceIndex)),
      byLuid: h.attempt(() => pkg.getIfEntry2(row.interfaceLuid)),
      byIndexAsync: await h.attemptAsync(() => pkg.getIfEntry2Async(row.interfaceIndex)),
      byLuidAsync: await h.attemptAsync(() => pkg.getIfEntry2Async(row.interfaceLuid)),
    };
  }
  out.missingIndex = h.attempt(() => pkg.getIfEntry2(4242));
  out.missingLuid = await h.attemptAsync(() => pkg.getIfEntry2Async(1n));
  out.badArgument = h.attempt(() => pkg.getIfEntry2('Ethernet'));
  s.scenario('if2-bad-oper-status');
  out.badEntry = h.attempt(() => pkg.getIfEntry2(12));
  s.scenario('error:5');
  out.deniedEntry = await h.attemptAsync(() => pkg.getIfEntry2Async(12));

  // 1,000 mixed calls: every table handed out is freed exactly once.
  const mix = ['realistic', 'error:87', 'if2-bad-oper-status', 'huge-count', 'empty', 'null-table', 'many:3'];
  s.reset();
  const outcomes = {};
  for (let i = 0; i < 1000; i++) {
    s.scenario(mix[i % mix.length]);
    const r = i % 2 ? h.attempt(() => pkg.getIfTable2()) : await h.attemptAsync(() => pkg.getIfTable2Async());
    const key = r.error ? r.error.code : `rows:${r.ok.length}`;
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  }
  out.mixed = { outcomes, counters: s.counters() };
  h.report(out);
});
