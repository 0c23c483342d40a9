import { expect, test } from 'vitest'
import * as exports from './ledger.js'

test('public API', () => {
  expect(Object.keys(exports).sort()).toMatchInlineSnapshot(`
    [
      "ApduStatusError",
      "InvalidEmulatorMnemonicError",
      "InvalidEmulatorOptionError",
      "LedgerEmulatorTransport",
      "StatusWord",
      "builtInEip7702Whitelist",
      "calPublicKeyOf",
      "createEmulatorBluetooth",
      "createFakeBluetooth",
      "createLedgerEmulator",
      "ledgerCalPublicKey",
      "signCalPayload",
      "signErc20Descriptor",
      "testMnemonic",
    ]
  `)
})
