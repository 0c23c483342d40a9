import {
  BaseError,
  DeviceBusyError,
  DeviceDisconnectedError,
  DeviceLockedError,
  type DeviceOperation,
  InvalidRequestError,
  type SignableTransactionType,
  UnknownDeviceError,
  UnsupportedByDeviceError,
  UserRejectedOnDeviceError,
} from '@airlock/core'
import { ForbiddenKeyPathError, TrezorInitError, TrezorPermissionError } from '../errors.js'
import { readConnectFailure } from './readConnectFailure.js'
import {
  connectUnreachableRemedy,
  isTrezorInitCode,
  toTrezorInitError,
} from './toTrezorInitError.js'
import { type TrezorFirmwareMinimum, trezorFirmwareMinimums } from './trezorFirmwareMinimums.js'

export type ToTrezorErrorOptions = {
  operation: DeviceOperation
  /** Chooses the minimum firmware named when Connect reports the firmware too old. */
  transactionType?: SignableTransactionType | undefined
  /** `Features.internal_model`, if known, to name one minimum version instead of two. */
  model?: string | undefined
}

type Mapper = (cause: unknown, message: string, options: ToTrezorErrorOptions) => BaseError

// Core's remedies name no vendor: these are what only a Trezor user is told.
const trezorRemedies = {
  // Method_Cancel: a "Cancel" or "Deny" in the Connect window, `cancel(reason)`, or Connect's own
  // interaction timeout.
  cancelled: [
    'Nothing was signed. Try again and confirm in the Trezor Connect window and on the Trezor if you meant to.',
  ],
  // Method_Interrupted: the window was closed, or the notice Connect shows when the browser blocked
  // it ("Popup was blocked") was dismissed.
  windowClosed: [
    'The Trezor Connect window was closed, so nothing was signed.',
    'Try again and keep the window open until the Trezor asks you to confirm; if the browser blocked it, allow pop-ups for this site.',
  ],
  // A failure without a code (see `toTrezorError`): on the way to Connect's iframe or popup.
  unreachable: [
    'If the browser blocked the Trezor Connect window, allow pop-ups for this site.',
    connectUnreachableRemedy,
  ],
  update: (minimumVersion: string) => [
    `In Trezor Suite, update the device to ${minimumVersion} or later, then try again.`,
  ],
}

const rejected: Mapper = (cause) => new UserRejectedOnDeviceError({ cause })
const busy: Mapper = (cause) => new DeviceBusyError({ cause })
const disconnected: Mapper = (cause) => new DeviceDisconnectedError({ cause })
const locked: Mapper = (cause) => new DeviceLockedError({ cause })
const invalid: Mapper = (cause, message) => new InvalidRequestError({ reason: message, cause })
const missingCapability: Mapper = (cause, _, { operation }) =>
  new UnsupportedByDeviceError({
    operation: operationLabels[operation],
    reason: 'the firmware has no Ethereum support (Bitcoin-only firmware)',
    cause,
  })

/**
 * Trezor Connect's error codes (lib/constants/errors.js) and the firmware's `Failure_*` codes, each
 * to the typed error an app can act on. Start-up failures go to `toTrezorInitError`.
 */
export const trezorErrorCodes: Record<string, Mapper> = {
  Failure_ActionCancelled: rejected,
  Method_Cancel: (cause) =>
    new UserRejectedOnDeviceError({ metaMessages: trezorRemedies.cancelled, cause }),
  // Closing the Connect window is the user's no, so EIP-1193's 4001: wallets show it as a
  // cancellation and viem does not retry it. The `cancel()` sent on abort or timeout ends here too,
  // but by then the signer has rejected with OperationAbortedError or DeviceTimeoutError.
  Method_Interrupted: (cause) =>
    new UserRejectedOnDeviceError({ metaMessages: trezorRemedies.windowClosed, cause }),
  Failure_PinCancelled: locked,
  Failure_PinExpected: locked,
  Failure_PinInvalid: locked,
  Device_CallInProgress: busy,
  Device_UsedElsewhere: busy,
  Failure_Busy: busy,
  Device_Disconnected: disconnected,
  Device_NotFound: disconnected,
  Method_PermissionsNotGranted: (cause) => new TrezorPermissionError({ cause }),
  Device_FwException: (cause, message, options) => {
    const minimumVersion = minimumFirmware(options)
    return new UnsupportedByDeviceError({
      operation: operationLabels[options.operation],
      minimumVersion,
      reason: `Trezor Connect: ${message}`,
      metaMessages: trezorRemedies.update(minimumVersion),
      cause,
    })
  },
  Device_MissingCapability: missingCapability,
  Device_MissingCapabilityBtcOnly: missingCapability,
  Method_InvalidParameter: invalid,
  Failure_DataError: (cause, message) =>
    // trezor-firmware core/src/apps/common/keychain.py raises DataError("Forbidden key path").
    message === 'Forbidden key path'
      ? new ForbiddenKeyPathError({ cause })
      : new InvalidRequestError({ reason: `the device refused the request: ${message}`, cause }),
  Failure_UnknownCode: (cause, message) =>
    // Connect 9.7.3 reports schema failures without a code: @trezor/schema-utils lib/errors.js:7
    // `InvalidParameter` has none, and @trezor/connect lib/constants/errors.js:80 `serializeError`
    // fills in Failure_UnknownCode. Its message is the only signal.
    message.startsWith('Invalid parameter')
      ? new InvalidRequestError({ reason: message, cause })
      : new UnknownDeviceError({ code: 'Failure_UnknownCode', details: message, cause }),
}

/**
 * Maps a failed Trezor Connect response (`{ error, code }`) or a thrown Connect error to a typed
 * Airlock error: the one place Connect's and the firmware's failures are read. Codes decide, or
 * their absence from a response; message text only where Connect's core gives no better code. An
 * Airlock error is returned as it is, never wrapped again.
 */
export function toTrezorError(error: unknown, options: ToTrezorErrorOptions): BaseError {
  if (error instanceof BaseError) return error
  const { code, message } = readConnectFailure(error)
  if (code !== undefined && Object.hasOwn(trezorErrorCodes, code))
    return trezorErrorCodes[code]!(error, message, options)
  if (code !== undefined && isTrezorInitCode(code)) return toTrezorInitError(error)
  // Connect's core always answers with a code (@trezor/connect 9.7.3 lib/events/call.js:14 runs
  // lib/constants/errors.js:76 `serializeError`, which falls back to Failure_UnknownCode). A
  // response without one was made on the way to the core by lib/events/core.js:24
  // `createErrorMessage`: a popup that never answered the channel handshake (@trezor/connect-web
  // lib/impl/core-in-popup.js:134: blocked, or connect.trezor.io unreachable), or an iframe error
  // whose code was lost in postMessage (lib/impl/core-in-iframe.js:226).
  if (code === undefined && isResponsePayload(error))
    return new TrezorInitError({
      details: message || undefined,
      metaMessages: trezorRemedies.unreachable,
      cause: error,
    })
  return new UnknownDeviceError({ code, details: message || undefined, cause: error })
}

/** `{ error, code }` from a resolved response, as opposed to something thrown. */
function isResponsePayload(error: unknown): boolean {
  return (
    !!error &&
    typeof error === 'object' &&
    !(error instanceof Error) &&
    typeof (error as { error?: unknown }).error === 'string'
  )
}

const operationLabels: Record<DeviceOperation, string> = {
  getCapabilities: 'report its features',
  getAddress: 'show Ethereum addresses',
  getExtendedPublicKey: 'export Ethereum public keys',
  signTransaction: 'sign this transaction',
  signMessage: 'sign messages',
  signTypedData: 'sign EIP-712 typed data',
  signAuthorization: 'sign EIP-7702 authorizations',
}

function minimumFirmware({ operation, transactionType, model }: ToTrezorErrorOptions): string {
  const minimum: TrezorFirmwareMinimum =
    operation === 'signTypedData'
      ? trezorFirmwareMinimums.eip712
      : operation === 'signTransaction' && transactionType === 'eip1559'
        ? trezorFirmwareMinimums.eip1559
        : trezorFirmwareMinimums.ethereum
  if (model === 'T1B1') return `Trezor firmware ${minimum.T1B1}`
  if (model === 'T2T1') return `Trezor firmware ${minimum.T2T1}`
  return `Trezor firmware ${minimum.T1B1} (Model One) / ${minimum.T2T1} (Model T)`
}
