import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: {
    index: 'src/exports/index.ts',
    utils: 'src/exports/utils.ts',
    testing: 'src/exports/testing.ts',
  },
  format: 'esm',
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  clean: true,
  // What an app loads on import (`core`), and what it loads with the first account (`account`):
  // one chunk each, since an app's bundler splits chunks by file. `blindSigning: 'refuse'` loads on
  // its own (`policy`, with its remedy text), with the first call of a signer that refuses; its
  // error class is a small one among the others, exported from `.`.
  outputOptions: {
    codeSplitting: {
      groups: [
        {
          name: 'core',
          test: /src\/((errors\/|path\/|signer\/)\w+|utils\/loadOnce|account\/toHardwareAccount|discovery\/discoverAccounts)\.ts$/,
        },
        {
          name: 'policy',
          test: /src\/signer\/internal\/\w+\.ts$/,
        },
        {
          name: 'account',
          test: /src\/(account\/(internal\/\w+|serializeUnsignedTransaction)|signature\/\w+|utils\/(raceAbortSignal|unwrapDefault|compareVersions))\.ts$/,
        },
      ],
    },
  },
})
