import { existsSync } from 'node:fs'
import { defineConfig } from 'vitest/config'

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasChromium = existsSync(chromiumPath)
// CI installs Chromium (.ci/run) and must never skip; a newcomer without it gets a notice instead.
if (!hasChromium && process.env.CI)
  throw new Error(`Chromium not found at ${chromiumPath}: the browser tests cannot run.`)
if (!hasChromium)
  console.warn(
    `\n  Browser tests skipped: no Chromium at ${chromiumPath}.\n  Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH, then run pnpm test:e2e.\n`,
  )

// The browser tests: a production build of examples/dapp served on 127.0.0.1, a Hardhat node, and
// Debian's Chromium driven by playwright-core (globalSetup.ts). One browser at a time: each file
// starts its own, and two Chromiums on a 2-core runner only make each other slow.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    root: import.meta.dirname,
    include: hasChromium ? ['**/*.test.ts'] : [],
    passWithNoTests: !hasChromium,
    globalSetup: hasChromium ? ['./globalSetup.ts'] : [],
    setupFiles: ['../setup/noNetwork.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    expect: { poll: { timeout: 15_000, interval: 50 } },
    hookTimeout: 120_000,
  },
})
