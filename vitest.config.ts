// The package is "type": "commonjs", so this config is CommonJS too: Vite loads a .ts config by
// the package's type, and ESM syntax here would make it warn that ESM is loaded as CommonJS.
// (vitest/config is an ES module; Node ≥ 20.19 requires it directly.)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defineConfig } = require('vitest/config') as typeof import('vitest/config');

module.exports = defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'pure',
          include: ['test/**/*.test.ts'],
          exclude: ['test/wine/**'],
          globalSetup: ['test/setup-pure.ts'],
        },
      },
      // The decoding tests again in processes that refuse code generation from strings (hardened Node,
      // an Electron renderer's CSP): every per-row function is then the interpreted one, and must give
      // the same rows. test/tables.test.ts fails here if the flag did not take effect.
      {
        test: {
          name: 'pure-no-eval',
          include: ['test/decode.test.ts', 'test/structs.test.ts', 'test/adapters.test.ts', 'test/capture.test.ts', 'test/tables.test.ts', 'test/kinds.test.ts', 'test/routes.test.ts', 'test/schema.test.ts', 'test/set.test.ts', 'test/adapter-addresses.test.ts'],
          globalSetup: ['test/setup-pure.ts'],
          execArgv: ['--disallow-code-generation-from-strings'],
          env: { IPINTERFACE_EXPECT_NO_EVAL: '1' },
        },
      },
      // The Wine tiers, once per Windows architecture: the same test files, with the 64-bit
      // node.exe (wine64) and the 32-bit one (/usr/lib/wine/wine, WoW64). test/wine/windows-node.ts
      // reads IPINTERFACE_WINE_ARCH.
      ...(['x64', 'ia32'] as const).map((arch) => ({
        test: {
          name: `wine-${arch}`,
          include: ['test/wine/**/*.test.ts'],
          globalSetup: ['test/wine/setup.ts'],
          env: { IPINTERFACE_WINE_ARCH: arch },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      })),
    ],
  },
});
