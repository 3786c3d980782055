// watchIpInterfaces against the stand-in's notification thread (Windows' blocking cancel).
'use strict';
const h = require('./harness.cjs');
const AF_INET = 2;
const AF_INET6 = 23;

h.main(async () => {
  const pkg = h.pkg();
  const s = h.standin();
  s.scenario('realistic');
  const out = {};
  // Each check says its name first: if the process hangs and is killed, the test shows which one.
  const step = async (name, fn) => {
    process.stdout.write(`step: ${name}\n`);
    try {
      out[name] = await h.within(20_000, Promise.resolve().then(fn), name);
    } catch (e) {
      out[name] = { failed: h.errorInfo(e) };
    }
    out[name + 'Counters'] = s.notifyCounters();
  };

  await step('basic', async () => {
    const events = [];
    const w = pkg.watchIpInterfaces((e) => events.push(e));
    const active = s.notifyCounters().active;
    s.notify(1, 12, AF_INET);
    await h.until(() => events.length >= 1, 5000, 'add event');
    s.notify(0, 12, AF_INET6);
    await h.until(() => events.length >= 2, 5000, 'parameter event');
    s.notify(2, 17, AF_INET);
    await h.until(() => events.length >= 3, 5000, 'delete event');
    await w.close();
    return { active, events, luidTypes: events.map((e) => typeof e.interfaceLuid), closed: w.closed };
  });

  await step('familyFilter', async () => {
    const v6 = [];
    const w = pkg.watchIpInterfaces((e) => v6.push(e), { family: 'ipv6' });
    s.notify(0, 12, AF_INET);
    await h.sleep(150);
    s.notify(0, 12, AF_INET6);
    await h.until(() => v6.length >= 1, 5000, 'ipv6 event');
    await w.close();
    return { families: v6.map((e) => e.family) };
  });

  await step('initial', async () => {
    const events = [];
    const w = pkg.watchIpInterfaces((e) => events.push(e), { initial: true, family: 'ipv4' });
    await h.until(() => events.length >= 5, 5000, 'initial events');
    await w.close();
    return { types: events.map((e) => e.type), rows: events.map((e) => e.row) };
  });

  await step('listenerThrows', async () => {
    const errors = [];
    let calls = 0;
    const w = pkg.watchIpInterfaces(() => {
      calls++;
      throw new Error('listener failed on purpose');
    });
    w.on('error', (e) => errors.push(e.message));
    w.on('change', async () => {
      throw new Error('async listener failed on purpose');
    });
    s.notify(0, 12, AF_INET);
    await h.until(() => errors.length >= 2, 5000, 'error events');
    s.notify(0, 17, AF_INET);
    await h.until(() => calls >= 2, 5000, 'events after the error');
    await w.close();
    return { errors, calls };
  });

  await step('shared', async () => {
    const seen = [[], [], []];
    const ws = seen.map((list) => pkg.watchIpInterfaces((e) => list.push(e)));
    const activeWithThree = s.notifyCounters().active;
    await ws[0].close();
    s.notify(0, 12, AF_INET);
    await h.until(() => seen[1].length >= 1 && seen[2].length >= 1, 5000, 'events for the others');
    const activeWithTwo = s.notifyCounters().active;
    await ws[1].close();
    await ws[2].close();
    return { activeWithThree, activeWithTwo, activeAfter: s.notifyCounters().active, counts: seen.map((l) => l.length) };
  });

  await step('closeTwiceAndInside', async () => {
    const w = pkg.watchIpInterfaces();
    const p1 = w.close();
    const p2 = w.close();
    await p1;
    const same = p1 === p2;
    let closedInside;
    let after = 0;
    const w2 = pkg.watchIpInterfaces((e) => {
      after++;
      if (!closedInside) closedInside = w2.close();
    });
    s.flood(200);
    await h.until(() => closedInside !== undefined, 5000, 'close inside listener');
    await h.within(1000, closedInside, 'close from inside the listener');
    const afterClose = after;
    await h.sleep(100);
    return { same, eventsAfterClose: after - afterClose, active: s.notifyCounters().active };
  });

  await step('failedFetch', async () => {
    const events = [];
    const w = pkg.watchIpInterfaces((e) => events.push(e));
    s.scenario('error:87');
    s.notify(0, 12, AF_INET);
    await h.until(() => events.length >= 1, 5000, 'event');
    s.scenario('realistic');
    await w.close();
    return { event: { ...events[0], error: h.errorInfo(events[0].error) } };
  });

  await step('flood', async () => {
    let events = 0;
    let ticks = 0;
    const w = pkg.watchIpInterfaces(() => events++);
    const timer = setInterval(() => ticks++, 5);
    const heapBefore = process.memoryUsage().heapUsed;
    const deliveredBefore = s.notifyCounters().delivered;
    const start = Date.now();
    s.flood(5000);
    await h.until(() => s.notifyCounters().delivered - deliveredBefore >= 5000, 15000, '5000 notifications');
    await h.sleep(50);
    const ms = Date.now() - start;
    clearInterval(timer);
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    await w.close();
    return { notifications: s.notifyCounters().delivered - deliveredBefore, events, ticks, ms, heapGrowth };
  });

  await step('closeDuringFlood', async () => {
    const times = [];
    for (let i = 0; i < 100; i++) {
      const w = pkg.watchIpInterfaces(() => {});
      const delivered = s.notifyCounters().delivered;
      s.flood(1_000_000);
      await h.until(() => s.notifyCounters().delivered > delivered, 5000, 'flood started');
      const t0 = Date.now();
      await h.within(1000, w.close(), `close() during a flood settles within 1 s (close #${i})`);
      times.push(Date.now() - t0);
      const c = s.notifyCounters();
      if (c.active !== 0 || c.inFlight !== 0) throw new Error(`after close #${i}: ${JSON.stringify(c)}`);
    }
    return { runs: times.length, maxMs: Math.max(...times), medianMs: times.sort((a, b) => a - b)[50] };
  });

  await step('iterator', async () => {
    const w = pkg.watchIpInterfaces({ family: 'all' });
    const got = [];
    const loop = (async () => {
      for await (const e of w) {
        got.push(e.type);
        if (got.length === 3) break;
      }
    })();
    s.notify(1, 12, AF_INET);
    await h.until(() => got.length >= 1, 5000, 'first');
    s.notify(0, 12, AF_INET);
    await h.until(() => got.length >= 2, 5000, 'second');
    s.notify(2, 12, AF_INET);
    await h.within(5000, loop, 'iterator loop');
    return { got, closed: w.closed, active: s.notifyCounters().active };
  });

  await step('abort', async () => {
    const controller = new AbortController();
    const w = pkg.watchIpInterfaces({ signal: controller.signal });
    let closeEvent = false;
    w.on('close', () => (closeEvent = true));
    controller.abort();
    await h.until(() => closeEvent, 5000, 'close on abort');
    const pre = new AbortController();
    pre.abort();
    const w2 = pkg.watchIpInterfaces({ signal: pre.signal });
    await w2.close();
    return { closed: w.closed, preAbortedClosed: w2.closed, active: s.notifyCounters().active };
  });

  await step('badOptions', async () =>
    [() => pkg.watchIpInterfaces({ family: 10 }), () => pkg.watchIpInterfaces(() => {}, { initial: 'yes' }), () => pkg.watchIpInterfaces(5), () => pkg.watchIpInterfaces({ signal: {} })].map((f) => h.attempt(f)),
  );

  out.final = s.notifyCounters();
  h.report(out);
});
