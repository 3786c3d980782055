// A stand-in for an Electron main-process file: it uses the package as an app
// would. test/bundle.test.ts bundles it with esbuild (koffi external) and runs the bundle.
const { readFileSync } = require('node:fs');
const { decodeCapture, getIpInterfaceTable } = require('ipinterface');

const file = process.argv[2];
const { rows, metadata } = decodeCapture(readFileSync(file));
let live;
try {
  getIpInterfaceTable();
  live = 'ok';
} catch (error) {
  live = error.code;
}
console.log(JSON.stringify({ rows: rows.length, first: rows[0].interfaceIndex, family: metadata.family, live, cloned: structuredClone(rows[0]).nlMtu }));
