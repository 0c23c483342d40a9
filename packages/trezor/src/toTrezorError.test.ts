import { describe, expect, test } from 'vitest'
import { toTrezorError, trezorErrorCodes } from './toTrezorError.js'

// Failures as Connect 9.7 resolves them: `{ success: false, payload: { error, code } }`.
const failures = [
  ['Failure_ActionCancelled', 'Action cancelled by user', 'UserRejectedOnDeviceError'],
  ['Method_Cancel', 'Canceled', 'UserRejectedOnDeviceError'],
  ['Method_Interrupted', 'Popup closed', 'UserRejectedOnDeviceError'],
  ['Device_CallInProgress', 'Device call in progress', 'DeviceBusyError'],
  ['Device_UsedElsewhere', 'Device is used in another window', 'DeviceBusyError'],
  ['Failure_Busy', 'Device is busy', 'DeviceBusyError'],
  ['Device_Disconnected', 'Device disconnected', 'DeviceDisconnectedError'],
  ['Device_NotFound', 'Device not found', 'DeviceDisconnectedError'],
  ['Transport_Missing', 'Transport is missing', 'DeviceDisconnectedError'],
  ['Failure_PinCancelled', 'PIN entry cancelled', 'DeviceLockedError'],
  ['Failure_PinExpected', 'PIN expected', 'DeviceLockedError'],
  ['Failure_PinInvalid', 'PIN invalid', 'DeviceLockedError'],
  ['Method_PermissionsNotGranted', 'Permissions not granted', 'TrezorPermissionError'],
  ['Device_FwException', 'ui-device_firmware_old', 'UnsupportedByDeviceError'],
  ['Device_MissingCapability', 'Device is missing capability', 'UnsupportedByDeviceError'],
  [
    'Device_MissingCapabilityBtcOnly',
    'Device is missing capability (BTC only)',
    'UnsupportedByDeviceError',
  ],
  ['Init_NotInitialized', 'TrezorConnect not initialized', 'TrezorInitError'],
  ['Init_ManifestMissing', 'Manifest not set.', 'TrezorInitError'],
  ['Init_IframeBlocked', 'Iframe blocked', 'TrezorInitError'],
  ['Method_InvalidParameter', 'Not a valid path', 'InvalidRequestError'],
  [
    'Failure_UnknownCode',
    'Invalid parameter "transaction.chainId" (= "1"): Expected number',
    'InvalidRequestError',
  ],
  ['Failure_UnknownCode', 'Something else', 'UnknownDeviceError'],
  ['Failure_DataError', 'Forbidden key path', 'ForbiddenKeyPathError'],
  ['Failure_DataError', 'Invalid recipient address', 'InvalidRequestError'],
  ['Failure_ProcessError', 'Signing failed', 'UnknownDeviceError'],
  [undefined, 'no code at all', 'UnknownDeviceError'],
] as const

describe('toTrezorError', () => {
  test.each(failures)('%s "%s" -> %s', (code, error, name) => {
    const mapped = toTrezorError({ code, error }, { operation: 'signTransaction' })
    expect(mapped.name).toBe(name)
    expect(mapped.cause).toEqual({ code, error })
  })

  test('every code in the table is covered above', () => {
    const covered = new Set(failures.map(([code]) => code))
    for (const code of Object.keys(trezorErrorCodes)) expect(covered).toContain(code)
  })

  test('reads thrown Connect errors (`code`, `message`) too', () => {
    const error = Object.assign(new Error('TrezorConnect has been already initialized'), {
      code: 'Init_AlreadyInitialized',
    })
    expect(toTrezorError(error, { operation: 'getAddress' }).name).toBe('TrezorInitError')
    expect(toTrezorError('boom', { operation: 'getAddress' }).name).toBe('UnknownDeviceError')
  })

  test('firmware too old names the minimum for the operation and model', () => {
    const fw = { code: 'Device_FwException', error: 'ui-device_firmware_old' }
    const minimum = (options: Parameters<typeof toTrezorError>[1]) =>
      (toTrezorError(fw, options) as unknown as { minimumVersion: string }).minimumVersion
    expect(minimum({ operation: 'signTypedData' })).toBe(
      'Trezor firmware 1.10.5 (Model One) / 2.4.3 (Model T)',
    )
    expect(
      minimum({ operation: 'signTransaction', transactionType: 'eip1559', model: 'T1B1' }),
    ).toBe('Trezor firmware 1.10.4')
    expect(minimum({ operation: 'signMessage', model: 'T2T1' })).toBe('Trezor firmware 2.1.0')
  })

  test('messages and remedies', () => {
    const lines = failures.map(([code, error]) => {
      const e = toTrezorError({ code, error }, { operation: 'signMessage' })
      return `${code}: ${e.name}: ${e.shortMessage} -> ${e.metaMessages?.join(' ')}`
    })
    expect(lines).toMatchInlineSnapshot(`
      [
        "Failure_ActionCancelled: UserRejectedOnDeviceError: The request was rejected on the device. -> Nothing was signed. Try again and approve on the device if you meant to.",
        "Method_Cancel: UserRejectedOnDeviceError: The request was rejected on the device. -> Nothing was signed. Try again and approve on the device if you meant to.",
        "Method_Interrupted: UserRejectedOnDeviceError: The request was rejected on the device. -> Nothing was signed. Try again and approve on the device if you meant to.",
        "Device_CallInProgress: DeviceBusyError: The device is busy with another request. -> Finish or cancel the request shown on the device, close other wallet apps using it, then try again.",
        "Device_UsedElsewhere: DeviceBusyError: The device is busy with another request. -> Finish or cancel the request shown on the device, close other wallet apps using it, then try again.",
        "Failure_Busy: DeviceBusyError: The device is busy with another request. -> Finish or cancel the request shown on the device, close other wallet apps using it, then try again.",
        "Device_Disconnected: DeviceDisconnectedError: The device was disconnected. -> Reconnect the device, unlock it, then try again.",
        "Device_NotFound: DeviceDisconnectedError: The device was disconnected. -> Reconnect the device, unlock it, then try again.",
        "Transport_Missing: DeviceDisconnectedError: The device was disconnected. -> Reconnect the device, unlock it, then try again.",
        "Failure_PinCancelled: DeviceLockedError: The device is locked. -> Unlock the device with its PIN, then try again.",
        "Failure_PinExpected: DeviceLockedError: The device is locked. -> Unlock the device with its PIN, then try again.",
        "Failure_PinInvalid: DeviceLockedError: The device is locked. -> Unlock the device with its PIN, then try again.",
        "Method_PermissionsNotGranted: TrezorPermissionError: The app was not allowed to use the Trezor. -> Try again and allow this app in the Trezor Connect window (Suite: Settings > Connected apps).",
        "Device_FwException: UnsupportedByDeviceError: The device cannot sign messages. -> Update the device to Trezor firmware 1.8.0 (Model One) / 2.1.0 (Model T) or later (Ledger Live / Trezor Suite), then try again.",
        "Device_MissingCapability: UnsupportedByDeviceError: The device cannot sign messages. -> Use another signing method for this request.",
        "Device_MissingCapabilityBtcOnly: UnsupportedByDeviceError: The device cannot sign messages. -> Use another signing method for this request.",
        "Init_NotInitialized: TrezorInitError: Trezor Connect could not be initialised. -> Call TrezorConnect.init({ manifest }) before passing the instance, or let Airlock own it (omit \`connect\`).",
        "Init_ManifestMissing: TrezorInitError: Trezor Connect could not be initialised. -> Check the manifest and that Trezor Suite or Bridge is installed, then reload and try again.",
        "Init_IframeBlocked: TrezorInitError: Trezor Connect could not be initialised. -> Check the manifest and that Trezor Suite or Bridge is installed, then reload and try again.",
        "Method_InvalidParameter: InvalidRequestError: The request is invalid and was not sent to the device. -> Fix the request and try again.",
        "Failure_UnknownCode: InvalidRequestError: The request is invalid and was not sent to the device. -> Fix the request and try again.",
        "Failure_UnknownCode: UnknownDeviceError: The device failed with status Failure_UnknownCode. -> Reconnect the device, open the Ethereum app, then try again.",
        "Failure_DataError: ForbiddenKeyPathError: The Trezor refused this derivation path. -> Trezor's safety checks only allow standard Ethereum paths (m/44'/60'/…). Use a standard path, or set "Safety checks" to "Prompt" in Trezor Suite (Settings > Device) if you know why you need this one.",
        "Failure_DataError: InvalidRequestError: The request is invalid and was not sent to the device. -> Fix the request and try again.",
        "Failure_ProcessError: UnknownDeviceError: The device failed with status Failure_ProcessError. -> Reconnect the device, open the Ethereum app, then try again.",
        "undefined: UnknownDeviceError: The device failed. -> Reconnect the device, open the Ethereum app, then try again.",
      ]
    `)
  })
})
