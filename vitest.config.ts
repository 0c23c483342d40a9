import { defineConfig } from 'vitest/config'

// Tests run against each package's source (the `source` export condition), never a stale build.
// Outbound network access fails the test (test/setup/noNetwork.ts); loopback stays open.
// In CI, property tests replay one fast-check seed (test/setup/fastCheckSeed.ts).
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'examples/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: [
      '**/node_modules/**',
      '**/dist/**',
      'test/e2e/**',
      'test/consumers/**',
      // Hardhat 3 needs Node 22: vitest.hardhat.config.ts, run by `pnpm test:hardhat`
      'packages/hardhat/**',
      'examples/hardhat/**',
    ],
    setupFiles: ['./test/setup/noNetwork.ts', './test/setup/fastCheckSeed.ts'],
    testTimeout: 30_000,
  },
})
