import {
  type BaseError,
  DeviceBusyError,
  DeviceDisconnectedError,
  DeviceLockedError,
  type DeviceOperation,
  describeValue,
  InvalidRequestError,
  type SignableTransactionType,
  UnknownDeviceError,
  UnsupportedByDeviceError,
  UserRejectedOnDeviceError,
} from '@airlock/core'
import { ForbiddenKeyPathError, TrezorPermissionError } from './errors.js'
import { toTrezorInitError } from './toTrezorInitError.js'

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
    'Check the network, and that no content blocker, firewall or Content-Security-Policy (frame-src) blocks connect.trezor.io, then reload the page.',
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

const initFailure: Mapper = (cause, message) => {
  const { code } = readFailure(cause)
  return toTrezorInitError({ code, details: message || code, cause })
}

/**
 * Trezor Connect's error codes (lib/constants/errors.js) and the firmware's `Failure_*` codes, each
 * to the typed error an app can act on.
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
  // Connect could not start or has no way to the device: errors.ts has each one's message.
  Init_NotInitialized: initFailure,
  Init_AlreadyInitialized: initFailure,
  Init_ManifestMissing: initFailure,
  Init_IframeBlocked: initFailure,
  Init_IframeTimeout: initFailure,
  Popup_ConnectionMissing: initFailure,
  Desktop_ConnectionMissing: initFailure,
  Browser_LocalNetworkPermissionMissing: initFailure,
  Transport_Missing: initFailure,
  Method_InvalidPackage: initFailure,
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
    // Connect 9.7 reports schema failures without a code: @trezor/schema-utils lib/errors.js
    // `InvalidParameter` has none, and lib/constants/errors.js `serializeError` fills in
    // Failure_UnknownCode. Its message is the only signal.
    message.startsWith('Invalid parameter')
      ? new InvalidRequestError({ reason: message, cause })
      : new UnknownDeviceError({ code: 'Failure_UnknownCode', details: message, cause }),
}

/**
 * Maps a failed Trezor Connect response (`{ error, code }`) or a thrown Connect error to a typed
 * Airlock error. Codes decide, or their absence from a response; message text only where Connect's
 * core gives no better code.
 */
export function toTrezorError(error: unknown, options: ToTrezorErrorOptions): BaseError {
  const { code, message } = readFailure(error)
  const mapper =
    code !== undefined && Object.hasOwn(trezorErrorCodes, code) ? trezorErrorCodes[code] : undefined
  if (mapper) return mapper(error, message, options)
  // Init_* codes a later Connect may add.
  if (code?.startsWith('Init_')) return initFailure(error, message, options)
  // Connect's core always answers with a code (events/call.js `createResponseMessage` runs
  // `serializeError`, which falls back to Failure_UnknownCode). A response without one was made on
  // the way to the core by `createErrorMessage`: a popup that never answered the channel handshake
  // (connect-web core-in-popup.js "handshake failed": blocked, or connect.trezor.io unreachable), or
  // an iframe error whose code was lost in postMessage.
  if (code === undefined && isResponsePayload(error))
    return toTrezorInitError({
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

function readFailure(error: unknown): { code: string | undefined; message: string } {
  if (!error || typeof error !== 'object') return { code: undefined, message: describeValue(error) }
  const { code, error: text, message } = error as Record<string, unknown>
  return {
    code: typeof code === 'string' && code !== '' ? code : undefined,
    message: typeof text === 'string' ? text : typeof message === 'string' ? message : '',
  }
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

// Connect 9.7 lib/data/config.js `supportedFirmware`: Ethereum, EIP-1559 and EIP-712 minimums.
const firmwareMinimums = {
  ethereum: { T1B1: '1.8.0', T2T1: '2.1.0' },
  eip1559: { T1B1: '1.10.4', T2T1: '2.4.2' },
  eip712: { T1B1: '1.10.5', T2T1: '2.4.3' },
}

function minimumFirmware({ operation, transactionType, model }: ToTrezorErrorOptions): string {
  const range =
    operation === 'signTypedData'
      ? firmwareMinimums.eip712
      : operation === 'signTransaction' && transactionType === 'eip1559'
        ? firmwareMinimums.eip1559
        : firmwareMinimums.ethereum
  if (model === 'T1B1') return `Trezor firmware ${range.T1B1}`
  if (model === 'T2T1') return `Trezor firmware ${range.T2T1}`
  return `Trezor firmware ${range.T1B1} (Model One) / ${range.T2T1} (Model T)`
}
