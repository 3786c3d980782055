// watchRoutes and watchUnicastAddresses (and watchIpInterfaces beside them) against the
// stand-in's notification threads (Windows' blocking cancel; rows overwritten after each callback).
'use strict';
const h = require('./harness.cjs');
const path = require('node:path');
const AF_INET = 2;
const AF_INET6 = 23;
const KIND = { interfaces: 0, routes: 1, addresses: 2 };

h.main(async () => {
  const pkg = h.pkg();
  const { openRegistrations } = pkg._internal;
  const s = h.standin();
  const koffi = require('koffi');
  const lib = koffi.load('iphlpapi.dll');
  const notifyKind = lib.func('__stdcall', 'StandinNotifyKind', 'void', ['int', 'int', 'uint32_t', 'uint16_t']);
  const floodKind = lib.func('__stdcall', 'StandinFloodKind', 'void', ['int', 'int32_t']);
  const countersByKind = lib.func('__stdcall', 'StandinGetNotifyCountersByKind', 'void', ['int', 'int32_t *']);
  const counters = (kind) => {
    const c = new Int32Array(4);
    countersByKind(kind, c);
    return { active: c[0], delivered: c[1], inFlight: c[2], cancelWaits: c[3] };
  };
  const handleCount = (() => {
    try {
      const k32 = koffi.load('kernel32.dll');
      const fn = k32.func('__stdcall', 'GetProcessHandleCount', 'int', ['void *', koffi.out(koffi.pointer('uint32_t'))]);
      const self = k32.func('__stdcall', 'GetCurrentProcess', 'void *', []);
      return () => {
        const n = [0];
        return fn(self(), n) && n[0] > 0 ? n[0] : null; // Wine 8 answers 0: not counted there
      };
    } catch {
      return () => null;
    }
  })();
  const watch = { routes: pkg.watchRoutes, addresses: pkg.watchUnicastAddresses, interfaces: pkg.watchIpInterfaces };
  s.scenario('realistic');
  const out = {};
  // Each check says its name first: if the process hangs and is killed, the test shows which one.
  const step = async (name, fn, ms = 20_000) => {
    process.stdout.write(`step: ${name}\n`);
    try {
      out[name] = await h.within(ms, Promise.resolve().then(fn), name);
    } catch (e) {
      out[name] = { failed: h.errorInfo(e) };
    }
  };

  for (const feed of ['routes', 'addresses']) {
    await step(`${feed}Basic`, async () => {
      const events = [];
      const w = watch[feed]((e) => events.push(e));
      const active = counters(KIND[feed]).active;
      notifyKind(KIND[feed], 1, 12, AF_INET); // add
      await h.until(() => events.length >= 1, 5000, 'add');
      notifyKind(KIND[feed], 0, 17, AF_INET6); // parameter change
      await h.until(() => events.length >= 2, 5000, 'parameter change');
      notifyKind(KIND[feed], 2, 17, AF_INET); // delete
      await h.until(() => events.length >= 3, 5000, 'delete');
      await w.close();
      return { active, events: events.map((e) => ({ ...e, error: e.error && h.errorInfo(e.error) })), after: counters(KIND[feed]) };
    });
    await step(`${feed}Family`, async () => {
      const events = [];
      const w = watch[feed]((e) => events.push(e), { family: 'ipv6', initial: true });
      await h.sleep(300);
      const initial = events.length;
      notifyKind(KIND[feed], 0, 17, AF_INET);
      await h.sleep(150);
      notifyKind(KIND[feed], 0, 17, AF_INET6);
      await h.until(() => events.length > initial, 5000, 'ipv6 event');
      await w.close();
      return { initial: events.slice(0, initial), later: events.slice(initial).map((e) => e.family) };
    });
    await step(`${feed}Flood`, async () => {
      let events = 0;
      let ticks = 0;
      const w = watch[feed](() => events++);
      const timer = setInterval(() => ticks++, 5);
      const before = counters(KIND[feed]).delivered;
      const start = Date.now();
      floodKind(KIND[feed], 5000);
      await h.until(() => counters(KIND[feed]).delivered - before >= 5000, 15000, '5000 notifications');
      await h.sleep(50);
      const ms = Date.now() - start;
      clearInterval(timer);
      await w.close();
      return { notifications: counters(KIND[feed]).delivered - before, events, ticks, ms };
    });
    // close() during a flood, with Windows' blocking cancel and a callback that takes a while.
    await step(`${feed}CloseDuringFlood`, async () => {
      const times = [];
      s.callbackDelay(2);
      for (let i = 0; i < 20; i++) {
        const w = watch[feed](() => {});
        const delivered = counters(KIND[feed]).delivered;
        floodKind(KIND[feed], 1_000_000);
        await h.until(() => counters(KIND[feed]).delivered > delivered, 5000, 'flood started');
        const t0 = Date.now();
        await h.within(2000, w.close(), `close() during a flood settles within 2 s (close #${i})`);
        times.push(Date.now() - t0);
        const c = counters(KIND[feed]);
        if (c.active !== 0 || c.inFlight !== 0) throw new Error(`after close #${i}: ${JSON.stringify(c)}`);
      }
      s.callbackDelay(0);
      return { runs: times.length, maxMs: Math.max(...times) };
    });
  }

  // Wine 8: every Notify…Change returns success with a NULL handle and (but for one initial
  // callback of NotifyUnicastIpAddressChange) never calls back.
  await step('wine8', async () => {
    s.scenario('wine8-notify');
    const results = {};
    for (const feed of ['routes', 'addresses', 'interfaces']) {
      const events = [];
      const t0 = Date.now();
      let w;
      try {
        w = watch[feed]((e) => events.push(e), { family: 'ipv4' });
      } catch (e) {
        results[feed] = { opened: false, error: h.errorInfo(e) };
        continue;
      }
      await h.sleep(200);
      await h.within(2000, w.close(), `${feed} close`);
      results[feed] = { opened: true, events: events.length, closed: w.closed, ms: Date.now() - t0 };
    }
    s.scenario('realistic');
    return results;
  });

  await step('badOptions', async () => [
    h.attempt(() => pkg.watchRoutes({ family: 10 })),
    h.attempt(() => pkg.watchUnicastAddresses(() => {}, { initial: 'yes' })),
    h.attempt(() => pkg.watchRoutes({ bufferSize: 0 })),
  ]);

  // The soak: the three feeds under a continuous flood for SOAK_MS, watchers opened and closed all
  // along; heap, process handles and registrations sampled.
  const soakMs = Number(process.argv[3] ?? 0);
  if (soakMs > 0) {
    await step(
      'soak',
      async () => {
        const samples = [];
        const counts = { routes: 0, addresses: 0, interfaces: 0 };
        require('v8').setFlagsFromString('--expose-gc');
        const gc = require('vm').runInNewContext('gc');
        const sample = () => {
          gc();
          samples.push({ t: Date.now(), heap: process.memoryUsage().heapUsed, handles: handleCount(), active: [0, 1, 2].map((k) => counters(k).active) });
        };
        const open = () => Object.entries(watch).map(([feed, fn]) => fn(() => counts[feed]++));
        let watchers = open();
        const start = Date.now();
        sample();
        let round = 0;
        while (Date.now() - start < soakMs) {
          for (const k of [0, 1, 2]) floodKind(k, 2000);
          await h.sleep(100);
          if (++round % 10 === 0) {
            await Promise.all(watchers.map((w) => h.within(2000, w.close(), 'close during the soak')));
            watchers = open();
          }
          if (round % 20 === 0) sample();
        }
        await Promise.all(watchers.map((w) => w.close()));
        await h.sleep(200);
        sample();
        return { ms: Date.now() - start, rounds: round, counts, samples, registrations: openRegistrations(), final: [0, 1, 2].map((k) => counters(k)) };
      },
      soakMs + 60_000,
    );
  }
  out.registrations = openRegistrations();
  out.final = [0, 1, 2].map((k) => counters(k));
  h.report(out);
});
