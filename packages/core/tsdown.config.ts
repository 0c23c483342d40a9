import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: { index: 'src/exports/index.ts', utils: 'src/exports/utils.ts' },
  format: 'esm',
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  clean: true,
  outputOptions: {
    codeSplitting: {
      groups: [
        {
          name: 'core',
          test: /src\/((errors|path|signer)\/\w+|account\/toHardwareAccount|discovery\/discoverAccounts)\.ts$/,
        },
      ],
    },
  },
})
