// Runs inside Windows Node under Wine. Shared by the test programs: the package
// under test, the stand-in DLL's test-only controls, and the report file.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..', '..');
exports.root = root;
exports.pkg = () => require(path.join(root, 'dist', 'index.js'));

/** The stand-in iphlpapi.dll's test-only exports (same module the package loads). */
exports.standin = () => {
  const koffi = require('koffi');
  const lib = koffi.load('iphlpapi.dll');
  const setScenario = lib.func('__stdcall', 'StandinSetScenario', 'int', ['str']);
  const setDelay = lib.func('__stdcall', 'StandinSetDelayMs', 'void', ['uint32_t']);
  const getCounters = lib.func('__stdcall', 'StandinGetCounters', 'void', ['int32_t *']);
  const reset = lib.func('__stdcall', 'StandinResetCounters', 'void', []);
  const notify = lib.func('__stdcall', 'StandinNotify', 'void', ['int', 'uint32_t', 'uint16_t']);
  const flood = lib.func('__stdcall', 'StandinFlood', 'void', ['int32_t']);
  const callbackDelay = lib.func('__stdcall', 'StandinSetCallbackDelayMs', 'void', ['int32_t']);
  const notifyCounters = lib.func('__stdcall', 'StandinGetNotifyCounters', 'void', ['int32_t *']);
  const connectionCalls = lib.func('__stdcall', 'StandinGetConnectionCalls', 'void', ['int32_t *']);
  const lastTcpRow = lib.func('__stdcall', 'StandinGetLastTcpRow', 'void', ['uint8_t *']);
  const setTcpEntryCalls = lib.func('__stdcall', 'StandinGetSetTcpEntryCalls', 'int32_t', []);
  const adaptersCalls = lib.func('__stdcall', 'StandinGetAdaptersCalls', 'void', ['int32_t *']);
  let routeWrites; // bound on first use: only the route-write program needs them
  const routeWriteFns = () =>
    (routeWrites ??= {
      lastRow: lib.func('__stdcall', 'StandinGetLastRouteRow', 'void', ['int', 'uint8_t *']),
      calls: lib.func('__stdcall', 'StandinGetRouteWriteCalls', 'void', ['int32_t *']),
      lastAddressRow: lib.func('__stdcall', 'StandinGetLastAddressRow', 'void', ['int', 'uint8_t *']),
      addressCalls: lib.func('__stdcall', 'StandinGetAddressWriteCalls', 'void', ['int32_t *']),
    });
  return {
    scenario(name) {
      if (setScenario(name) !== 0) throw new Error(`unknown stand-in scenario ${name}`);
    },
    delay: (ms) => setDelay(ms),
    reset: () => reset(),
    /** type: 0 parameter change, 1 add, 2 delete; family 2 or 23 */
    notify: (type, index, family) => notify(type, index, family),
    flood: (count) => flood(count),
    callbackDelay: (ms) => callbackDelay(ms),
    notifyCounters() {
      const c = new Int32Array(4);
      notifyCounters(c);
      return { active: c[0], delivered: c[1], inFlight: c[2], cancelWaits: c[3] };
    },
    counters() {
      const c = new Int32Array(4);
      getCounters(c);
      return { handedOut: c[0], freed: c[1], outstanding: c[2], badFrees: c[3] };
    },
    /** Calls of GetExtendedTcpTable and GetExtendedUdpTable (failed ones included) since the last reset or scenario. */
    connectionCalls() {
      const c = new Int32Array(2);
      connectionCalls(c);
      return { tcp: c[0], udp: c[1] };
    },
    /** GetAdaptersAddresses calls since the last reset (Node's own included), and the last call's flags, family and *SizePointer. */
    adaptersCalls() {
      const c = new Int32Array(4);
      adaptersCalls(c);
      return { calls: c[0], flags: c[1], family: c[2], size: c[3] };
    },
    /** The MIB_IPFORWARD_ROW2 Create (0), Set (1) or Delete (2) IpForwardEntry2 last received, as hex. */
    lastRouteRow(which) {
      const b = new Uint8Array(104);
      routeWriteFns().lastRow(which, b);
      return Buffer.from(b).toString('hex');
    },
    /** The MIB_UNICASTIPADDRESS_ROW Create (0), Set (1) or Delete (2) UnicastIpAddressEntry last received, as hex. */
    lastAddressRow(which) {
      const b = new Uint8Array(80);
      routeWriteFns().lastAddressRow(which, b);
      return Buffer.from(b).toString('hex');
    },
    /** Create/Set/DeleteUnicastIpAddressEntry calls since the last reset. */
    addressWriteCalls() {
      const c = new Int32Array(3);
      routeWriteFns().addressCalls(c);
      return { create: c[0], set: c[1], delete: c[2] };
    },
    /** Create/Set/DeleteIpForwardEntry2 calls since the last reset. */
    routeWriteCalls() {
      const c = new Int32Array(3);
      routeWriteFns().calls(c);
      return { create: c[0], set: c[1], delete: c[2] };
    },
    /** The MIB_TCPROW SetTcpEntry last received (hex), and how many calls it had. */
    lastTcpRow() {
      const b = new Uint8Array(20);
      lastTcpRow(b);
      return { hex: Buffer.from(b).toString('hex'), calls: setTcpEntryCalls() };
    },
  };
};

/** A thrown error as plain data. */
exports.errorInfo = (e) => ({
  name: e?.name,
  code: e?.code,
  errno: e?.errno,
  syscall: e?.syscall,
  status: e?.status,
  message: e?.message,
  rowIndex: e?.rowIndex,
  field: e?.field,
  rawValue: e?.rawValue,
  isTypeError: e instanceof TypeError,
});

/** { ok: value } or { error: errorInfo } */
exports.attempt = (fn) => {
  try {
    return { ok: fn() };
  } catch (e) {
    return { error: exports.errorInfo(e) };
  }
};
exports.attemptAsync = async (fn) => {
  try {
    return { ok: await fn() };
  } catch (e) {
    return { error: exports.errorInfo(e) };
  }
};

/** Writes the report the test reads (bigints as decimal strings). */
exports.report = (value) => {
  fs.writeFileSync(process.argv[2], JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2));
};

/** Reports a crash of the program itself, so the test shows it. */
exports.main = (fn) => {
  Promise.resolve()
    .then(fn)
    .catch((e) => {
      exports.report({ crashed: exports.errorInfo(e), stack: e?.stack });
      process.exitCode = 1;
    });
};

/** Resolves with `promise`, or rejects after `ms`: a hang becomes a failure. */
exports.within = (ms, promise, what = 'operation') =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms).unref())]);
exports.sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Waits until predicate() is true (polling), at most ms. */
exports.until = async (predicate, ms, what = 'condition') => {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > ms) throw new Error(`${what} not reached within ${ms} ms`);
    await exports.sleep(2);
  }
};
