import { defineConfig } from 'vitest/config'
import { hasChromium as chromiumInstalled, chromiumPath } from './chromium.js'

const hasChromium = chromiumInstalled()
// CI installs Chromium (.ci/run) and must never skip; a newcomer without it gets a notice instead.
if (!hasChromium && process.env.CI)
  throw new Error(`Chromium not found at ${chromiumPath}: the Next.js consumer tests cannot run.`)
if (!hasChromium)
  console.warn(
    `\n  Next.js consumer tests skipped: no Chromium at ${chromiumPath}.\n  Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH, then run pnpm test:consumers.\n`,
  )

// Airlock as people install it: packed tarballs installed with npm outside the workspace
// (globalSetup.ts), then plain Node scripts (node.test.ts), a Next.js app in Chromium
// (next.test.ts), a Vite app on wagmi 2 with RainbowKit and Reown AppKit (rainbowkit.test.ts) and tsc over typed
// apps (types.test.ts). The installs run in globalSetup, outside the no-network guard; the tests run
// under it, and the Node processes they start under scripts/denyNetwork.mjs.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    root: import.meta.dirname,
    include: hasChromium ? ['*.test.ts'] : ['node.test.ts', 'types.test.ts'],
    globalSetup: ['./globalSetup.ts'],
    setupFiles: ['../setup/noNetwork.ts'],
    testTimeout: 120_000,
    // Two `next build`s (one per bundler) run in next.test.ts's hooks, a `vite build` in
    // rainbowkit.test.ts's.
    hookTimeout: 600_000,
    expect: { poll: { timeout: 20_000, interval: 100 } },
  },
})
