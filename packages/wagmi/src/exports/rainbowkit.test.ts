import { expect, test } from 'vitest'
import * as exports from './rainbowkit.js'

test('public API', () => {
  expect(Object.keys(exports).sort()).toMatchInlineSnapshot(`
    [
      "ledgerWallet",
      "trezorWallet",
    ]
  `)
})
