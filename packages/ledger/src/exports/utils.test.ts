import { expect, test } from 'vitest'
import * as exports from './utils.js'

test('exports', () => {
  expect(Object.keys(exports).sort()).toMatchInlineSnapshot(`
    [
      "LedgerBluetoothError",
      "ledgerAppVersions",
      "ledgerDmkErrorTags",
      "ledgerErrorNames",
      "ledgerStatusWords",
      "toLedgerCapabilities",
      "toLedgerError",
    ]
  `)
})
