import {
  type DeviceStatus,
  DeviceTimeoutError,
  OperationAbortedError,
  toHardwareAccount,
} from '@airlock/core'
import { serializeTransaction } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { describe, expect, test, vi } from 'vitest'
import { testMnemonic, useTrezorEmulator } from './_test/emulator.js'
import { createTrezorSigner } from './createTrezorSigner.js'
import { toTrezorCapabilities } from './driver/toTrezorCapabilities.js'
import { toTrezorError } from './driver/toTrezorError.js'

const device = useTrezorEmulator('T3T1')
const path = "m/44'/60'/0'/0/0"
const reference = mnemonicToAccount(testMnemonic, { path })
const transaction = {
  type: 'eip1559',
  chainId: 1,
  to: reference.address,
  value: 10n ** 18n,
  maxFeePerGas: 10n ** 10n,
  gas: 21000n,
} as const

async function setup(options: { timeout?: number } = {}) {
  const signer = createTrezorSigner({ connect: device.emulator.connect, ...options })
  const account = await toHardwareAccount(signer, { path })
  const statuses: DeviceStatus['type'][] = []
  signer.onStatus((status) => statuses.push(status.type))
  device.emulator.clearLogs()
  return { signer, account, statuses }
}

/** The signer works normally after a failure. */
async function expectWorks(account: Awaited<ReturnType<typeof setup>>['account']) {
  expect(await account.signMessage({ message: 'still works' })).toBe(
    await reference.signMessage({ message: 'still works' }),
  )
}

describe('createTrezorSigner', () => {
  test('source and capabilities from the device’s features', async () => {
    const { signer } = await setup()
    expect(signer.source).toBe('trezor')
    expect(await signer.getCapabilities()).toEqual(
      toTrezorCapabilities({
        internal_model: 'T3T1',
        major_version: 2,
        minor_version: 12,
        patch_version: 4,
      }),
    )
  })

  test('status: connecting, confirm-on-device, done', async () => {
    const signer = createTrezorSigner({ connect: device.emulator.connect })
    const statuses: DeviceStatus[] = []
    signer.onStatus((status) => statuses.push(status))
    const account = await toHardwareAccount(signer, { path })
    await account.signTransaction(transaction)
    expect(statuses).toEqual([
      { type: 'connecting' },
      { type: 'done', operation: 'getAddress' },
      {
        type: 'confirm-on-device',
        operation: 'signTransaction',
        display: 'clear',
        reason: 'plain transfer',
      },
      { type: 'done', operation: 'signTransaction' },
    ])
  })

  test('a TrezorConnect-like object without events: confirm-on-device before each signing call', async () => {
    const { on: _on, off: _off, ...methods } = device.emulator.connect
    const signer = createTrezorSigner({ connect: methods as never })
    const statuses: DeviceStatus['type'][] = []
    signer.onStatus((status) => statuses.push(status.type))
    const account = await toHardwareAccount(signer, { path })
    expect(await account.signTransaction(transaction)).toBe(
      await reference.signTransaction(transaction),
    )
    expect(statuses).toEqual(['connecting', 'done', 'confirm-on-device', 'done'])
  })

  test('concurrent requests are queued: the device is never busy with Airlock’s own calls', async () => {
    const { account } = await setup()
    const messages = ['one', 'two', 'three', 'four']
    const signatures = await Promise.all(
      messages.map((message) => account.signMessage({ message })),
    )
    expect(signatures).toEqual(
      await Promise.all(messages.map((message) => reference.signMessage({ message }))),
    )
  })

  test('nothing reaches the network', () => {
    // Connect asks data.trezor.io for definitions; the emulator answers 404 in process.
    expect(
      device.emulator.blockedRequests.every((url) => url.startsWith('https://data.trezor.io/')),
    ).toBe(true)
  })
})

// Every transaction type and typed-data mode: createTrezorSigner.capabilities.test.ts.
describe('refused before the device', () => {
  test('authorizations', async () => {
    const { account } = await setup()
    await expect(
      account.signAuthorization({ address: reference.address, chainId: 1, nonce: 0 }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [UnsupportedByDeviceError: The device cannot sign EIP-7702 authorizations.

      Use another signing method for this request.

      Details: Trezor Connect 9.7 has no API for them.
      Version: @airlock/core@0.1.0]
    `)
    expect(device.emulator.exchanges).toEqual([])
  })

  test('a chain serializer whose bytes the structured request cannot reproduce', async () => {
    const { account } = await setup()
    const serializer = (tx: typeof transaction) => serializeTransaction({ ...tx, gas: tx.gas + 1n })
    await expect(
      account.signTransaction(transaction as never, { serializer: serializer as never }),
    ).rejects.toThrowError(/cannot sign this transaction exactly as serialized/)
    expect(device.emulator.exchanges).toEqual([])
  })

  test('paths Connect cannot take', async () => {
    const { signer } = await setup()
    await expect(signer.getAddress({ path: "m/44'/60'" })).rejects.toThrowError(
      expect.objectContaining({
        name: 'InvalidPathError',
        details: 'Trezor Connect needs at least 3 levels',
      }),
    )
  })
})

describe('failures map to typed errors, and the signer works afterwards', () => {
  test('rejected on the device', async () => {
    const { account } = await setup()
    device.emulator.setUser('reject')
    await expect(account.signTransaction(transaction)).rejects.toThrowError(
      expect.objectContaining({ name: 'UserRejectedOnDeviceError', code: 4001 }),
    )
    await expect(account.signMessage({ message: 'x' })).rejects.toThrowError(
      expect.objectContaining({ name: 'UserRejectedOnDeviceError' }),
    )
    await expect(account.verifyAddress()).rejects.toThrowError(
      expect.objectContaining({ name: 'UserRejectedOnDeviceError' }),
    )
    device.emulator.setUser('approve')
    await expectWorks(account)
  })

  test('rejected on a later screen', async () => {
    const { account } = await setup()
    device.emulator.setUser((screen) => (screen.title === 'Chain ID' ? 'reject' : 'approve'))
    await expect(account.signTransaction(transaction)).rejects.toThrowError(
      expect.objectContaining({ name: 'UserRejectedOnDeviceError' }),
    )
    expect(device.emulator.reviews.at(-1)?.outcome).toBe('rejected')
    device.emulator.setUser('approve')
    await expectWorks(account)
  })

  test('unplugged during the request', async () => {
    const { account } = await setup()
    device.emulator.injectFault({ type: 'unplug', atExchange: 1 })
    await expect(account.signTransaction(transaction)).rejects.toThrowError(
      expect.objectContaining({ name: 'DeviceDisconnectedError' }),
    )
    await device.emulator.plug()
    await expectWorks(account)
  })

  test('no device plugged in: Connect waits for one, reported as connecting', async () => {
    const { account, statuses } = await setup()
    await device.emulator.unplug()
    const signing = account.signMessage({ message: 'plugged in later' })
    await vi.waitFor(() => expect(statuses).toContain('connecting'))
    await device.emulator.plug()
    expect(await signing).toBe(await reference.signMessage({ message: 'plugged in later' }))
  })

  test('no device plugged in until the timeout: the wait is cancelled, the next call works', async () => {
    const { account } = await setup({ timeout: 500 })
    await device.emulator.unplug()
    await expect(account.signMessage({ message: 'x' })).rejects.toThrowError(DeviceTimeoutError)
    await device.emulator.plug()
    await expectWorks(account)
  })

  test('busy', async () => {
    const { account } = await setup()
    device.emulator.injectFault({ type: 'busy' })
    await expect(account.signMessage({ message: 'x' })).rejects.toThrowError(
      expect.objectContaining({ name: 'DeviceBusyError' }),
    )
    await expectWorks(account)
  })

  test('locked: PIN entry cancelled on the device', async () => {
    const { account, statuses } = await setup()
    device.emulator.lock()
    device.emulator.setUser((screen) => (screen.title === 'Enter PIN' ? 'reject' : 'approve'))
    await expect(account.signMessage({ message: 'x' })).rejects.toThrowError(
      expect.objectContaining({ name: 'DeviceLockedError' }),
    )
    expect(statuses).toContain('unlock-device')
    device.emulator.setUser('approve')
    await expectWorks(account)
    expect(device.emulator.locked).toBe(false)
  })

  test('locked: unlocked with the PIN, then signed', async () => {
    const { account, statuses } = await setup()
    device.emulator.lock()
    await expectWorks(account)
    expect(statuses).toEqual(['unlock-device', 'confirm-on-device', 'done'])
  })

  test('the device never answers: timeout; busy until it is reconnected, then works', async () => {
    const { account } = await setup({ timeout: 1_500 })
    device.emulator.injectFault({ type: 'no-answer' })
    await expect(account.signMessage({ message: 'x' })).rejects.toThrowError(DeviceTimeoutError)
    // Connect keeps waiting for the device after `cancel()` (lib/device/DeviceCurrentSession.js).
    await expect(account.signMessage({ message: 'x' })).rejects.toThrowError(
      expect.objectContaining({ name: 'DeviceBusyError' }),
    )
    await device.emulator.unplug()
    await device.emulator.plug()
    await expectWorks(account)
  })

  test('aborted while the user reviews: Connect is cancelled, the next call works', async () => {
    const { account } = await setup()
    const controller = new AbortController()
    device.emulator.setUser(() => {
      controller.abort()
      return new Promise(() => {})
    })
    await expect(
      account.signMessage({ message: 'x', signal: controller.signal } as never),
    ).rejects.toThrowError(OperationAbortedError)
    device.emulator.setUser('approve')
    await expectWorks(account)
  })

  test.each([
    { type: 'wrong-key' },
    { type: 'corrupt-signature', part: 's' },
    { type: 'wrong-v' },
  ] as const)('a bad signature (%o) never reaches the app', async (fault) => {
    const { account } = await setup()
    device.emulator.injectFault(fault)
    await expect(account.signTransaction(transaction)).rejects.toThrowError(
      expect.objectContaining({ name: 'SignatureMismatchError' }),
    )
    await expectWorks(account)
  })

  test('another caller’s request in progress: Device_CallInProgress -> DeviceBusyError', async () => {
    const { account } = await setup()
    let release: (decision: 'approve') => void = () => {}
    device.emulator.setUser(() => new Promise((resolve) => (release = resolve)))
    const other = device.emulator.connect.ethereumSignMessage({ path, message: '0x00', hex: true })
    await new Promise((resolve) => setTimeout(resolve, 50))
    await expect(account.signMessage({ message: 'x' })).rejects.toThrowError(
      expect.objectContaining({ name: 'DeviceBusyError' }),
    )
    device.emulator.setUser('approve')
    release('approve')
    expect((await other).success).toBe(true)
    await expectWorks(account)
  })

  test('Connect’s schema errors (Failure_UnknownCode "Invalid parameter …") -> InvalidRequestError', async () => {
    const response = await device.emulator.connect.ethereumSignTransaction({
      path,
      transaction: { chainId: '1' } as never,
    })
    expect(response.success).toBe(false)
    const error = toTrezorError(response.payload, { operation: 'signTransaction' })
    expect(error.name).toBe('InvalidRequestError')
    expect(error.details).toMatch(/^Invalid parameter/)
  })
})
