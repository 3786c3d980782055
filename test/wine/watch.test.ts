// Tier 2: watchIpInterfaces against the stand-in's notification thread, which
// calls back from its own thread and whose cancel waits for in-flight callbacks
// (Windows' semantics). Every wait in the programs has a time limit, so a
// deadlock fails a test instead of hanging CI.
import { beforeAll, expect, it } from 'vitest';
import { tableJson } from '../helpers.js';
import { describeWithTools, wineTools } from './support.js';
import { runWindowsNode } from './windows-node.js';

type Row = Record<string, unknown>;
type Failed = { failed?: { message: string } };
interface Event {
  type: string;
  family: string;
  interfaceLuid: string;
  interfaceIndex: number;
  row?: Row;
  error?: { code: string; syscall: string };
}
interface Counters {
  active: number;
  delivered: number;
  inFlight: number;
  cancelWaits: number;
}
interface Report {
  crashed?: unknown;
  basic: Failed & { active: number; events: Event[]; luidTypes: string[]; closed: boolean };
  basicCounters: Counters;
  familyFilter: Failed & { families: string[] };
  initial: Failed & { types: string[]; rows: Row[] };
  listenerThrows: Failed & { errors: string[]; calls: number };
  shared: Failed & { activeWithThree: number; activeWithTwo: number; activeAfter: number; counts: number[] };
  closeTwiceAndInside: Failed & { same: boolean; eventsAfterClose: number; active: number };
  failedFetch: Failed & { event: Event };
  flood: Failed & { notifications: number; events: number; ticks: number; ms: number; heapGrowth: number };
  closeDuringFlood: Failed & { runs: number; maxMs: number; medianMs: number };
  closeDuringFloodCounters: Counters;
  iterator: Failed & { got: string[]; closed: boolean; active: number };
  abort: Failed & { closed: boolean; preAbortedClosed: boolean; active: number };
  badOptions: { error?: { isTypeError: boolean; message: string } }[];
  final: Counters;
}
interface ExitReport {
  crashed?: unknown;
  mode: string;
  code: number;
  alive?: boolean;
  ms?: number;
  open?: boolean[];
  counters: Counters;
}

const realistic = tableJson('realistic').rows!;
const row = (index: number, family: string) => realistic.find((r) => r.interfaceIndex === index && r.family === family);

describeWithTools('watchIpInterfaces under Wine (stand-in notification thread)', wineTools, () => {
  let r: Report;
  beforeAll(async () => {
    // The runner's limit is below the hook's, so a hang (a synchronous cancel deadlocking under a flood)
    // is killed and reported with the program's last "step:" line, not left running past the test.
    r = (await runWindowsNode<Report>('watch.cjs', { timeoutMs: 100_000 })).report;
    expect(r.crashed).toBeUndefined();
  });

  it('delivers add, parameter-change and delete with the full row fetched, LUIDs as bigints', () => {
    expect(r.basic.failed).toBeUndefined();
    expect(r.basic.events.map((e) => [e.type, e.family, e.interfaceIndex])).toEqual([
      ['add', 'ipv4', 12],
      ['parameter-change', 'ipv6', 12],
      ['delete', 'ipv4', 17],
    ]);
    expect(r.basic.events[0]!.row).toEqual(row(12, 'ipv4'));
    expect(r.basic.events[1]!.row).toEqual(row(12, 'ipv6'));
    expect(r.basic.events[2]!.row).toBeUndefined();
    expect(r.basic.events[0]!.interfaceLuid).toBe(row(12, 'ipv4')!.interfaceLuid);
    expect(r.basic.luidTypes).toEqual(['bigint', 'bigint', 'bigint']);
    expect(r.basic.active).toBe(1);
    expect(r.basicCounters.active).toBe(0);
  });

  it('a family filter registers for that family only; initial events list the current rows', () => {
    expect(r.familyFilter.families).toEqual(['ipv6']);
    expect(r.initial.types).toEqual(Array(5).fill('initial'));
    expect(r.initial.rows).toEqual(realistic.filter((x) => x.family === 'ipv4'));
  });

  it('a listener that throws or rejects is surfaced as an error event; delivery goes on', () => {
    expect(r.listenerThrows.failed).toBeUndefined();
    expect(r.listenerThrows.errors.slice(0, 2).sort()).toEqual(['async listener failed on purpose', 'listener failed on purpose']);
    expect(r.listenerThrows.calls).toBe(2);
  });

  it('many watchers share one registration; closing one leaves the others working', () => {
    expect(r.shared).toMatchObject({ activeWithThree: 1, activeWithTwo: 1, activeAfter: 0, counts: [0, 1, 1] });
  });

  it('closing twice returns the same promise; closing inside the listener is safe and final', () => {
    expect(r.closeTwiceAndInside).toMatchObject({ same: true, eventsAfterClose: 0, active: 0 });
  });

  it('a row that cannot be fetched is reported in the event, not thrown', () => {
    expect(r.failedFetch.event).toMatchObject({ type: 'parameter-change', interfaceIndex: 12, error: { code: 'ERROR_INVALID_PARAMETER', syscall: 'GetIpInterfaceEntry' } });
    expect(r.failedFetch.event.row).toBeUndefined();
  });

  it('a burst of 5,000 notifications neither freezes the event loop nor grows memory without bound', () => {
    const f = r.flood;
    expect(f.failed).toBeUndefined();
    expect(f.notifications).toBe(5000);
    expect(f.events).toBeGreaterThan(0);
    expect(f.events).toBeLessThanOrEqual(5000); // coalesced per interface when they come faster than handled
    expect(f.ticks).toBeGreaterThan(f.ms / 5 / 4); // a 5 ms timer kept firing during the burst
    expect(f.heapGrowth).toBeLessThan(32 * 1024 * 1024);
  });

  it('closing a watcher during a callback flood completes within a second, 100 times in a row', () => {
    expect(r.closeDuringFlood.failed).toBeUndefined();
    expect(r.closeDuringFlood.runs).toBe(100);
    expect(r.closeDuringFlood.maxMs).toBeLessThan(1000);
    expect(r.closeDuringFloodCounters).toMatchObject({ active: 0, inFlight: 0 });
  });

  it('the async-iterator form yields changes; leaving the loop closes the watcher', () => {
    expect(r.iterator).toMatchObject({ got: ['add', 'parameter-change', 'delete'], closed: true, active: 0 });
  });

  it('an AbortSignal closes the watcher; an aborted one starts closed', () => {
    expect(r.abort).toMatchObject({ closed: true, preAbortedClosed: true, active: 0 });
  });

  it('bad options are TypeErrors naming the value', () => {
    for (const attempt of r.badOptions) expect(attempt.error?.isTypeError).toBe(true);
    expect(r.badOptions[0]?.error?.message).toMatch(/`options.family`.*got `10` \(number\)/);
    expect(r.final).toMatchObject({ active: 0, inFlight: 0 });
  });
});

describeWithTools('watchers and process lifetime under Wine', wineTools, () => {
  const run = (mode: string, env: Record<string, string> = {}) =>
    runWindowsNode<ExitReport>('exit.cjs', { args: [mode], env, timeoutMs: 30_000 });

  it('an open watcher keeps the process alive; an unref()ed one does not', async () => {
    const [ref, unref] = await Promise.all([run('ref'), run('unref')]);
    expect(ref.report).toMatchObject({ alive: true, code: 0 });
    expect(ref.report.ms).toBeGreaterThanOrEqual(1400);
    expect(unref.report).toMatchObject({ alive: false, code: 0 });
    expect(unref.report.counters.active).toBe(0); // cancelled on the way out
  });

  it('process.exit() with watchers open: the exit code survives, 5 times idle and 5 times under a flood', async () => {
    for (const mode of ['idle', 'flood']) {
      for (let i = 0; i < 5; i++) {
        const { report, exitCode, stderr } = await run(mode);
        expect(report.crashed, `${mode} #${i}`).toBeUndefined();
        expect(exitCode, `${mode} #${i}: ${stderr}`).toBe(7);
        expect(report).toMatchObject({ mode, code: 7, open: [true, true] });
        expect(stderr).not.toMatch(/exception|segmentation|fault|crash/i);
        if (mode === 'idle') {
          // Both registrations were cancelled before Node and koffi tore down.
          expect(report.counters).toMatchObject({ active: 0, inFlight: 0 });
        } else {
          // A callback was in flight: the cancels had begun (no new callbacks) when teardown started.
          expect(report.counters.cancelWaits + (2 - report.counters.active)).toBe(2);
        }
      }
    }
  });

  it('without the exit hook the registrations are still live when Node tears down (what the hook changes)', async () => {
    const { report, exitCode } = await run('idle', { IPINTERFACE_TEST_NO_EXIT_HOOK: '1' });
    expect(exitCode).toBe(7);
    expect(report.counters.active).toBe(2);
  });
});
