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
  // What an app loads on import (`core`), and what it loads with the first account or the first
  // device call (`account`, with the code that runs a signer's calls): one chunk each, since an
  // app's bundler splits chunks by file. `blindSigning: 'refuse'` loads on its own (`policy`, with
  // its remedy text), with the first call of a signer that refuses; its error class is a small one
  // among the others, exported from `.`.
  outputOptions: {
    codeSplitting: {
      groups: [
        {
          name: 'core',
          test: /src\/((errors\/|path\/|signer\/)\w+|utils\/loadOnce|account\/toHardwareAccount|discovery\/discoverAccounts)\.ts$/,
        },
        {
          name: 'policy',
          test: /src\/signer\/internal\/refuseBlindSigning\.ts$/,
        },
        {
          name: 'account',
          test: /src\/(account\/(internal\/\w+|serializeUnsignedTransaction)|signer\/internal\/runDeviceCall|signature\/\w+|utils\/(raceAbortSignal|unwrapDefault|compareVersions))\.ts$/,
        },
      ],
    },
  },
})
