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
import { Eip7702NotAllowedError, UserGestureRequiredError } from './errors.js'

type Mapper = (cause: unknown, operation: DeviceOperation) => BaseError

// Core's remedies name no vendor: these are what only a Ledger user is told.
const ledgerRemedies = {
  appNotOpen: ['Open the Ethereum app on the Ledger, then try again.'],
  blindSigning: [
    'Enable "Blind signing" in the Ethereum app settings on the device, then try again.',
    'Only do so for contracts you trust: the device cannot show what this data does.',
  ],
  unknown: ['Reconnect the Ledger, unlock it, open the Ethereum app, then try again.'],
  update: (minimumVersion: string) => [
    `In Ledger Live (My Ledger), update the device to ${minimumVersion} or later, then try again.`,
  ],
}

const rejected: Mapper = (cause) => new UserRejectedOnDeviceError({ cause })
const locked: Mapper = (cause) => new DeviceLockedError({ cause })
const appNotOpen: Mapper = (cause) =>
  new AppNotOpenError({ appName: 'Ethereum', metaMessages: ledgerRemedies.appNotOpen, cause })
const disconnected: Mapper = (cause) => new DeviceDisconnectedError({ cause })
const busy: Mapper = (cause) => new DeviceBusyError({ cause })
const blindSigning: Mapper = (cause) =>
  new BlindSigningDisabledError({ metaMessages: ledgerRemedies.blindSigning, cause })
const unknown = (cause: unknown, code?: number, details?: string) =>
  new UnknownDeviceError({ code, details, metaMessages: ledgerRemedies.unknown, cause })
const outdated = (
  cause: unknown,
  parameters: { operation: string; minimumVersion: string; reason?: string },
) =>
  new UnsupportedByDeviceError({
    ...parameters,
    metaMessages: ledgerRemedies.update(parameters.minimumVersion),
    cause,
  })

/**
 * Status words of the Ledger OS and the Ethereum app (LedgerHQ/ledger-secure-sdk
 * `include/status_words.h`, app-ethereum `src/apdu_constants.h`), each to the typed error an app
 * can act on. Some codes mean different things depending on the operation.
 */
export const ledgerStatusWords: Record<number, Mapper> = {
  // SWO_CONDITIONS_NOT_SATISFIED: the user rejected the review.
  27013: rejected,
  // USER_REFUSED_ON_DEVICE (OS-level refusals).
  21761: rejected,
  21781: locked,
  // SECURITY_STATUS_NOT_SATISFIED: how older firmware answers while the PIN screen is up.
  27010: locked,
  // CLA or INS unknown: the dashboard or another app is open.
  28160: appNotOpen,
  28161: appNotOpen,
  27906: appNotOpen,
  25873: appNotOpen,
  25871: appNotOpen,
  27904: (cause, operation) =>
    // An Ethereum app without INS 0x34 predates EIP-7702 (app-ethereum 1.16.0, PR #776).
    operation === 'signAuthorization'
      ? outdated(cause, {
          operation: 'sign EIP-7702 authorizations',
          minimumVersion: 'Ethereum app 1.16.0 (not on Nano S)',
        })
      : appNotOpen(cause, operation),
  // SWO_INCORRECT_DATA: for transactions and hashed EIP-712, "blind signing is off".
  27264: (cause, operation) =>
    operation === 'signTransaction' || operation === 'signTypedData'
      ? blindSigning(cause, operation)
      : unknown(cause, 0x6a80),
  // SWO_COMMAND_NOT_ALLOWED: the EIP-7702 setting is off or the delegate is not whitelisted.
  27008: (cause, operation) =>
    operation === 'signAuthorization'
      ? new Eip7702NotAllowedError({ cause })
      : new UnsupportedByDeviceError({
          operation: 'sign this request',
          reason: 'the Ethereum app refused it (0x6980): a setting forbids it',
          cause,
        }),
  25857: (cause) =>
    outdated(cause, {
      operation: 'sign this transaction type',
      reason: 'the Ethereum app does not support this transaction type (0x6501)',
      minimumVersion: 'Ethereum app 1.16.0 (EIP-7702 transactions are not signed on Nano S)',
    }),
  // HALTED: the device stopped answering until it is reconnected.
  28586: disconnected,
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
 * class names. Codes are mapped, never messages.
 */
export function toLedgerError(error: unknown, operation: DeviceOperation): BaseError {
  if (error instanceof BaseError) return error
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode
  if (typeof statusCode === 'number') {
    const mapper = Object.hasOwn(ledgerStatusWords, statusCode)
      ? ledgerStatusWords[statusCode]
      : undefined
    return mapper ? mapper(error, operation) : unknown(error, statusCode)
  }
  const name = (error as { name?: unknown } | null)?.name
  const mapper =
    typeof name === 'string' && Object.hasOwn(ledgerErrorNames, name)
      ? ledgerErrorNames[name]
      : undefined
  if (mapper) return mapper(error, operation)
  return unknown(
    error,
    undefined,
    error instanceof Error ? `${operation}: ${error.message}` : `${operation} failed`,
  )
}
