import { expect, expectTypeOf, test } from 'vitest'
import * as exports from './index.js'

test('public API', () => {
  expect(Object.keys(exports).sort()).toMatchInlineSnapshot(`
    [
      "ApduStatusError",
      "InvalidEmulatorMnemonicError",
      "InvalidEmulatorOptionError",
      "LedgerEmulatorTransport",
      "StatusWord",
      "TrezorConnectMissingError",
      "TrezorDevice",
      "TrezorEmulatorMnemonicError",
      "TrezorEmulatorModelError",
      "builtInEip7702Whitelist",
      "calPublicKeyOf",
      "createEmulatorBluetooth",
      "createFakeBluetooth",
      "createLedgerEmulator",
      "createTrezorEmulator",
      "encodeTestEnumValue",
      "encodeTestField",
      "encodeTestTransactionInfo",
      "issueTestCertificate",
      "ledgerCalPublicKey",
      "ledgerNftMetadataPublicKey",
      "resolveTrezorModel",
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
      "trezorEmulatorManifest",
      "trezorModels",
    ]
  `)
})

test('both emulators have the same controls', () => {
  expectTypeOf<exports.LedgerEmulator>().toExtend<exports.EmulatorControls>()
  expectTypeOf<exports.TrezorEmulator>().toExtend<exports.EmulatorControls>()
})
