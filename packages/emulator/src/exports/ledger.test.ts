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
      "encodeTestEnumValue",
      "encodeTestField",
      "encodeTestTransactionInfo",
      "issueTestCertificate",
      "ledgerCalPublicKey",
      "ledgerNftMetadataPublicKey",
      "signCalPayload",
      "signDigestDer",
      "signErc20Descriptor",
      "signNftInformation",
      "signTestCalldataDescriptor",
      "signTestDescriptor",
      "signTestProxyInfo",
      "testMnemonic",
      "testPublicKeyOf",
      "tlv",
    ]
  `)
})
