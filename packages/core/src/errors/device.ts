import { BaseError } from './base.js'

export type DeviceErrorParameters = {
  cause?: unknown
  details?: string | undefined
  /**
   * Remedy lines that replace the generic ones, for advice only the vendor's package can give (its
   * companion app, the settings of its Ethereum app).
   */
  metaMessages?: readonly string[] | undefined
}

export type UserRejectedOnDeviceErrorType = UserRejectedOnDeviceError & {
  name: 'UserRejectedOnDeviceError'
}
/** The person at the device declined. Carries EIP-1193's 4001 like viem's `UserRejectedRequestError`. */
export class UserRejectedOnDeviceError extends BaseError {
  static readonly code = 4001
  readonly code = 4001
  constructor(parameters: DeviceErrorParameters = {}) {
    super('The request was rejected on the device.', {
      ...parameters,
      metaMessages: parameters.metaMessages ?? [
        'Nothing was signed. Try again and approve on the device if you meant to.',
      ],
      name: 'UserRejectedOnDeviceError',
      rpcCode: 4001,
    })
  }
}

export type DeviceLockedErrorType = DeviceLockedError & { name: 'DeviceLockedError' }
export class DeviceLockedError extends BaseError {
  constructor(parameters: DeviceErrorParameters = {}) {
    super('The device is locked.', {
      ...parameters,
      metaMessages: parameters.metaMessages ?? ['Unlock the device with its PIN, then try again.'],
      name: 'DeviceLockedError',
      rpcCode: -32002,
    })
  }
}

export type AppNotOpenErrorType = AppNotOpenError & { name: 'AppNotOpenError' }
/** The device runs apps, and the one this request needs is not open. `appName` names it, if known. */
export class AppNotOpenError extends BaseError {
  readonly appName: string | undefined
  constructor({ appName, ...parameters }: DeviceErrorParameters & { appName?: string } = {}) {
    super(
      appName === undefined
        ? 'The app this request needs is not open on the device.'
        : `The ${appName} app is not open on the device.`,
      {
        ...parameters,
        metaMessages: parameters.metaMessages ?? [
          appName === undefined
            ? 'Open the app this request needs on the device, then try again.'
            : `Open the ${appName} app on the device, then try again.`,
        ],
        name: 'AppNotOpenError',
        rpcCode: -32002,
      },
    )
    this.appName = appName
  }
}

export type BlindSigningDisabledErrorType = BlindSigningDisabledError & {
  name: 'BlindSigningDisabledError'
}
export class BlindSigningDisabledError extends BaseError {
  constructor(parameters: DeviceErrorParameters = {}) {
    super('The device refused to sign contract data: blind signing is disabled.', {
      ...parameters,
      metaMessages: parameters.metaMessages ?? [
        "Enable blind signing in the device's settings, then try again.",
        'Only do so for contracts you trust: the device cannot show what this data does.',
      ],
      name: 'BlindSigningDisabledError',
      rpcCode: -32002,
    })
  }
}

export type DeviceDisconnectedErrorType = DeviceDisconnectedError & {
  name: 'DeviceDisconnectedError'
}
export class DeviceDisconnectedError extends BaseError {
  constructor(parameters: DeviceErrorParameters = {}) {
    super('The device was disconnected.', {
      ...parameters,
      metaMessages: parameters.metaMessages ?? ['Reconnect the device, unlock it, then try again.'],
      name: 'DeviceDisconnectedError',
      rpcCode: 4900,
    })
  }
}

export type DeviceBusyErrorType = DeviceBusyError & { name: 'DeviceBusyError' }
export class DeviceBusyError extends BaseError {
  constructor(parameters: DeviceErrorParameters = {}) {
    super('The device is busy with another request.', {
      ...parameters,
      metaMessages: parameters.metaMessages ?? [
        'Finish or cancel the request on the device, close other wallet apps, then try again.',
      ],
      name: 'DeviceBusyError',
      rpcCode: -32002,
    })
  }
}

export type DeviceTimeoutErrorType = DeviceTimeoutError & { name: 'DeviceTimeoutError' }
export class DeviceTimeoutError extends BaseError {
  readonly timeout: number
  constructor({ timeout, ...parameters }: DeviceErrorParameters & { timeout: number }) {
    super(`The device did not answer within ${timeout} ms.`, {
      ...parameters,
      metaMessages: parameters.metaMessages ?? [
        'Check that the device is connected and unlocked, then try again.',
      ],
      name: 'DeviceTimeoutError',
      rpcCode: -32002,
    })
    this.timeout = timeout
  }
}

export type UnsupportedByDeviceErrorType = UnsupportedByDeviceError & {
  name: 'UnsupportedByDeviceError'
}
/** The device, its app or its firmware cannot do what was asked. */
export class UnsupportedByDeviceError extends BaseError {
  readonly operation: string
  readonly minimumVersion: string | undefined
  constructor({
    operation,
    minimumVersion,
    reason,
    ...parameters
  }: DeviceErrorParameters & { operation: string; minimumVersion?: string; reason?: string }) {
    super(`The device cannot ${operation}.`, {
      ...parameters,
      details: reason ?? parameters.details,
      metaMessages: parameters.metaMessages ?? [
        minimumVersion
          ? `Update the device to ${minimumVersion} or later, then try again.`
          : 'Use another signing method for this request.',
      ],
      name: 'UnsupportedByDeviceError',
      rpcCode: 4200,
    })
    this.operation = operation
    this.minimumVersion = minimumVersion
  }
}

export type OperationAbortedErrorType = OperationAbortedError & { name: 'OperationAbortedError' }
/** The app aborted the call (an `AbortSignal`) before the device handled it. */
export class OperationAbortedError extends BaseError {
  constructor(parameters: DeviceErrorParameters = {}) {
    super('The device request was aborted.', {
      ...parameters,
      metaMessages: parameters.metaMessages ?? ['Nothing was signed.'],
      name: 'OperationAbortedError',
    })
  }
}

export type UnknownDeviceErrorType = UnknownDeviceError & { name: 'UnknownDeviceError' }
/** A device failure that Airlock cannot classify. `code` is the device's status code, if any. */
export class UnknownDeviceError extends BaseError {
  readonly code: string | number | undefined
  constructor({ code, ...parameters }: DeviceErrorParameters & { code?: string | number }) {
    super(
      code === undefined
        ? 'The device failed.'
        : `The device failed with status ${typeof code === 'number' ? `0x${code.toString(16).padStart(4, '0')}` : code}.`,
      {
        ...parameters,
        metaMessages: parameters.metaMessages ?? [
          'Reconnect the device, unlock it, then try again.',
        ],
        name: 'UnknownDeviceError',
      },
    )
    this.code = code
  }
}
