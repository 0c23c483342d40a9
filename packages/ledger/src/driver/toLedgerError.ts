import {
  AppNotOpenError,
  BaseError,
  BlindSigningDisabledError,
  DeviceBusyError,
  DeviceDisconnectedError,
  DeviceLockedError,
  type DeviceOperation,
  OperationAbortedError,
  UnknownDeviceError,
  UnsupportedByDeviceError,
  UserRejectedOnDeviceError,
} from '@airlock/core'
import * as statusWords from '../app/statusWords.js'
import { Eip7702NotAllowedError, UserGestureRequiredError } from '../errors.js'
import { appUpdateRequiredError, ledgerAppRequirements } from './appUpdateRequiredError.js'
import { ledgerDmkErrorTags } from './dmkErrorTags.js'
import { statusCodeOf } from './statusCodeOf.js'

type Mapper = (cause: unknown, operation: DeviceOperation) => BaseError

// Core's remedies name no vendor: these are what only a Ledger user is told.
const ledgerRemedies = {
  appNotOpen: ['Open the Ethereum app on the Ledger, then try again.'],
  blindSigning: [
    'Enable "Blind signing" in the Ethereum app settings on the device, then try again.',
    'Only do so for contracts you trust: the device cannot show what this data does.',
  ],
  unknown: ['Reconnect the Ledger, unlock it, open the Ethereum app, then try again.'],
}

const rejected: Mapper = (cause) => new UserRejectedOnDeviceError({ cause })
const locked: Mapper = (cause) => new DeviceLockedError({ cause })
const appNotOpen: Mapper = (cause) =>
  new AppNotOpenError({ appName: 'Ethereum', metaMessages: ledgerRemedies.appNotOpen, cause })
const disconnected: Mapper = (cause) => new DeviceDisconnectedError({ cause })
const busy: Mapper = (cause) => new DeviceBusyError({ cause })
const blindSigning: Mapper = (cause) => blindSigningDisabledError(cause)

/** `BlindSigningDisabledError` with the Ledger remedy, also for a refusal known before the device. */
export function blindSigningDisabledError(cause?: unknown): BlindSigningDisabledError {
  return new BlindSigningDisabledError({ metaMessages: ledgerRemedies.blindSigning, cause })
}
const unknown = (cause: unknown, code?: number, details?: string) =>
  new UnknownDeviceError({ code, details, metaMessages: ledgerRemedies.unknown, cause })

/**
 * Status words of the Ledger OS and the Ethereum app (`app/statusWords.ts`), each to the typed error
 * an app can act on. Some mean different things depending on the operation.
 */
export const ledgerStatusWords: Record<number, Mapper> = {
  [statusWords.conditionsNotSatisfied]: rejected,
  [statusWords.userRefusedOnDevice]: rejected,
  [statusWords.lockedDevice]: locked,
  [statusWords.securityStatusNotSatisfied]: locked,
  // The dashboard or another app is open.
  [statusWords.claNotSupported]: appNotOpen,
  [statusWords.claNotSupportedBootloader]: appNotOpen,
  [statusWords.unknownApdu]: appNotOpen,
  [statusWords.appNotOpen]: appNotOpen,
  [statusWords.appClosed]: appNotOpen,
  [statusWords.insNotSupported]: (cause, operation) =>
    // An Ethereum app without INS 0x34 predates EIP-7702 (app-ethereum 1.17.0).
    operation === 'signAuthorization'
      ? appUpdateRequiredError({
          operation: 'sign EIP-7702 authorizations',
          minimumVersion: ledgerAppRequirements.eip7702Authorizations,
          cause,
        })
      : appNotOpen(cause, operation),
  // For transactions and hashed EIP-712, "blind signing is off".
  [statusWords.incorrectData]: (cause, operation) =>
    operation === 'signTransaction' || operation === 'signTypedData'
      ? blindSigning(cause, operation)
      : unknown(cause, statusWords.incorrectData),
  // The EIP-7702 setting is off or the delegate is not whitelisted.
  [statusWords.commandNotAllowed]: (cause, operation) =>
    operation === 'signAuthorization'
      ? new Eip7702NotAllowedError({ cause })
      : new UnsupportedByDeviceError({
          operation: 'sign this request',
          reason: 'the Ethereum app refused it (0x6980): a setting forbids it',
          cause,
        }),
  [statusWords.unsupportedTransactionType]: (cause) =>
    appUpdateRequiredError({
      operation: 'sign this transaction type',
      reason: 'the Ethereum app does not support this transaction type (0x6501)',
      minimumVersion: ledgerAppRequirements.eip7702Transactions,
      cause,
    }),
  [statusWords.halted]: disconnected,
}

/**
 * Errors thrown by `@ledgerhq/hw-transport`, the transports and `@ledgerhq/hw-app-eth`, by class
 * name: several copies of those packages can be loaded at once, so `instanceof` is unreliable.
 */
export const ledgerErrorNames: Record<string, Mapper> = {
  // hw-app-eth `remapTransactionRelatedErrors` replaces 0x6A80 with these and drops the status code.
  EthAppPleaseEnableContractData: blindSigning,
  CeloAppPleaseEnableContractData: blindSigning,
  EthAppNftNotSupported: (cause) =>
    new UnsupportedByDeviceError({ operation: 'clear-sign this NFT transaction', cause }),
  LockedDeviceError: locked,
  UserRefusedOnDevice: rejected,
  UserRefusedAddress: rejected,
  DisconnectedDevice: disconnected,
  DisconnectedDeviceDuringOperation: disconnected,
  CantOpenDevice: disconnected,
  TransportExchangeTimeoutError: disconnected,
  // Another program holds the USB interface.
  TransportInterfaceNotAvailable: busy,
  TransportRaceCondition: busy,
  TransportError: (cause, operation) =>
    (cause as { id?: unknown }).id === 'TransportLocked'
      ? busy(cause, operation)
      : disconnected(cause, operation),
  // requestDevice() outside a click or key press.
  TransportWebUSBGestureRequired: (cause) => new UserGestureRequiredError({ cause }),
  TransportWebHIDGestureRequired: (cause) => new UserGestureRequiredError({ cause }),
  // The user closed the browser's device picker.
  TransportOpenUserCancelled: (cause) => new OperationAbortedError({ cause }),
}

/**
 * Turns anything the Ledger stack throws into a typed Airlock error: status words first, then error
 * class names. Codes are mapped, never messages; Airlock errors pass through as they are.
 */
export function toLedgerError(error: unknown, operation: DeviceOperation): BaseError {
  if (error instanceof BaseError) return error
  const statusCode = statusCodeOf(error)
  if (statusCode !== undefined) {
    const mapper = Object.hasOwn(ledgerStatusWords, statusCode)
      ? ledgerStatusWords[statusCode]
      : undefined
    return mapper ? mapper(error, operation) : unknown(error, statusCode)
  }
  const tag = (error as { _tag?: unknown } | null)?._tag
  if (typeof tag === 'string' && Object.hasOwn(ledgerDmkErrorTags, tag))
    return ledgerDmkErrorTags[tag]!(error, operation)
  const name = (error as { name?: unknown } | null)?.name
  const mapper =
    typeof name === 'string' && Object.hasOwn(ledgerErrorNames, name)
      ? ledgerErrorNames[name]
      : undefined
  if (mapper) return mapper(error, operation)
  return unknown(
    error,
    undefined,
    error instanceof Error
      ? `${operation}: ${error.message}`
      : `${operation} failed${typeof tag === 'string' ? ` (${tag})` : ''}`,
  )
}
