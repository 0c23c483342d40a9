import { BlindSigningRefusedError } from '@airlock/core'
import {
  Eip7702NotAllowedError,
  LedgerTransportUnavailableError,
  UserGestureRequiredError,
} from '@airlock/ledger'
import { toProviderRpcError } from '@airlock/provider'
import {
  ForbiddenKeyPathError,
  InvalidManifestError,
  TrezorInitError,
  TrezorPermissionError,
} from '@airlock/trezor'
import { TransactionExecutionError } from 'viem'
import { expect, test } from 'vitest'

// Before each error declared its code, the provider mapped a fixed list of core classes and every
// vendor error came out as -32603 (found in issue #12: TrezorPermissionError declared 4100).
test('vendor errors keep the EIP-1193 code they declare through the provider', () => {
  const errors = [
    new TrezorPermissionError(),
    new TrezorInitError({ code: 'Init_IframeBlocked' }),
    new ForbiddenKeyPathError(),
    new InvalidManifestError({ reason: 'no appUrl' }),
    new UserGestureRequiredError(),
    new Eip7702NotAllowedError(),
    new LedgerTransportUnavailableError({ transport: 'webusb', reason: 'no navigator.usb' }),
    // 4001: the user's standing "no" to blind requests, not a missing permission (4100) or
    // method (4200); the app must not retry it as it is.
    new BlindSigningRefusedError({ operation: 'signTransaction' }),
  ]
  expect(
    errors.map((error) => {
      const rpc = toProviderRpcError(new TransactionExecutionError(error as never, {} as never))
      expect(rpc.cause).toBe(error)
      return `${error.name} -> ${rpc.code} ${rpc.name}`
    }),
  ).toMatchInlineSnapshot(`
    [
      "TrezorPermissionError -> 4100 UnauthorizedProviderError",
      "TrezorInitError -> -32002 ResourceUnavailableRpcError",
      "ForbiddenKeyPathError -> -32602 InvalidParamsRpcError",
      "InvalidManifestError -> -32602 InvalidParamsRpcError",
      "UserGestureRequiredError -> -32002 ResourceUnavailableRpcError",
      "Eip7702NotAllowedError -> -32002 ResourceUnavailableRpcError",
      "LedgerTransportUnavailableError -> -32002 ResourceUnavailableRpcError",
      "BlindSigningRefusedError -> 4001 UserRejectedRequestError",
    ]
  `)
})
