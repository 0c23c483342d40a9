import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: {
    index: 'src/exports/index.ts',
    utils: 'src/exports/utils.ts',
    blindSigning: 'src/exports/blindSigning.ts',
    testing: 'src/exports/testing.ts',
  },
  format: 'esm',
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  clean: true,
  // What an app loads on import (`core`), and what it loads with the first account (`account`):
  // one chunk each, since an app's bundler splits chunks by file. `blindSigning: 'refuse'` and its
  // error load on their own (`policy`), with the first call of a signer that refuses, or with
  // `@airlock/core/blindSigning`. Not from `.`: esbuild assigns a chunk to every entry that imports
  // its file, used or not, so a re-export there would put it in every app's first load.
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
