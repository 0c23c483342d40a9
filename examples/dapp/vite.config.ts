import { resolve } from 'node:path'
import { defaultClientConditions, defineConfig } from 'vite'

// The workspace packages are served from their sources (the `source` export condition), so the page
// needs no package build. Three pages: the dApp, and the same flow through wagmi and through ethers.
export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    target: 'es2022',
    // Trezor Connect and the Ledger SDK are large; each loads only when its device is picked.
    chunkSizeWarningLimit: 1_000,
    rollupOptions: {
      // Code the pages share goes to chunks of its own, never into a page's entry chunk: importing
      // an entry chunk runs that page's script (the Ledger SDK imported on the wagmi page ran main.ts).
      preserveEntrySignatures: 'strict',
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        wagmi: resolve(import.meta.dirname, 'wagmi.html'),
        ethers: resolve(import.meta.dirname, 'ethers.html'),
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
})
