import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: { index: 'src/exports/index.ts', utils: 'src/exports/utils.ts' },
  format: 'esm',
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  clean: true,
  // Two chunks: what an app loads on import, and the driver it loads on first device use. Fewer,
  // larger files are what an app's bundler keeps together.
  outputOptions: {
    codeSplitting: {
      groups: [
        {
          name: 'trezor',
          test: /src\/(errors|connect\/validateManifest|createTrezorSigner|toTrezorAccount)\.ts$/,
        },
        { name: 'driver', test: /src\/(connect|driver|requests)\/\w+\.ts$/ },
      ],
    },
  },
})
