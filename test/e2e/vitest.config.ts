import { defineConfig } from 'vitest/config'

// The browser tests: a production build of examples/dapp served on 127.0.0.1, a Hardhat node, and
// Debian's Chromium driven by playwright-core (globalSetup.ts). One browser at a time: each file
// starts its own, and two Chromiums on a 2-core runner only make each other slow.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    globalSetup: ['./globalSetup.ts'],
    setupFiles: ['../setup/noNetwork.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    expect: { poll: { timeout: 15_000, interval: 50 } },
    hookTimeout: 120_000,
  },
})
