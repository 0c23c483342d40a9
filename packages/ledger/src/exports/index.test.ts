import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import * as exports from './index.js'

test('exports', () => {
  expect(Object.keys(exports).sort()).toMatchInlineSnapshot(`
    [
      "Eip7702NotAllowedError",
      "LedgerTransportUnavailableError",
      "UserGestureRequiredError",
      "createLedgerSigner",
      "ledgerAppVersions",
      "ledgerErrorNames",
      "ledgerStatusWords",
      "toLedgerAccount",
      "toLedgerCapabilities",
      "toLedgerError",
    ]
  `)
})

test('the entry loads no Ledger SDK or Buffer polyfill until a device is used', () => {
  const seen = new Set<string>()
  const runtimeImports: string[] = []
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const source = readFileSync(file, 'utf8')
    // Static imports and re-exports that are not type-only.
    for (const [, specifier] of source.matchAll(
      /^(?:import|export)\s+(?!type\b)(?:[\s\S]*?\sfrom\s+)?'([^']+)'/gm,
    )) {
      if (specifier!.startsWith('.'))
        visit(resolve(dirname(file), specifier!.replace(/\.js$/, '.ts')))
      else runtimeImports.push(specifier!)
    }
  }
  visit(fileURLToPath(new URL('./index.ts', import.meta.url)))
  expect([...new Set(runtimeImports)].sort()).toEqual(['@airlock/core'])
})
