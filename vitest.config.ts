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
      {
        test: {
          name: 'wine',
          include: ['test/wine/**/*.test.ts'],
          globalSetup: ['test/wine/setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
