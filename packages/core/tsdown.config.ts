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
  // one chunk each, since an app's bundler splits chunks by file. `blindSigning: 'refuse'` and its
  // error load on their own (`policy`), with the first signing call of a signer that refuses.
  outputOptions: {
    codeSplitting: {
      groups: [
        {
          name: 'core',
          test: /src\/((errors\/(?!blindSigning)|path\/|signer\/)\w+|utils\/loadOnce|account\/toHardwareAccount|discovery\/discoverAccounts)\.ts$/,
        },
        {
          name: 'policy',
          test: /src\/(errors\/blindSigning|signer\/internal\/\w+)\.ts$/,
        },
        {
          name: 'account',
          test: /src\/(account\/(internal\/\w+|serializeUnsignedTransaction)|signature\/\w+|utils\/(raceAbortSignal|unwrapDefault|compareVersions))\.ts$/,
        },
      ],
    },
  },
})
