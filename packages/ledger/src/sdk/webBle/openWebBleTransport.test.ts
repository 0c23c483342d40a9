/**
 * `transport: 'web-ble'` on the real `@ledgerhq/hw-transport-web-ble`, over the emulator's fake
 * Web Bluetooth (GATT service, MTU negotiation, Ledger's BLE framing): picker, reconnection without
 * it, and Bluetooth's own failures, each a typed error after which the device still signs.
 */
import {
  DeviceDisconnectedError,
  OperationAbortedError,
  UserRejectedOnDeviceError,
} from '@airlock/core'
import {
  createEmulatorBluetooth,
  createLedgerEmulator,
  type FakeBluetooth,
  testMnemonic,
} from '@airlock/emulator'
import { type Address, encodeFunctionData, erc20Abi, parseGwei } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { LedgerBluetoothError } from '../../bluetoothErrors.js'
import { UserGestureRequiredError } from '../../errors.js'
import { toLedgerAccount } from '../../toLedgerAccount.js'

const reference = mnemonicToAccount(testMnemonic)
const path = "m/44'/60'/0'/0/0"
const recipient: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const usdc: Address = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'
const usdcTransfer = {
  chainId: 1,
  to: usdc,
  nonce: 4,
  gas: 60_000n,
  maxFeePerGas: parseGwei('30'),
  maxPriorityFeePerGas: parseGwei('1'),
  data: encodeFunctionData({
    abi: erc20Abi,
    functionName: 'transfer',
    args: [recipient, 1_500_000n],
  }),
} as const

afterEach(() => {
  vi.unstubAllGlobals()
})

function setup(
  options: { getDevices?: boolean; granted?: boolean; userActivation?: boolean } = {},
) {
  const emulator = createLedgerEmulator({ model: 'flex' })
  const fake = createEmulatorBluetooth(emulator, options)
  installNavigator(fake, options.userActivation)
  return { emulator, fake, controls: fake.controls }
}

function installNavigator(fake: FakeBluetooth, userActivation = true) {
  vi.stubGlobal('navigator', {
    bluetooth: fake.bluetooth,
    userActivation: { isActive: userActivation },
  })
}

const newAccount = () => toLedgerAccount({ transport: 'web-ble', path })

describe("transport: 'web-ble'", () => {
  test('picks the Flex, negotiates the MTU, frames APDUs as Ledger does, and clear-signs', async () => {
    const { emulator, controls } = setup()
    const account = await newAccount()
    expect(account.address).toBe(reference.address)
    expect(controls.frames[0]).toEqual({ direction: 'write', hex: '0800000000' })
    expect(controls.frames[1]).toEqual({ direction: 'notify', hex: '080000000199' })
    // The first APDU frame: tag 05, index 0000, the APDU's length, then the APDU (GET ADDRESS).
    const firstApdu = controls.frames.find(({ hex }) => hex.startsWith('05'))!.hex
    expect(firstApdu).toBe('050000001ae002000015058000002c8000003c800000000000000000000000')

    expect(await account.signMessage({ message: 'over Bluetooth' })).toBe(
      await reference.signMessage({ message: 'over Bluetooth' }),
    )
    await account.signTransaction(usdcTransfer)
    expect(
      emulator.reviews
        .at(-1)
        ?.screens.map((s) => s.value)
        .join('\n'),
    ).toMatch(/1\.5 USDC/)
    // A long APDU (the transaction) spans several frames, each at most the negotiated 153 bytes.
    const writes = controls.frames
      .filter((f) => f.direction === 'write')
      .map((f) => f.hex.length / 2)
    expect(Math.max(...writes)).toBeLessThanOrEqual(153)
  })

  test('slow notifications only slow it down', async () => {
    const { controls } = setup()
    controls.setNotificationDelay(15)
    const account = await newAccount()
    expect(await account.signMessage({ message: 'slow' })).toBe(
      await reference.signMessage({ message: 'slow' }),
    )
  })

  test('a link lost mid-request is DeviceDisconnectedError; the next call reconnects without the picker', async () => {
    const { emulator, controls } = setup()
    const account = await newAccount()
    controls.setPicker('cancel')
    controls.dropLink({ afterFrames: 1 })
    const error = await account.signTransaction(usdcTransfer).catch((e) => e)
    expect(error).toBeInstanceOf(DeviceDisconnectedError)
    expect(error.metaMessages.join(' ')).toMatch(/nothing was signed/)
    expect(await account.signTransaction(usdcTransfer)).toBe(
      await reference.signTransaction(usdcTransfer),
    )
    // The device asleep (or out of range) while it waits for the user: the same, then it signs.
    emulator.setUser(async () => {
      controls.setInRange(false)
      return 'approve' as const
    })
    await expect(account.signMessage({ message: 'asleep' })).rejects.toThrowError(
      DeviceDisconnectedError,
    )
    emulator.setUser('approve')
    const unreachable = await account.signMessage({ message: 'still asleep' }).catch((e) => e)
    expect(unreachable).toBeInstanceOf(LedgerBluetoothError)
    expect(unreachable.failure).toBe('unreachable')
    controls.setInRange(true)
    expect(await account.signMessage({ message: 'awake' })).toBe(
      await reference.signMessage({ message: 'awake' }),
    )
  })

  test('pairing refused is LedgerBluetoothError pairing-failed; accepted, it connects', async () => {
    const { controls } = setup()
    controls.setPairing('refuse')
    const error = await newAccount().catch((e) => e)
    expect(error).toBeInstanceOf(LedgerBluetoothError)
    expect(error.failure).toBe('pairing-failed')
    controls.setPairing('accept')
    expect((await newAccount()).address).toBe(reference.address)
  })

  test('the picker: needs a click, can be cancelled; Bluetooth off; no Web Bluetooth', async () => {
    const { controls } = setup({ userActivation: false })
    await expect(newAccount()).rejects.toThrowError(UserGestureRequiredError)
    const clicked = setup()
    clicked.controls.setPicker('cancel')
    await expect(newAccount()).rejects.toThrowError(OperationAbortedError)
    clicked.controls.setAdapter(false)
    const off = await newAccount().catch((e) => e)
    expect(off.failure).toBe('bluetooth-off')
    vi.stubGlobal('navigator', {})
    const none = await newAccount().catch((e) => e)
    expect(none.failure).toBe('unavailable')
    expect(controls.frames).toEqual([])
  })

  test('after a page load: a granted Ledger reconnects without the picker where getDevices() exists', async () => {
    const granted = setup({ granted: true, userActivation: false })
    expect((await newAccount()).address).toBe(reference.address)
    expect(granted.controls.frames.length).toBeGreaterThan(0)
    // Chrome without the flag has no getDevices(): only a click can reconnect.
    setup({ granted: true, getDevices: false, userActivation: false })
    await expect(newAccount()).rejects.toThrowError(UserGestureRequiredError)
  })

  test('a rejection on the device maps as over USB', async () => {
    const { emulator } = setup()
    const account = await newAccount()
    emulator.setUser('reject')
    await expect(account.signMessage({ message: 'no' })).rejects.toThrowError(
      UserRejectedOnDeviceError,
    )
  })
})
