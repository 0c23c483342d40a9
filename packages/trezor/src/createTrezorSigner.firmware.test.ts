import { toHardwareAccount } from '@airlock/core'
import { mnemonicToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { testMnemonic, useTrezorEmulator } from './_test/emulator.js'
import { createTrezorSigner } from './createTrezorSigner.js'

// Model T firmware 2.4.1: before EIP-1559 (2.4.2) and EIP-712 (2.4.3) support in Connect 9.7.
const device = useTrezorEmulator('T2T1', { firmware: '2.4.1' })
const path = "m/44'/60'/0'/0/0"
const reference = mnemonicToAccount(testMnemonic, { path })

describe('firmware too old (Device_FwException)', () => {
  test('capabilities say so', async () => {
    const signer = createTrezorSigner({ connect: device.emulator.connect })
    expect(await signer.getCapabilities()).toMatchObject({
      model: 'T2T1',
      version: '2.4.1',
      transactionTypes: ['legacy'],
      signTypedData: false,
    })
  })

  test('EIP-1559 and EIP-712 fail with the minimum version; legacy still signs', async () => {
    const signer = createTrezorSigner({ connect: device.emulator.connect })
    const account = await toHardwareAccount(signer, { path })
    const eip1559 = {
      type: 'eip1559',
      chainId: 1,
      to: reference.address,
      maxFeePerGas: 1n,
    } as const
    await expect(account.signTransaction(eip1559)).rejects.toThrowError(
      expect.objectContaining({
        name: 'UnsupportedByDeviceError',
        minimumVersion: 'Trezor firmware 1.10.4 (Model One) / 2.4.2 (Model T)',
      }),
    )
    await signer.getCapabilities()
    const typedData = {
      domain: { name: 'x' },
      primaryType: 'Note',
      types: { Note: [{ name: 'text', type: 'string' }] },
      message: { text: 'hi' },
    } as const
    await expect(account.signTypedData(typedData)).rejects.toThrowErrorMatchingInlineSnapshot(`
      [UnsupportedByDeviceError: The device cannot sign EIP-712 typed data.

      In Trezor Suite, update the device to Trezor firmware 2.4.3 or later, then try again.

      Details: Trezor Connect: ui-device_firmware_old
      Version: @airlock/core@0.1.0]
    `)
    const legacy = { type: 'legacy', chainId: 1, to: reference.address, gasPrice: 1n } as const
    expect(await account.signTransaction(legacy)).toBe(await reference.signTransaction(legacy))
  })
})
