import { expect, test } from 'vitest'
import * as exports from './trezor.js'

test('public API', () => {
  expect(Object.keys(exports).sort()).toMatchInlineSnapshot(`
    [
      "TrezorConnectMissingError",
      "TrezorDevice",
      "TrezorEmulatorMnemonicError",
      "TrezorEmulatorModelError",
      "createTrezorEmulator",
      "resolveTrezorModel",
      "testMnemonic",
      "trezorEmulatorManifest",
      "trezorModels",
    ]
  `)
})
