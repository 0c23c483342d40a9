import { defineConfig } from 'vitest/config'

// @airlock/hardhat and examples/hardhat need Hardhat 3, so Node 22: `pnpm test:hardhat` runs this
// config under `npx -y node@22`; `pnpm test:unit` (vitest.config.ts, Node 20) leaves them out.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/hardhat/src/**/*.test.ts', 'examples/hardhat/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    setupFiles: ['./test/setup/noNetwork.ts'],
    testTimeout: 60_000,
  },
})
