import { BaseError } from '@airlock/core'

export type InvalidManifestErrorType = InvalidManifestError & { name: 'InvalidManifestError' }
/** The Trezor Connect manifest is missing or malformed; nothing was sent to Connect. */
export class InvalidManifestError extends BaseError {
  constructor({ reason }: { reason: string }) {
    super('The Trezor Connect manifest is invalid.', {
      details: reason,
      metaMessages: [
        "Pass `manifest: { appName, appUrl, email }`: your app's name, its https URL and a contact email.",
      ],
      name: 'InvalidManifestError',
      rpcCode: -32602,
    })
  }
}

export type TrezorInitErrorType = TrezorInitError & { name: 'TrezorInitError' }
/**
 * Trezor Connect could not start or reach the device: its iframe, popup or Suite connection failed,
 * no transport (Suite, Bridge, WebUSB) is there, or it was not set up. `code` is Connect's code.
 */
export class TrezorInitError extends BaseError {
  readonly code: string | undefined
  constructor({
    code,
    cause,
    details,
    shortMessage,
    metaMessages,
  }: {
    code?: string | undefined
    cause?: unknown
    details?: string | undefined
    /** What failed, where Connect's `code` says more than the default. */
    shortMessage?: string | undefined
    /** The remedy, where Connect's `code` says more than the default. */
    metaMessages?: readonly string[] | undefined
  }) {
    super(shortMessage ?? 'Trezor Connect could not be initialised.', {
      cause,
      details,
      metaMessages: metaMessages ?? [
        'Check that Trezor Connect is installed and can reach connect.trezor.io, then reload and try again.',
      ],
      name: 'TrezorInitError',
      rpcCode: -32002,
    })
    this.code = code
  }
}

export type TrezorPermissionErrorType = TrezorPermissionError & { name: 'TrezorPermissionError' }
/** The user did not let this app use the Trezor (`Method_PermissionsNotGranted`). */
export class TrezorPermissionError extends BaseError {
  /** EIP-1193 "Unauthorized". */
  static readonly code = 4100
  readonly code = 4100
  constructor({ cause }: { cause?: unknown } = {}) {
    super('The app was not allowed to use the Trezor.', {
      cause,
      metaMessages: [
        'Try again and allow this app in the Trezor Connect window (Suite: Settings > Connected apps).',
      ],
      name: 'TrezorPermissionError',
      rpcCode: 4100,
    })
  }
}

export type ForbiddenKeyPathErrorType = ForbiddenKeyPathError & { name: 'ForbiddenKeyPathError' }
/** The firmware refused the derivation path ("Forbidden key path"). */
export class ForbiddenKeyPathError extends BaseError {
  constructor({ cause }: { cause?: unknown } = {}) {
    super('The Trezor refused this derivation path.', {
      cause,
      metaMessages: [
        "Trezor's safety checks only allow standard Ethereum paths (m/44'/60'/…).",
        'Use a standard path, or set "Safety checks" to "Prompt" in Trezor Suite (Settings > Device) if you know why you need this one.',
      ],
      name: 'ForbiddenKeyPathError',
      rpcCode: -32602,
    })
  }
}
