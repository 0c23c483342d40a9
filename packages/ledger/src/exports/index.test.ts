import { fileURLToPath } from 'node:url'
import { staticImports } from '@airlock/fixtures/staticImports'
import { expect, test } from 'vitest'
import * as exports from './index.js'

test('exports', () => {
  expect(Object.keys(exports).sort()).toMatchInlineSnapshot(`
    [
      "Eip7702NotAllowedError",
      "LedgerTransportUnavailableError",
      "UserGestureRequiredError",
      "createLedgerSigner",
      "toLedgerAccount",
    ]
  `)
})

test('the entry loads no Ledger SDK or Buffer polyfill until a device is used', () => {
  expect(staticImports(fileURLToPath(new URL('./index.ts', import.meta.url)))).toEqual([
    '@airlock/core',
  ])
})
