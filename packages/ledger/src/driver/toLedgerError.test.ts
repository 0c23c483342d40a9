import { readFileSync } from 'node:fs'
import { type DeviceOperation, DeviceTimeoutError } from '@airlock/core'
import {
  DisconnectedDevice,
  DisconnectedDeviceDuringOperation,
  LockedDeviceError,
  TransportError,
  TransportRaceCondition,
  TransportStatusError,
} from '@ledgerhq/hw-transport/errors'
import { describe, expect, test } from 'vitest'
import { ledgerErrorNames, ledgerStatusWords, toLedgerError } from './toLedgerError.js'

const operations: DeviceOperation[] = [
  'getAddress',
  'signTransaction',
  'signTypedData',
  'signAuthorization',
]

describe('toLedgerError', () => {
  test('every status word in the table, per operation', () => {
    const table = Object.keys(ledgerStatusWords).map((code) => {
      const names = operations.map(
        (operation) => toLedgerError(new TransportStatusError(Number(code)), operation).name,
      )
      const distinct = [...new Set(names)]
      return `0x${Number(code).toString(16).padStart(4, '0')}: ${
        distinct.length === 1
          ? distinct[0]
          : operations.map((o, i) => `${o} ${names[i]}`).join(', ')
      }`
    })
    expect(table).toMatchInlineSnapshot(`
      [
        "0x5501: UserRejectedOnDeviceError",
        "0x5515: DeviceLockedError",
        "0x6501: UnsupportedByDeviceError",
        "0x650f: AppNotOpenError",
        "0x6511: AppNotOpenError",
        "0x6980: getAddress UnsupportedByDeviceError, signTransaction UnsupportedByDeviceError, signTypedData UnsupportedByDeviceError, signAuthorization Eip7702NotAllowedError",
        "0x6982: DeviceLockedError",
        "0x6985: UserRejectedOnDeviceError",
        "0x6a80: getAddress UnknownDeviceError, signTransaction BlindSigningDisabledError, signTypedData BlindSigningDisabledError, signAuthorization UnknownDeviceError",
        "0x6d00: getAddress AppNotOpenError, signTransaction AppNotOpenError, signTypedData AppNotOpenError, signAuthorization UnsupportedByDeviceError",
        "0x6d02: AppNotOpenError",
        "0x6e00: AppNotOpenError",
        "0x6e01: AppNotOpenError",
        "0x6faa: DeviceDisconnectedError",
      ]
    `)
  })

  test('every error class name in the table', () => {
    const table = Object.keys(ledgerErrorNames).map((name) => {
      const error = Object.assign(new Error('some text'), { name })
      return `${name}: ${toLedgerError(error, 'signTransaction').name}`
    })
    expect(table).toMatchInlineSnapshot(`
      [
        "EthAppPleaseEnableContractData: BlindSigningDisabledError",
        "CeloAppPleaseEnableContractData: BlindSigningDisabledError",
        "EthAppNftNotSupported: UnsupportedByDeviceError",
        "LockedDeviceError: DeviceLockedError",
        "UserRefusedOnDevice: UserRejectedOnDeviceError",
        "UserRefusedAddress: UserRejectedOnDeviceError",
        "DisconnectedDevice: DeviceDisconnectedError",
        "DisconnectedDeviceDuringOperation: DeviceDisconnectedError",
        "CantOpenDevice: DeviceDisconnectedError",
        "TransportExchangeTimeoutError: DeviceDisconnectedError",
        "TransportInterfaceNotAvailable: DeviceBusyError",
        "TransportRaceCondition: DeviceBusyError",
        "TransportError: DeviceDisconnectedError",
        "TransportWebUSBGestureRequired: UserGestureRequiredError",
        "TransportWebHIDGestureRequired: UserGestureRequiredError",
        "TransportOpenUserCancelled: OperationAbortedError",
      ]
    `)
  })

  test('real hw-transport errors', () => {
    expect(toLedgerError(new LockedDeviceError(), 'getAddress').name).toBe('DeviceLockedError')
    expect(toLedgerError(new DisconnectedDevice(), 'getAddress').name).toBe(
      'DeviceDisconnectedError',
    )
    expect(toLedgerError(new DisconnectedDeviceDuringOperation('x'), 'getAddress').name).toBe(
      'DeviceDisconnectedError',
    )
    expect(toLedgerError(new TransportRaceCondition('x'), 'getAddress').name).toBe(
      'DeviceBusyError',
    )
    expect(
      toLedgerError(new TransportError('Ledger Device is busy', 'TransportLocked'), 'getAddress')
        .name,
    ).toBe('DeviceBusyError')
    expect(toLedgerError(new TransportError('gone', 'NoDevice'), 'getAddress').name).toBe(
      'DeviceDisconnectedError',
    )
  })

  test('keeps the cause and the code; unknown codes and errors stay unknown', () => {
    const cause = new TransportStatusError(0x6f42)
    const error = toLedgerError(cause, 'signMessage')
    expect(error).toMatchObject({ name: 'UnknownDeviceError', code: 0x6f42, cause })
    expect(error.shortMessage).toBe('The device failed with status 0x6f42.')
    expect(toLedgerError(new Error('boom'), 'signMessage')).toMatchObject({
      name: 'UnknownDeviceError',
      details: 'signMessage: boom',
    })
    expect(toLedgerError('string', 'signMessage').name).toBe('UnknownDeviceError')
    expect(toLedgerError(null, 'signMessage').name).toBe('UnknownDeviceError')
  })

  test('maps codes, never messages; Airlock errors pass through', () => {
    const lookalike = new Error('Ledger device: Locked device (0x5515)')
    expect(toLedgerError(lookalike, 'getAddress').name).toBe('UnknownDeviceError')
    expect(
      toLedgerError(Object.assign(new Error(), { name: 'constructor' }), 'getAddress').name,
    ).toBe('UnknownDeviceError')
    const timeout = new DeviceTimeoutError({ timeout: 5 })
    expect(toLedgerError(timeout, 'getAddress')).toBe(timeout)
  })

  test('the 7702 refusal names the app setting', () => {
    expect(
      toLedgerError(new TransportStatusError(0x6980), 'signAuthorization'),
    ).toMatchInlineSnapshot(`
      [Eip7702NotAllowedError: The Ethereum app refused to sign this EIP-7702 authorization.

      Turn on "EIP-7702" in the Ethereum app settings on the device, then try again.
      The app only signs delegations to the contracts on its built-in whitelist; revocations (delegate 0x0) are always allowed.

      Details: the app answered 0x6980: its EIP-7702 setting is off or the delegate is not whitelisted
      Version: @airlock/core@0.1.0]
    `)
  })

  test('Ledger remedies: the Ethereum app, its settings, Ledger Live', () => {
    const cases: [unknown, DeviceOperation][] = [
      [new TransportStatusError(0x6d00), 'getAddress'],
      [new TransportStatusError(0x6a80), 'signTransaction'],
      [Object.assign(new Error('x'), { name: 'EthAppPleaseEnableContractData' }), 'signTypedData'],
      [new TransportStatusError(0x6a80), 'signMessage'],
      [new TransportStatusError(0x6f42), 'signMessage'],
      [new Error('boom'), 'signMessage'],
      [new TransportStatusError(0x6d00), 'signAuthorization'],
      [new TransportStatusError(0x6501), 'signTransaction'],
    ]
    const lines = cases.map(([cause, operation]) => {
      const e = toLedgerError(cause, operation)
      return `${e.name}: ${e.shortMessage} -> ${e.metaMessages?.join(' ')}`
    })
    expect(lines).toMatchInlineSnapshot(`
      [
        "AppNotOpenError: The Ethereum app is not open on the device. -> Open the Ethereum app on the Ledger, then try again.",
        "BlindSigningDisabledError: The device refused to sign contract data: blind signing is disabled. -> Enable "Blind signing" in the Ethereum app settings on the device, then try again. Only do so for contracts you trust: the device cannot show what this data does.",
        "BlindSigningDisabledError: The device refused to sign contract data: blind signing is disabled. -> Enable "Blind signing" in the Ethereum app settings on the device, then try again. Only do so for contracts you trust: the device cannot show what this data does.",
        "UnknownDeviceError: The device failed with status 0x6a80. -> Reconnect the Ledger, unlock it, open the Ethereum app, then try again.",
        "UnknownDeviceError: The device failed with status 0x6f42. -> Reconnect the Ledger, unlock it, open the Ethereum app, then try again.",
        "UnknownDeviceError: The device failed. -> Reconnect the Ledger, unlock it, open the Ethereum app, then try again.",
        "UnsupportedByDeviceError: The device cannot sign EIP-7702 authorizations. -> In Ledger Live (My Ledger), update the device to Ethereum app 1.17.0 (not on Nano S) or later, then try again.",
        "UnsupportedByDeviceError: The device cannot sign this transaction type. -> In Ledger Live (My Ledger), update the device to Ethereum app 1.17.0 (EIP-7702 transactions are not signed on Nano S) or later, then try again.",
      ]
    `)
  })

  test("the README's blind-signing advice is what a Ledger user sees", () => {
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8')
    const [advice] =
      toLedgerError(new TransportStatusError(0x6a80), 'signTransaction').metaMessages ?? []
    expect(readme).toContain(`// → '${advice}'`)
  })
})
