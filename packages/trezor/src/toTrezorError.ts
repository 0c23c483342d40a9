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
import { ForbiddenKeyPathError, TrezorInitError, TrezorPermissionError } from './errors.js'

export type ToTrezorErrorOptions = {
  operation: DeviceOperation
  /** Chooses the minimum firmware named when Connect reports the firmware too old. */
  transactionType?: SignableTransactionType | undefined
  /** `Features.internal_model`, if known, to name one minimum version instead of two. */
  model?: string | undefined
}

type Mapper = (cause: unknown, message: string, options: ToTrezorErrorOptions) => BaseError

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
 * to the typed error an app can act on.
 */
export const trezorErrorCodes: Record<string, Mapper> = {
  Failure_ActionCancelled: rejected,
  Method_Cancel: rejected,
  // The Connect popup was closed, or `cancel()` was called.
  Method_Interrupted: rejected,
  Failure_PinCancelled: locked,
  Failure_PinExpected: locked,
  Failure_PinInvalid: locked,
  Device_CallInProgress: busy,
  Device_UsedElsewhere: busy,
  Failure_Busy: busy,
  Device_Disconnected: disconnected,
  Device_NotFound: disconnected,
  Transport_Missing: disconnected,
  Method_PermissionsNotGranted: (cause) => new TrezorPermissionError({ cause }),
  Device_FwException: (cause, message, options) =>
    new UnsupportedByDeviceError({
      operation: operationLabels[options.operation],
      minimumVersion: minimumFirmware(options),
      reason: `Trezor Connect: ${message}`,
      cause,
    }),
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
 * Airlock error. Codes decide; message text only where Connect gives no code.
 */
export function toTrezorError(error: unknown, options: ToTrezorErrorOptions): BaseError {
  const { code, message } = readFailure(error)
  if (code?.startsWith('Init_'))
    return new TrezorInitError({ code, details: message || code, cause: error })
  const mapper = code !== undefined ? trezorErrorCodes[code] : undefined
  if (mapper) return mapper(error, message, options)
  return new UnknownDeviceError({ code, details: message || undefined, cause: error })
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
