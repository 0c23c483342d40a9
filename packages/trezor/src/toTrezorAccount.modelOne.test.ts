import type { DeviceStatus } from '@airlock/core'
import { typedData } from '@airlock/fixtures/arbitraries'
import fc from 'fast-check'
import { mnemonicToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { testMnemonic, useTrezorEmulator } from './_test/emulator.js'
import { toTrezorAccount } from './toTrezorAccount.js'

// The Model One (T1B1) signs EIP-712 as two hashes: Connect sends EthereumSignTypedHash.
const device = useTrezorEmulator('T1B1')
const path = "m/44'/60'/0'/0/1"
const reference = mnemonicToAccount(testMnemonic, { path })
const account = () => toTrezorAccount({ connect: device.emulator.connect, path })

describe('Model One', () => {
  test('capabilities', async () => {
    const { signer } = await account()
    expect(await signer.getCapabilities()).toMatchObject({
      model: 'T1B1',
      signTypedData: 'hashed',
      transactionTypes: ['legacy', 'eip1559'],
    })
  })

  test('typed data via the domain and message hashes: byte-identical to viem', async () => {
    const trezor = await account()
    await fc.assert(
      fc.asyncProperty(typedData, async (definition) => {
        device.emulator.clearLogs()
        expect(await trezor.signTypedData(definition)).toBe(
          await reference.signTypedData(definition),
        )
        const requests = device.emulator.exchanges.map(({ request }) => request.split(' ')[0])
        expect(requests).toContain('EthereumSignTypedHash')
        expect(requests).not.toContain('EthereumSignTypedData')
      }),
      { numRuns: 5 },
    )
  })

  test('typed data without EIP712Domain in types: the real domain is hashed', async () => {
    const trezor = await account()
    const definition = {
      domain: { name: 'Permit2', chainId: 1, verifyingContract: reference.address },
      primaryType: 'Transfer',
      types: { Transfer: [{ name: 'amount', type: 'uint256' }] },
      message: { amount: 2n ** 255n },
    } as const
    expect(await trezor.signTypedData(definition)).toBe(await reference.signTypedData(definition))
  })

  test('messages and transactions', async () => {
    const trezor = await account()
    expect(await trezor.signMessage({ message: 'hello' })).toBe(
      await reference.signMessage({ message: 'hello' }),
    )
    const tx = {
      type: 'legacy',
      chainId: 56,
      to: reference.address,
      gasPrice: 5n,
      nonce: 1,
    } as const
    expect(await trezor.signTransaction(tx)).toBe(await reference.signTransaction(tx))
  })

  test('locked: PIN matrix on the host is reported as unlock-device', async () => {
    const trezor = await account()
    const statuses: DeviceStatus['type'][] = []
    trezor.signer.onStatus((status) => statuses.push(status.type))
    device.emulator.lock()
    expect(await trezor.signMessage({ message: 'hello' })).toBe(
      await reference.signMessage({ message: 'hello' }),
    )
    expect(statuses[0]).toBe('unlock-device')
  })
})
