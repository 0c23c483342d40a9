import { defineConfig } from 'tsdown'

export default defineConfig({
  // Separate entries: a browser page can load the Ledger emulator without the Trezor one (which
  // needs @trezor/connect's Node core and a global Buffer).
  entry: {
    index: 'src/exports/index.ts',
    ledger: 'src/exports/ledger.ts',
    trezor: 'src/exports/trezor.ts',
    // `#hw-transport` (package.json `imports`): the ESM build for bundlers, CommonJS for plain Node.
    hwTransport: 'src/ledger/sdk/hwTransport.ts',
    'hwTransport.node': 'src/ledger/sdk/hwTransport.node.ts',
  },
  external: ['#hw-transport'],
  format: 'esm',
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  clean: true,
})
