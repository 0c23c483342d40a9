import { bip44, discoverAccounts, ledgerLive, legacy } from '@airlock/core'
import { message, typedData } from '@airlock/fixtures/arbitraries'
import fc from 'fast-check'
import { formatEther, getAddress, type TransactionSerializable } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import {
  eip1559Transaction,
  legacyTransaction,
  testMnemonic,
  useTrezorEmulator,
} from './_test/emulator.js'
import { createTrezorSigner } from './createTrezorSigner.js'
import { toTrezorAccount } from './toTrezorAccount.js'

const device = useTrezorEmulator('T3T1')
const path = "m/44'/60'/0'/0/0"
const reference = mnemonicToAccount(testMnemonic, { path })

function account(parameters: { path?: string } = {}) {
  return toTrezorAccount({ connect: device.emulator.connect, path: parameters.path ?? path })
}

describe('addresses', () => {
  test.each([
    ['bip44(0)', bip44(0)],
    ['bip44(7)', bip44(7)],
    ['ledgerLive(2)', ledgerLive(2)],
    ['legacy(3)', legacy(3)],
  ])('%s matches viem', async (_, path) => {
    const trezor = await account({ path })
    const expected = mnemonicToAccount(testMnemonic, { path: path as never })
    expect(trezor.address).toBe(expected.address)
    expect(trezor.publicKey).toBe(expected.publicKey)
    expect(trezor.source).toBe('trezor')
    expect(trezor.path).toBe(path)
    // A silent public-key read: nothing shown on the device.
    expect(device.emulator.reviews).toEqual([])
  })

  test('verifyAddress shows the address and its path on the device', async () => {
    const trezor = await account()
    device.emulator.clearLogs()
    await trezor.verifyAddress()
    expect(device.emulator.reviews).toEqual([
      {
        operation: 'address',
        outcome: 'approved',
        screens: [
          { title: 'Address', value: reference.address },
          { title: 'Path', value: path },
        ],
      },
    ])
  })

  test('a page of bip44 accounts costs one key read', async () => {
    const calls: string[] = []
    const connect = new Proxy(device.emulator.connect, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver)
        if (typeof value !== 'function' || key === 'on' || key === 'off') return value
        return (...args: unknown[]) => {
          calls.push(String(key))
          return value.apply(target, args)
        }
      },
    })
    const signer = createTrezorSigner({ connect })
    const page = await discoverAccounts(signer, { scheme: 'bip44', offset: 3, limit: 5 })
    expect(page.map(({ address }) => address)).toEqual(
      [3, 4, 5, 6, 7].map((i) => mnemonicToAccount(testMnemonic, { addressIndex: i }).address),
    )
    expect(calls).toEqual(['ethereumGetPublicKey'])
    // Connect checks the xpub against child 0 (lib/device/DeviceCommands.js `ethereumGetPublicKey`):
    // the page's own keys are never asked for.
    const paths = device.emulator.exchanges
      .filter(({ request }) => request.startsWith('EthereumGetPublicKey'))
      .map(({ request }) => JSON.parse(request.slice(request.indexOf('{'))).address_n.join('/'))
    expect(paths).toEqual([
      [44, 60, 0]
        .map((i) => i + 2 ** 31)
        .concat(0)
        .join('/'),
      [44, 60, 0]
        .map((i) => i + 2 ** 31)
        .concat(0, 0)
        .join('/'),
    ])
  })
})

describe('transactions', () => {
  test.each([
    ['legacy', legacyTransaction],
    // Chain 61 refuses EIP-1559 before the device (buildSignTransactionRequest.test.ts).
    ['eip1559', eip1559Transaction.filter((tx) => tx.chainId !== 61)],
  ] as const)(
    '%s: byte-identical to viem, and the device showed what was signed',
    async (_, arbitrary) => {
      const trezor = await account()
      await fc.assert(
        fc.asyncProperty(arbitrary, async (transaction) => {
          device.emulator.clearLogs()
          const tx = transaction as TransactionSerializable
          const signed = await trezor.signTransaction(tx)
          expect(signed).toBe(await reference.signTransaction(tx))
          const [review] = device.emulator.reviews
          const screen = (title: string) => review?.screens.find((s) => s.title === title)?.value
          expect(review?.outcome).toBe('approved')
          expect(screen('Recipient')).toBe(tx.to ? getAddress(tx.to) : 'New contract')
          expect(screen('Amount')).toMatch(new RegExp(`^${formatEther(tx.value ?? 0n)} `))
          expect(screen('Data')).toBe(tx.data && tx.data !== '0x' ? tx.data : undefined)
          expect(screen('Chain ID')).toBe(String(tx.chainId))
        }),
        { numRuns: 12 },
      )
    },
  )

  test('chain id 2^53-1 (EIP-1559) and the largest legacy one', async () => {
    const trezor = await account()
    const to = reference.address
    for (const tx of [
      { type: 'eip1559', chainId: Number.MAX_SAFE_INTEGER, to, maxFeePerGas: 1n },
      { type: 'legacy', chainId: 2 ** 52 - 18, to, gasPrice: 1n, nonce: 3 },
      { type: 'legacy', chainId: 2147483630, to, gasPrice: 1n },
    ] as const)
      expect(await trezor.signTransaction(tx)).toBe(await reference.signTransaction(tx))
  })
})

describe('messages', () => {
  test('strings and raw bytes: byte-identical to viem', async () => {
    const trezor = await account()
    await fc.assert(
      fc.asyncProperty(message, async (message) => {
        expect(await trezor.signMessage({ message })).toBe(await reference.signMessage({ message }))
      }),
      { numRuns: 15 },
    )
  })

  test('the device shows the text', async () => {
    const trezor = await account()
    await trezor.signMessage({ message: 'Sign in to example.com' })
    expect(device.emulator.reviews.at(-1)?.screens).toEqual([
      { title: 'Address', value: reference.address },
      { title: 'Message', value: 'Sign in to example.com' },
    ])
  })
})

describe('typed data', () => {
  test('nested structs, arrays, negative ints: byte-identical to viem', async () => {
    const trezor = await account()
    await fc.assert(
      fc.asyncProperty(typedData, async (definition) => {
        expect(await trezor.signTypedData(definition)).toBe(
          await reference.signTypedData(definition),
        )
      }),
      { numRuns: 8 },
    )
  })

  test('types without EIP712Domain: the device hashes the real domain, not an empty one', async () => {
    const trezor = await account()
    const definition = {
      domain: {
        name: 'Ether Mail',
        version: '1',
        chainId: 1,
        verifyingContract: reference.address,
      },
      primaryType: 'Note',
      types: { Note: [{ name: 'text', type: 'string' }] },
      message: { text: 'hello' },
    } as const
    expect(await trezor.signTypedData(definition)).toBe(await reference.signTypedData(definition))
    const screen = (title: string) =>
      device.emulator.reviews.at(-1)?.screens.find((s) => s.title === title)?.value
    expect(screen('EIP712Domain.name')).toBe('Ether Mail')
    expect(screen('EIP712Domain.verifyingContract')).toBe(reference.address)
  })

  test('primaryType EIP712Domain', async () => {
    const trezor = await account()
    const definition = {
      domain: { name: 'Only domain', chainId: 5n },
      primaryType: 'EIP712Domain',
      types: {},
      message: {},
    } as const
    expect(await trezor.signTypedData(definition as never)).toBe(
      await reference.signTypedData(definition as never),
    )
  })
})
