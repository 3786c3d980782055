// The ES module entry: it re-exports the CommonJS build, so `import` and
// `require` share one copy of every class (instanceof works across both).
export * from './index.js';
