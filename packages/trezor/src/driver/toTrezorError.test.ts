import { BlindSigningRefusedError, DeviceTimeoutError } from '@airlock/core'
import { ERROR_CODES, TypedError } from '@trezor/connect/lib/constants/errors'
import { createErrorMessage, createResponseMessage } from '@trezor/connect/lib/events'
import { describe, expect, test } from 'vitest'
import { TrezorInitError, TrezorPermissionError } from '../errors.js'
import { toTrezorError, trezorErrorCodes } from './toTrezorError.js'

// Connect's codes for a Connect that cannot start or has no way to the device.
const initCodes = [
  'Init_NotInitialized',
  'Init_AlreadyInitialized',
  'Init_ManifestMissing',
  'Init_IframeBlocked',
  'Init_IframeTimeout',
  'Popup_ConnectionMissing',
  'Desktop_ConnectionMissing',
  'Browser_LocalNetworkPermissionMissing',
  'Transport_Missing',
  'Method_InvalidPackage',
] as const

// Failures as Connect 9.7 resolves them: `{ success: false, payload: { error, code } }`.
const failures = [
  ['Failure_ActionCancelled', 'Action cancelled by user', 'UserRejectedOnDeviceError'],
  ['Method_Cancel', 'Canceled', 'UserRejectedOnDeviceError'],
  ['Method_Interrupted', 'Popup closed', 'UserRejectedOnDeviceError'],
  // connect-web popup/index.js `emitClosed` (core in popup): the window was closed.
  ['Method_Interrupted', 'popup-closed', 'UserRejectedOnDeviceError'],
  ['Device_CallInProgress', 'Device call in progress', 'DeviceBusyError'],
  ['Device_UsedElsewhere', 'Device is used in another window', 'DeviceBusyError'],
  ['Failure_Busy', 'Device is busy', 'DeviceBusyError'],
  ['Device_Disconnected', 'Device disconnected', 'DeviceDisconnectedError'],
  ['Device_NotFound', 'Device not found', 'DeviceDisconnectedError'],
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
  ...initCodes.map((code) => [code, ERROR_CODES[code], 'TrezorInitError'] as const),
  // connect-web core-in-suite-desktop.js with its own message.
  ['Desktop_ConnectionMissing', 'No websocket connection', 'TrezorInitError'],
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
  // connect-web core-in-popup.js: the popup never answered the channel handshake (blocked, or
  // connect.trezor.io unreachable). Only a response made outside Connect's core has no code.
  [undefined, 'handshake failed', 'TrezorInitError'],
] as const

describe('toTrezorError', () => {
  test.each(failures)('%s "%s" -> %s', (code, error, name) => {
    const response = { success: false, payload: { error, code } } as const
    const mapped = toTrezorError(response.payload, { operation: 'signTransaction' })
    expect(mapped.name).toBe(name)
    expect(mapped.cause).toEqual({ code, error })
  })

  test('every code in the table is covered above', () => {
    const covered = new Set(failures.map(([code]) => code))
    for (const code of Object.keys(trezorErrorCodes)) expect(covered).toContain(code)
  })

  test('an Airlock error is returned as it is, never wrapped again', () => {
    const errors = [
      new TrezorInitError({ code: 'Init_IframeTimeout', details: 'no answer' }),
      new TrezorPermissionError(),
      new DeviceTimeoutError({ timeout: 1_000 }),
      new BlindSigningRefusedError({ operation: 'signTransaction', reason: 'contract data' }),
    ]
    for (const error of errors)
      expect(toTrezorError(error, { operation: 'getAddress' })).toBe(error)
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
        "Method_Cancel: UserRejectedOnDeviceError: The request was rejected on the device. -> Nothing was signed. Try again and confirm in the Trezor Connect window and on the Trezor if you meant to.",
        "Method_Interrupted: UserRejectedOnDeviceError: The request was rejected on the device. -> The Trezor Connect window was closed, so nothing was signed. Try again and keep the window open until the Trezor asks you to confirm; if the browser blocked it, allow pop-ups for this site.",
        "Method_Interrupted: UserRejectedOnDeviceError: The request was rejected on the device. -> The Trezor Connect window was closed, so nothing was signed. Try again and keep the window open until the Trezor asks you to confirm; if the browser blocked it, allow pop-ups for this site.",
        "Device_CallInProgress: DeviceBusyError: The device is busy with another request. -> Finish or cancel the request on the device, close other wallet apps, then try again.",
        "Device_UsedElsewhere: DeviceBusyError: The device is busy with another request. -> Finish or cancel the request on the device, close other wallet apps, then try again.",
        "Failure_Busy: DeviceBusyError: The device is busy with another request. -> Finish or cancel the request on the device, close other wallet apps, then try again.",
        "Device_Disconnected: DeviceDisconnectedError: The device was disconnected. -> Reconnect the device, unlock it, then try again.",
        "Device_NotFound: DeviceDisconnectedError: The device was disconnected. -> Reconnect the device, unlock it, then try again.",
        "Failure_PinCancelled: DeviceLockedError: The device is locked. -> Unlock the device with its PIN, then try again.",
        "Failure_PinExpected: DeviceLockedError: The device is locked. -> Unlock the device with its PIN, then try again.",
        "Failure_PinInvalid: DeviceLockedError: The device is locked. -> Unlock the device with its PIN, then try again.",
        "Method_PermissionsNotGranted: TrezorPermissionError: The app was not allowed to use the Trezor. -> Try again and allow this app in the Trezor Connect window (Suite: Settings > Connected apps).",
        "Device_FwException: UnsupportedByDeviceError: The device cannot sign messages. -> In Trezor Suite, update the device to Trezor firmware 1.8.0 (Model One) / 2.1.0 (Model T) or later, then try again.",
        "Device_MissingCapability: UnsupportedByDeviceError: The device cannot sign messages. -> Use another signing method for this request.",
        "Device_MissingCapabilityBtcOnly: UnsupportedByDeviceError: The device cannot sign messages. -> Use another signing method for this request.",
        "Init_NotInitialized: TrezorInitError: Trezor Connect could not start: it was not initialised. -> Call TrezorConnect.init({ manifest }) first, or omit \`connect\` and let Airlock do it.",
        "Init_AlreadyInitialized: TrezorInitError: Trezor Connect could not start: it was initialised twice. -> Pass the instance your app initialised as \`connect\`, or omit \`connect\`.",
        "Init_ManifestMissing: TrezorInitError: Trezor Connect could not start: it has no manifest. -> Pass \`manifest: { appName, appUrl, email }\` (or init the \`connect\` you pass with one).",
        "Init_IframeBlocked: TrezorInitError: Trezor Connect could not start: its iframe (connect.trezor.io) was blocked. -> Allow connect.trezor.io in content blockers and in this site's CSP (frame-src), then reload.",
        "Init_IframeTimeout: TrezorInitError: Trezor Connect could not start: connect.trezor.io did not answer. -> Check the network, and that no content blocker, firewall or CSP (frame-src) blocks connect.trezor.io, then reload.",
        "Popup_ConnectionMissing: TrezorInitError: Trezor Connect could not start: its window could not reach this page. -> Reload and try again; if it persists, check that no content blocker blocks connect.trezor.io.",
        "Desktop_ConnectionMissing: TrezorInitError: Trezor Connect could not start: Trezor Suite did not answer. -> Open the Trezor Suite desktop app, then try again.",
        "Browser_LocalNetworkPermissionMissing: TrezorInitError: Trezor Connect could not start: the browser blocked its way to Trezor Suite. -> Allow local network access for this site in the browser settings, then try again.",
        "Transport_Missing: TrezorInitError: Trezor Connect could not start: no Trezor Suite, Bridge or WebUSB reaches the device. -> Open Trezor Suite (or Bridge), or use a browser with WebUSB (Chrome, Edge, Brave).",
        "Method_InvalidPackage: TrezorInitError: Trezor Connect could not start: this package does not run here. -> Use @trezor/connect-web in browsers and @trezor/connect in Node, or omit \`connect\`.",
        "Desktop_ConnectionMissing: TrezorInitError: Trezor Connect could not start: Trezor Suite did not answer. -> Open the Trezor Suite desktop app, then try again.",
        "Method_InvalidParameter: InvalidRequestError: The request is invalid and was not sent to the device. -> Fix the request and try again.",
        "Failure_UnknownCode: InvalidRequestError: The request is invalid and was not sent to the device. -> Fix the request and try again.",
        "Failure_UnknownCode: UnknownDeviceError: The device failed with status Failure_UnknownCode. -> Reconnect the device, unlock it, then try again.",
        "Failure_DataError: ForbiddenKeyPathError: The Trezor refused this derivation path. -> Trezor's safety checks only allow standard Ethereum paths (m/44'/60'/…). Use a standard path, or set "Safety checks" to "Prompt" in Trezor Suite (Settings > Device) if you know why you need this one.",
        "Failure_DataError: InvalidRequestError: The request is invalid and was not sent to the device. -> Fix the request and try again.",
        "Failure_ProcessError: UnknownDeviceError: The device failed with status Failure_ProcessError. -> Reconnect the device, unlock it, then try again.",
        "undefined: TrezorInitError: Trezor Connect could not be initialised. -> If the browser blocked the Trezor Connect window, allow pop-ups for this site. Check the network, and that no content blocker, firewall or CSP (frame-src) blocks connect.trezor.io, then reload.",
      ]
    `)
  })
})

describe('a Trezor Connect that cannot start', () => {
  // Responses built by Connect itself: connect-web's own failures (iframe, popup, Suite link) by
  // `createErrorMessage`, the core's by `createResponseMessage`.
  const fromConnectWeb = (error: Error) => createErrorMessage(error)
  const fromCore = (error: Error) => createResponseMessage(1, false, { error })

  test.each(initCodes)('%s is a TrezorInitError with its code and its own advice', (code) => {
    for (const response of [fromConnectWeb(TypedError(code)), fromCore(TypedError(code))]) {
      const error = toTrezorError(response.payload, { operation: 'signMessage' })
      expect(error).toBeInstanceOf(TrezorInitError)
      expect(error).toMatchObject({ code, details: ERROR_CODES[code], cause: response.payload })
      expect(error.shortMessage).not.toBe(new TrezorInitError({}).shortMessage)
      expect(error.metaMessages?.join(' ')).not.toMatch(/Ledger|Ethereum app|Reconnect the device/)
    }
  })

  test('closing the Connect window is a rejection (4001) with advice about the window', () => {
    const interrupted = [
      fromConnectWeb(TypedError('Method_Interrupted')).payload,
      // connect-web popup/index.js `emitClosed`, core in popup.
      { code: 'Method_Interrupted', error: 'popup-closed' },
    ]
    for (const payload of interrupted) {
      const error = toTrezorError(payload, { operation: 'signTransaction' })
      expect(error).toMatchObject({ name: 'UserRejectedOnDeviceError', code: 4001 })
      expect(error.metaMessages).toMatchInlineSnapshot(`
        [
          "The Trezor Connect window was closed, so nothing was signed.",
          "Try again and keep the window open until the Trezor asks you to confirm; if the browser blocked it, allow pop-ups for this site.",
        ]
      `)
    }
    const cancelled = toTrezorError(fromCore(TypedError('Method_Cancel')).payload, {
      operation: 'signTransaction',
    })
    expect(cancelled).toMatchObject({ name: 'UserRejectedOnDeviceError', code: 4001 })
    expect(cancelled.metaMessages).toMatchInlineSnapshot(`
      [
        "Nothing was signed. Try again and confirm in the Trezor Connect window and on the Trezor if you meant to.",
      ]
    `)
  })

  test('a response without a code was made outside the core: Connect could not be reached', () => {
    // connect-web core-in-popup.js: the popup never answered the channel handshake.
    const response = fromConnectWeb(new Error('handshake failed'))
    expect(response.payload.code).toBe(undefined)
    const error = toTrezorError(response.payload, { operation: 'getAddress' })
    expect(error).toBeInstanceOf(TrezorInitError)
    expect(error).toMatchObject({ code: undefined, details: 'handshake failed' })
    expect(error.metaMessages).toMatchInlineSnapshot(`
      [
        "If the browser blocked the Trezor Connect window, allow pop-ups for this site.",
        "Check the network, and that no content blocker, firewall or CSP (frame-src) blocks connect.trezor.io, then reload.",
      ]
    `)
    // The core fills in a code for the same error, and a thrown error is not a response.
    expect(
      toTrezorError(fromCore(new Error('handshake failed')).payload, { operation: 'getAddress' }),
    ).toMatchObject({ name: 'UnknownDeviceError', code: 'Failure_UnknownCode' })
    expect(toTrezorError(new Error('no code'), { operation: 'getAddress' }).name).toBe(
      'UnknownDeviceError',
    )
  })

  test('an Init_ code a later Connect adds is a TrezorInitError; prototype keys are no codes', () => {
    expect(
      toTrezorError({ code: 'Init_Future', error: 'x' }, { operation: 'getAddress' }),
    ).toMatchObject({
      name: 'TrezorInitError',
      code: 'Init_Future',
      shortMessage: 'Trezor Connect could not be initialised.',
    })
    for (const code of ['constructor', 'toString', '__proto__'])
      expect(toTrezorError({ code, error: 'x' }, { operation: 'getAddress' }).name).toBe(
        'UnknownDeviceError',
      )
  })
})
