// Runs inside Windows Node under Wine against the stand-in iphlpapi.dll: getAdaptersAddresses()
// against the same native calls made through koffi directly — GetAdaptersAddresses(AF_UNSPEC,
// GAA_FLAG_INCLUDE_GATEWAYS | GAA_FLAG_INCLUDE_PREFIX) into koffi.alloc'd memory (15 KB first, then
// the size it asks for), copied with koffi.decode, freed, read by the hand-written pointer-walking
// reader (bench/hand-adapters.cjs). Median ns per call over ROUNDS rounds, the two alternating, with
// the paired ratio; and where the package's time goes. Same output as e2e.cjs.
// Usage: node.exe gaa.cjs OUTPUT.json adapterAddresses SCENARIO CALLS ROUNDS
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const [out, tableName, scenario, calls, rounds] = process.argv.slice(2);
const koffi = require('koffi');
const root = path.join(__dirname, '..', '..');
const pkg = require(path.join(root, 'dist', 'index.js'));
const { readAdapters } = require(path.join(root, 'bench', 'hand-adapters.cjs'));
const { adapterListBytes, decodeList, IP_ADAPTER_ADDRESSES_LH } = pkg._internal;
const lib = koffi.load('iphlpapi.dll');
if (lib.func('__stdcall', 'StandinSetScenario', 'int', ['str'])(scenario) !== 0) throw new Error(`scenario ${scenario}`);
const GetAdaptersAddresses = lib.func('__stdcall', 'GetAdaptersAddresses', 'uint32_t', ['uint32_t', 'uint32_t', 'void *', 'void *', 'void *']);
const FLAGS = 0x80 | 0x10;
const P = process.arch === 'ia32' ? 4 : 8;
const ARCH = process.arch === 'ia32' ? 'ia32' : 'x64';

/** The list's bytes and where they were, without the package (15 KB, then the size asked for, at most 5 more times). */
function fetch() {
  const sizeRef = Buffer.alloc(4);
  let size = 15 * 1024;
  for (let attempt = 0; attempt < 6; attempt++) {
    const mem = koffi.alloc('uint8_t', size);
    try {
      sizeRef.writeUInt32LE(size, 0);
      const status = GetAdaptersAddresses(0, FLAGS, null, mem, sizeRef);
      if (status === 0) return { bytes: koffi.decode(mem, 'uint8_t', size), base: BigInt(koffi.address(mem)) };
      if (status !== 111) throw new Error(`GetAdaptersAddresses returned ${status}`);
      size = sizeRef.readUInt32LE(0);
    } finally {
      koffi.free(mem);
    }
  }
  throw new Error('the list kept growing');
}
const handPath = () => {
  const { bytes, base } = fetch();
  return readAdapters(bytes, base, base, P);
};
const packagePath = () => pkg.getAdaptersAddresses();

const { median, paired, timeOf } = require('./paired.cjs');

const n = Number(calls);
const r = Number(rounds);
const rows = packagePath().length;
const toJson = (x) => JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
if (toJson(handPath()) !== toJson(packagePath())) throw new Error('the hand path and the package read different adapters');

// The package and the hand path, alternating, the ratio paired per round (./paired.cjs).
const timing = paired(packagePath, handPath, n, r);

const held = fetch();
const origin = { arch: ARCH, base: held.base, head: held.base };
const steps = (label, fn) => [label, median(Array.from({ length: r }, () => timeOf(fn, n)))];
const breakdown = Object.fromEntries([
  steps('nativeCall', () => {
    const mem = koffi.alloc('uint8_t', held.bytes.length);
    const sizeRef = Buffer.alloc(4);
    sizeRef.writeUInt32LE(held.bytes.length, 0);
    GetAdaptersAddresses(0, FLAGS, null, mem, sizeRef);
    koffi.free(mem);
  }),
  steps('read', () => decodeList(IP_ADAPTER_ADDRESSES_LH, held.bytes, origin, undefined)),
  steps('handRead', () => readAdapters(held.bytes, held.base, held.base, P)),
  steps('packageCallAndCopy', () => adapterListBytes('all')),
  steps('handNativeCallAndCopy', () => fetch()),
]);
// The copy: koffi.decode of the filled buffer, what the hand path adds to the native call.
breakdown.copy = Math.max(0, breakdown.handNativeCallAndCopy - breakdown.nativeCall);
// decodeList validates each node as it walks (the check is part of the read).
breakdown.validate = 0;
fs.writeFileSync(out, JSON.stringify({ table: tableName, scenario, rows, ...timing, breakdown }));
