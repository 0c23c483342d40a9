import { expect, test } from 'vitest'
import * as exports from './index.js'

test('public API', () => {
  expect(Object.keys(exports).sort()).toMatchInlineSnapshot(`
    [
      "AppNotOpenError",
      "BaseError",
      "BlindSigningDisabledError",
      "BlindSigningRefusedError",
      "ChainIdMismatchError",
      "DeviceAddressMismatchError",
      "DeviceBusyError",
      "DeviceDisconnectedError",
      "DeviceLockedError",
      "DeviceTimeoutError",
      "InvalidPathError",
      "InvalidRequestError",
      "OperationAbortedError",
      "SignatureMismatchError",
      "UnknownDeviceError",
      "UnsupportedByDeviceError",
      "UserRejectedOnDeviceError",
      "bip44",
      "createHardwareSigner",
      "describeValue",
      "discoverAccounts",
      "formatPath",
      "hardenedOffset",
      "lazyDriver",
      "ledgerLive",
      "legacy",
      "parsePath",
      "pathSchemes",
      "toHardwareAccount",
    ]
  `)
})
