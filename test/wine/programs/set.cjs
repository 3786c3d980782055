// setIpInterface against the stand-in: round trips, Windows' quirks, access denied.
'use strict';
const h = require('./harness.cjs');

h.main(async () => {
  const pkg = h.pkg();
  const s = h.standin();
  const koffi = require('koffi');
  const lib = koffi.load('iphlpapi.dll');
  const callCounts = lib.func('__stdcall', 'StandinGetCallCounts', 'void', ['int32_t *']);
  const calls = () => {
    const c = new Int32Array(2);
    callCounts(c);
    return { gets: c[0], sets: c[1] };
  };
  s.scenario('realistic');
  const out = {};

  // 1. Every writable field, one at a time, on Wi-Fi IPv4 (index 17); read back three ways.
  const changes = [
    { metric: 5 }, { metric: 'automatic' }, { nlMtu: 1400 }, { forwardingEnabled: true }, { advertisingEnabled: true },
    { advertiseDefaultRoute: true }, { managedAddressConfigurationSupported: true }, { otherStatefulConfigurationSupported: true },
    { weakHostSend: true }, { weakHostReceive: true }, { useNeighborUnreachabilityDetection: false },
    { routerDiscoveryBehavior: 'disabled' }, { dadTransmits: 2 }, { baseReachableTime: 15000 }, { retransmitTime: 2000 },
    { pathMtuDiscoveryTimeout: 300000 }, { linkLocalAddressBehavior: 'always-off' }, { linkLocalAddressTimeout: 1234 },
    { disableDefaultRoutes: true },
  ];
  out.roundTrips = changes.map((change) => {
    const result = h.attempt(() => pkg.setIpInterface({ family: 'ipv4', index: 17 }, change));
    return {
      change,
      result,
      entry: h.attempt(() => pkg.getIpInterfaceEntry({ family: 'ipv4', index: 17 })),
      table: h.attempt(() => pkg.getIpInterfaceTable('ipv4').find((r) => r.interfaceIndex === 17)),
    };
  });
  // Several at once, async, by LUID, on IPv6.
  const wifi6 = pkg.getIpInterfaceEntry({ family: 'ipv6', index: 17 });
  out.asyncMany = await h.attemptAsync(() =>
    pkg.setIpInterfaceAsync({ family: 'ipv6', luid: wifi6.interfaceLuid }, { metric: 7, nlMtu: 1280, weakHostSend: true }),
  );

  // 2. SitePrefixLength: Ethernet IPv4 (index 12) reports 64 (> 32).
  const eth = pkg.getIpInterfaceEntry({ family: 'ipv4', index: 12 });
  out.ethBefore = eth;
  // What the stand-in does with the row as read, written back untouched (as Windows does): refused.
  const init = lib.func('__stdcall', 'InitializeIpInterfaceEntry', 'void', ['void *']);
  const get = lib.func('__stdcall', 'GetIpInterfaceEntry', 'uint32_t', ['void *']);
  const set = lib.func('__stdcall', 'SetIpInterfaceEntry', 'uint32_t', ['void *']);
  const raw = Buffer.alloc(168);
  init(raw);
  raw.writeUInt16LE(2, 0);
  raw.writeUInt32LE(12, 16);
  out.rawGet = get(raw);
  out.rawSetUnclamped = set(raw);
  out.ethSet = h.attempt(() => pkg.setIpInterface({ family: 'ipv4', index: 12 }, { metric: 3 }));

  // 3. Not elevated.
  s.scenario('not-elevated');
  out.denied = h.attempt(() => pkg.setIpInterface({ family: 'ipv4', index: 17 }, { metric: 9 }));
  out.deniedAsync = await h.attemptAsync(() => pkg.setIpInterfaceAsync({ family: 'ipv4', index: 17 }, { metric: 9 }));
  s.scenario('realistic');

  // 4. Invalid input: rejected before any native call.
  const before = calls();
  out.invalid = [
    [{ family: 'ipv4', index: 17 }, { metric: -1 }],
    [{ family: 'ipv4', index: 17 }, { metric: 2 ** 32 }],
    [{ family: 'ipv4', index: 17 }, { metric: 'auto' }],
    [{ family: 'ipv4', index: 17 }, { nlMtu: 575 }],
    [{ family: 'ipv6', index: 17 }, { nlMtu: 1279 }],
    [{ family: 'ipv4', index: 17 }, { connected: false }],
    [{ family: 'ipv4', index: 17 }, { sitePrefixLength: 24 }],
    [{ family: 'ipv4', index: 17 }, { forwardingEnabled: 'yes' }],
    [{ family: 'ipv4', index: 17 }, { routerDiscoveryBehavior: 'unchanged' }],
    [{ family: 'ipv4', index: 17 }, { linkLocalAddressBehavior: 3 }],
    [{ family: 'ipv4', index: 17 }, { dadTransmits: 1.5 }],
    [{ family: 'ipv4', index: 17 }, {}],
    [{ family: 'ipv4', index: 17 }, null],
    [{ family: 'all', index: 17 }, { metric: 1 }],
    [{ family: 'ipv4', index: 0 }, { metric: 1 }],
  ].map(([key, change]) => h.attempt(() => pkg.setIpInterface(key, change)));
  out.invalidAsync = await h.attemptAsync(() => pkg.setIpInterfaceAsync({ family: 'ipv4', index: 17 }, { metric: -5 }));
  out.callsDuringInvalid = { before, after: calls() };
  out.missing = h.attempt(() => pkg.setIpInterface({ family: 'ipv4', index: 14 }, { metric: 1 }));
  h.report(out);
});
