import { TransactionExecutionError, UserRejectedRequestError } from 'viem'
import { describe, expect, test } from 'vitest'
import * as blindSigning from './blindSigning.js'
import * as device from './device.js'
import * as request from './request.js'
import * as signature from './signature.js'

const address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const other = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'

const errors = [
  new device.UserRejectedOnDeviceError(),
  new device.DeviceLockedError(),
  new device.AppNotOpenError(),
  new device.BlindSigningDisabledError(),
  new device.DeviceDisconnectedError(),
  new device.DeviceBusyError(),
  new device.DeviceTimeoutError({ timeout: 1000 }),
  new device.UnsupportedByDeviceError({
    operation: 'sign EIP-712 in full',
    minimumVersion: 'Ethereum app 1.11.0',
  }),
  new device.OperationAbortedError(),
  new device.UnknownDeviceError({ code: 0x6f00 }),
  new blindSigning.BlindSigningRefusedError({
    operation: 'signTransaction',
    reason: 'contract data the device cannot decode',
  }),
  new request.InvalidRequestError({ reason: 'bad' }),
  new request.InvalidPathError({ path: 'x', reason: 'bad' }),
  new request.ChainIdMismatchError({ expected: 1, actual: 10 }),
  new signature.SignatureMismatchError({ expected: address, recovered: other }),
  new signature.DeviceAddressMismatchError({ expected: address, actual: other }),
]

describe('errors', () => {
  test('each has a name, a short message and a remedy', () => {
    for (const error of errors) {
      expect(error.name).toBe(error.constructor.name)
      expect(error.shortMessage.length).toBeGreaterThan(10)
      expect(error.metaMessages?.length).toBeGreaterThan(0)
      expect(error.message).toContain('Version: @airlock/core@0.1.0')
    }
  })

  test('messages', () => {
    expect(
      errors.map((e) => `${e.name}: ${e.shortMessage} -> ${e.metaMessages?.join(' ')}`),
    ).toMatchInlineSnapshot(`
      [
        "UserRejectedOnDeviceError: The request was rejected on the device. -> Nothing was signed. Try again and approve on the device if you meant to.",
        "DeviceLockedError: The device is locked. -> Unlock the device with its PIN, then try again.",
        "AppNotOpenError: The app this request needs is not open on the device. -> Open the app this request needs on the device, then try again.",
        "BlindSigningDisabledError: The device refused to sign contract data: blind signing is disabled. -> Enable blind signing in the device's settings, then try again. Only do so for contracts you trust: the device cannot show what this data does.",
        "DeviceDisconnectedError: The device was disconnected. -> Reconnect the device, unlock it, then try again.",
        "DeviceBusyError: The device is busy with another request. -> Finish or cancel the request on the device, close other wallet apps, then try again.",
        "DeviceTimeoutError: The device did not answer within 1000 ms. -> Check that the device is connected and unlocked, then try again.",
        "UnsupportedByDeviceError: The device cannot sign EIP-712 in full. -> Update the device to Ethereum app 1.11.0 or later, then try again.",
        "OperationAbortedError: The device request was aborted. -> Nothing was signed.",
        "UnknownDeviceError: The device failed with status 0x6f00. -> Reconnect the device, unlock it, then try again.",
        "BlindSigningRefusedError: Blind signing refused: the device cannot show this in clear. -> Nothing was signed. Allow blind signing, then try again.",
        "InvalidRequestError: The request is invalid and was not sent to the device. -> Fix the request and try again.",
        "InvalidPathError: Invalid derivation path "x". -> Use a path like "m/44'/60'/0'/0/0" (hardened with ' or h).",
        "ChainIdMismatchError: The request is for chain 10, but the wallet is on chain 1. -> Switch the wallet to chain 10, or build the request for chain 1.",
        "SignatureMismatchError: The device returned a signature that is not from this account. It was discarded. -> Check the device and passphrase in use, reconnect it, then try again. If it persists, stop: the device or the connection to it may be compromised.",
        "DeviceAddressMismatchError: The device derives another address than this account. -> Check that the right device, passphrase and derivation path are in use. Do not use this account until the address on the device matches.",
      ]
    `)
  })

  test('generic remedies name no vendor, app or companion software', () => {
    for (const error of errors)
      expect(error.metaMessages?.join(' ')).not.toMatch(/Ledger|Trezor|the Ethereum app/)
  })

  test('a vendor package can replace the remedy, and only the remedy', () => {
    const metaMessages = ['Open the Ethereum app on the Ledger, then try again.']
    const factories = [
      (p: device.DeviceErrorParameters) => new device.UserRejectedOnDeviceError(p),
      (p: device.DeviceErrorParameters) => new device.DeviceLockedError(p),
      (p: device.DeviceErrorParameters) =>
        new device.AppNotOpenError({ appName: 'Ethereum', ...p }),
      (p: device.DeviceErrorParameters) => new device.BlindSigningDisabledError(p),
      (p: device.DeviceErrorParameters) => new device.DeviceDisconnectedError(p),
      (p: device.DeviceErrorParameters) => new device.DeviceBusyError(p),
      (p: device.DeviceErrorParameters) => new device.DeviceTimeoutError({ timeout: 1000, ...p }),
      (p: device.DeviceErrorParameters) =>
        new device.UnsupportedByDeviceError({ operation: 'x', minimumVersion: '1', ...p }),
      (p: device.DeviceErrorParameters) => new device.OperationAbortedError(p),
      (p: device.DeviceErrorParameters) => new device.UnknownDeviceError({ code: 0x6f00, ...p }),
      (p: device.DeviceErrorParameters) =>
        new blindSigning.BlindSigningRefusedError({ operation: 'signTypedData', ...p }),
    ]
    for (const create of factories) {
      const vendor = create({ metaMessages, details: 'why' })
      const generic = create({ details: 'why' })
      expect(vendor.metaMessages).toEqual(metaMessages)
      expect(vendor.metaMessages).not.toEqual(generic.metaMessages)
      expect(vendor.message).toBe(
        generic.message.replace(generic.metaMessages?.join('\n') ?? '', metaMessages.join('\n')),
      )
    }
    expect(new device.AppNotOpenError({ appName: 'Ethereum' })).toMatchObject({
      appName: 'Ethereum',
      shortMessage: 'The Ethereum app is not open on the device.',
      metaMessages: ['Open the Ethereum app on the device, then try again.'],
    })
  })

  test('rejection carries EIP-1193 code 4001 like viem', () => {
    const error = new device.UserRejectedOnDeviceError()
    expect(error.code).toBe(UserRejectedRequestError.code)
    expect(device.UserRejectedOnDeviceError.code).toBe(4001)
    const wrapped = new TransactionExecutionError(error as never, {} as never)
    expect(wrapped.walk((e) => (e as { code?: number }).code === 4001)).toBe(error)
  })

  test('a blind-signing refusal says which operation and why, with 4001 like a rejection', () => {
    const error = new blindSigning.BlindSigningRefusedError({
      operation: 'signTypedData',
      reason: 'only the domain and message hashes',
    })
    expect(error).toMatchObject({
      operation: 'signTypedData',
      details: 'only the domain and message hashes',
      rpcCode: 4001,
      code: 4001,
    })
    expect(error.code).toBe(UserRejectedRequestError.code)
    expect(new blindSigning.BlindSigningRefusedError({ operation: 'signMessage' }).details).toBe(
      undefined,
    )
  })

  test('walk follows the cause chain', () => {
    const root = new Error('usb')
    const error = new device.DeviceDisconnectedError({ cause: root })
    expect(error.walk()).toBe(root)
    expect(error.walk((e) => e === root)).toBe(root)
    expect(error.walk((e) => e === 'nope')).toBe(null)
    expect(error.details).toBe('usb')
  })
})
