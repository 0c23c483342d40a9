import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: { index: 'src/exports/index.ts', rainbowkit: 'src/exports/rainbowkit.ts' },
  format: 'esm',
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  clean: true,
  unbundle: true,
})
