/**
 * The published declarations as apps compile them: `tsc --noEmit` with `skipLibCheck: false`
 * under each `moduleResolution` an app may use, over a Ledger-only app (no @trezor/connect
 * installed), a Trezor-only app, one with both, and wagmi apps: Ledger-only (no @airlock/trezor
 * installed), Trezor-only (no @airlock/ledger) and with both (typedApps/). Each app
 * also holds `@ts-expect-error` lines (an object that is not a transport or a Connect): were the
 * option typed `any`, as Ledger's CommonJS declarations made it under `nodenext`, tsc fails with
 * "Unused '@ts-expect-error' directive".
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, inject, test } from 'vitest'
import { run } from './run.js'

const apps = [
  { app: 'ledgerApp.mts', kind: 'Ledger-only', dir: () => inject('ledgerProjectDir') },
  { app: 'trezorApp.mts', kind: 'Trezor-only', dir: () => inject('trezorProjectDir') },
  { app: 'bothApp.mts', kind: 'Ledger and Trezor', dir: () => inject('consumerProjectDir') },
  { app: 'wagmiApp.mts', kind: 'wagmi', dir: () => inject('consumerProjectDir') },
  {
    app: 'ledgerWagmiApp.mts',
    kind: 'Ledger-only wagmi',
    dir: () => inject('ledgerProjectDir'),
  },
  {
    app: 'trezorWagmiApp.mts',
    kind: 'Trezor-only wagmi',
    dir: () => inject('trezorProjectDir'),
  },
]
const wagmiApps = ['wagmiApp.mts', 'ledgerWagmiApp.mts', 'trezorWagmiApp.mts']
const resolutions = [
  { moduleResolution: 'nodenext', module: 'nodenext' },
  { moduleResolution: 'node16', module: 'node16' },
  { moduleResolution: 'bundler', module: 'esnext' },
]
/**
 * wagmi apps are bundled, and `@wagmi/core`'s own declarations fail under `node16` (mipd's
 * `import('viem')` from a CommonJS declaration: TS1542), whatever Airlock's are.
 */
const resolutionsOf = (app: string) =>
  wagmiApps.includes(app)
    ? resolutions.filter(({ moduleResolution }) => moduleResolution !== 'node16')
    : resolutions

/** Writes the app and a tsconfig for `resolution` in the installed project; returns the tsconfig. */
function writeTypedApp(projectDir: string, app: string, resolution: (typeof resolutions)[number]) {
  const dir = join(
    projectDir,
    'typed-apps',
    `${app.replace('.mts', '')}-${resolution.moduleResolution}`,
  )
  mkdirSync(dir, { recursive: true })
  copyFileSync(resolve(import.meta.dirname, 'typedApps', app), join(dir, app))
  const tsconfig = {
    compilerOptions: {
      ...resolution,
      target: 'es2022',
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: ['node'],
      // Kept in the cached install: a rerun over unchanged tarballs checks only what changed.
      incremental: true,
      tsBuildInfoFile: join(dir, 'tsconfig.tsbuildinfo'),
    },
    files: [app],
  }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2))
  return dir
}

describe.each(apps)('$kind app', ({ app, dir }) => {
  test.each(resolutionsOf(app))(
    'compiles with skipLibCheck false under moduleResolution $moduleResolution, options typed',
    async (resolution) => {
      const projectDir = dir()
      const appDir = writeTypedApp(projectDir, app, resolution)
      const tsc = join(projectDir, 'node_modules', 'typescript', 'bin', 'tsc')
      const { code, stdout, stderr } = await run(process.execPath, [tsc, '-p', appDir], {
        cwd: appDir,
        timeoutMs: 300_000,
      })
      expect(`${stdout}${stderr}`).toBe('')
      expect(code).toBe(0)
    },
    300_000,
  )
})
