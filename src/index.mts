// The ES module entry's types: `import` gives the same API as `require`. The built
// dist/index.mjs is written by scripts/bundle.mjs (it loads the CommonJS build with require()
// and names each export, so `import` and `require` share one copy of every class and Node does
// not scan the bundle with its CommonJS export lexer); tsc only contributes dist/index.d.mts.
export * from './index.js';
