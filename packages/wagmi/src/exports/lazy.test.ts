import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLedgerEmulator } from '@airlock/emulator'
import { connect } from '@wagmi/core'
import { build } from 'tsdown'
import { expect, test, vi } from 'vitest'
import { createTestConfig } from '../_test/connectorSuite.js'

const packageDir = fileURLToPath(new URL('../..', import.meta.url))
const devicePackage = /^@(airlock\/(ledger|trezor)|ledgerhq\/|trezor\/)/

test('importing @airlock/wagmi loads no device package; connecting loads only its own', async () => {
  const loaded: string[] = []
  for (const name of ['@airlock/ledger', '@airlock/trezor'])
    vi.doMock(name, async (importOriginal) => {
      loaded.push(name)
      return importOriginal()
    })
  const { ledger, trezor } = await import('./index.js')
  const emulator = createLedgerEmulator()
  const connectors = [
    ledger({ transport: emulator.transport }),
    trezor({
      manifest: { appName: 'Test', appUrl: 'https://example.com', email: 'a@example.com' },
    }),
  ]
  const { config, connector } = createTestConfig(connectors[0]!)
  expect(loaded).toEqual([])
  await connect(config, { connector })
  expect(loaded).toEqual(['@airlock/ledger'])
  vi.doUnmock('@airlock/ledger')
  vi.doUnmock('@airlock/trezor')
})

test('the build imports device packages only dynamically', async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'airlock-wagmi-'))
  try {
    await build({
      config: false,
      cwd: packageDir,
      entry: { index: 'src/exports/index.ts' },
      format: 'esm',
      platform: 'neutral',
      dts: false,
      outDir,
      logLevel: 'silent',
    })
    const importsOf = async (file: string) => {
      const code = await readFile(join(outDir, file), 'utf8')
      const fromStatements = /\bimport\s*(?:[\w*{}\s,]+from\s*)?["']([^"']+)["']/g
      return {
        static: [...code.matchAll(fromStatements)].map((match) => match[1]!),
        dynamic: [...new Set([...code.matchAll(dynamicImport)].map((match) => match[1]!))].sort(),
      }
    }
    const dynamicImport = /\bimport\(\s*["']([^"']+)["']\s*\)/g
    const entry = await importsOf('index.js')
    expect(entry.static.filter((name) => devicePackage.test(name))).toEqual([])
    expect(entry.static).not.toContain('@airlock/provider')
    const sessionChunk = entry.dynamic.find((name) => name.startsWith('./hardwareSession'))
    expect(entry.dynamic.filter((name) => name !== sessionChunk)).toEqual([
      '@airlock/ledger',
      '@airlock/trezor',
    ])
    // The session chunk names only what the connectors use, so the announcer is left out.
    expect((await readFile(join(outDir, sessionChunk!), 'utf8')).replace(/\s+/g, ' ')).toMatch(
      /import \{ createHardwareProvider, toProviderRpcError \} from "@airlock\/provider"/,
    )
  } finally {
    await rm(outDir, { recursive: true, force: true })
  }
})

test('nothing else in the import graph depends on a device SDK', async () => {
  for (const name of ['@airlock/provider', '@airlock/core', '@airlock/wagmi']) {
    const path = join(packageDir, '..', name.split('/')[1]!, 'package.json')
    const { dependencies = {} } = JSON.parse(await readFile(path, 'utf8'))
    expect(
      Object.keys(dependencies).filter((dependency) => devicePackage.test(dependency)),
    ).toEqual([])
  }
})
