import {
  type DeviceCapabilities,
  type SignableTransactionType,
  toHardwareAccount,
} from '@airlock/core'
import type { TrezorModel } from '@airlock/emulator'
import type { TransactionSerializable } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { testMnemonic, useTrezorEmulator } from './_test/emulator.js'
import { createTrezorSigner } from './createTrezorSigner.js'

// What the capabilities say a device cannot do is refused with UnsupportedByDeviceError before any
// signing message reaches it; what they say it can do, it signs, the way they say.
const path = "m/44'/60'/0'/0/0"
const reference = mnemonicToAccount(testMnemonic, { path })
const to = reference.address

const transactions: Record<SignableTransactionType, TransactionSerializable> = {
  legacy: { type: 'legacy', chainId: 1, to, gasPrice: 1n },
  eip2930: { type: 'eip2930', chainId: 1, to, gasPrice: 1n, accessList: [] },
  eip1559: { type: 'eip1559', chainId: 1, to, maxFeePerGas: 1n },
  eip7702: {
    type: 'eip7702',
    chainId: 1,
    to,
    maxFeePerGas: 1n,
    authorizationList: [
      {
        address: to,
        chainId: 1,
        nonce: 0,
        r: `0x${'11'.repeat(32)}`,
        s: `0x${'22'.repeat(32)}`,
        yParity: 0,
      },
    ],
  },
}

const typedData = {
  domain: { name: 'Airlock', chainId: 1 },
  primaryType: 'Note',
  types: { Note: [{ name: 'text', type: 'string' }] },
  message: { text: 'hello' },
} as const

/** The firmware message that starts each way of signing typed data. */
const typedDataRequests = { full: 'EthereumSignTypedData', hashed: 'EthereumSignTypedHash' }

const unsupported = expect.objectContaining({ name: 'UnsupportedByDeviceError' })

describe.each([
  ['Safe 5', 'T3T1', undefined, { transactionTypes: ['legacy', 'eip1559'], signTypedData: 'full' }],
  [
    'Model One',
    'T1B1',
    undefined,
    { transactionTypes: ['legacy', 'eip1559'], signTypedData: 'hashed' },
  ],
  [
    'Model T, firmware 2.4.1',
    'T2T1',
    '2.4.1',
    { transactionTypes: ['legacy'], signTypedData: false },
  ],
  [
    'Model One, firmware 1.10.3',
    'T1B1',
    '1.10.3',
    { transactionTypes: ['legacy'], signTypedData: false },
  ],
] satisfies [string, TrezorModel, string | undefined, Partial<DeviceCapabilities>][])(
  '%s: the driver keeps to its capabilities',
  (_, model, firmware, expected) => {
    const device = useTrezorEmulator(model, firmware ? { firmware } : {})

    async function setup() {
      const signer = createTrezorSigner({ connect: device.emulator.connect })
      const capabilities = await signer.getCapabilities()
      const account = await toHardwareAccount(signer, { path })
      device.emulator.clearLogs()
      return { capabilities, account }
    }

    /** The firmware messages that asked the device to sign something, since the last clear. */
    function signingRequests(): string[] {
      return device.emulator.exchanges
        .map(({ request }) => request.split(' ')[0]!)
        .filter((name) => name.startsWith('EthereumSign'))
    }

    test('capabilities', async () => {
      const { capabilities } = await setup()
      expect(capabilities).toMatchObject({ model, ...expected, signAuthorization: false })
    })

    test.each(Object.keys(transactions) as SignableTransactionType[])(
      '%s transactions',
      async (type) => {
        const { capabilities, account } = await setup()
        const transaction = transactions[type]
        if (capabilities.transactionTypes.includes(type)) {
          expect(await account.signTransaction(transaction)).toBe(
            await reference.signTransaction(transaction),
          )
          expect(signingRequests()).not.toEqual([])
        } else {
          await expect(account.signTransaction(transaction)).rejects.toThrowError(unsupported)
          expect(signingRequests()).toEqual([])
        }
      },
    )

    test('typed data', async () => {
      const { capabilities, account } = await setup()
      if (capabilities.signTypedData) {
        expect(await account.signTypedData(typedData)).toBe(
          await reference.signTypedData(typedData),
        )
        expect(signingRequests()).toEqual([typedDataRequests[capabilities.signTypedData]])
      } else {
        await expect(account.signTypedData(typedData)).rejects.toThrowError(unsupported)
        expect(signingRequests()).toEqual([])
      }
    })

    test('authorizations', async () => {
      const { account } = await setup()
      await expect(
        account.signAuthorization({ address: to, chainId: 1, nonce: 0 }),
      ).rejects.toThrowError(unsupported)
      expect(device.emulator.exchanges).toEqual([])
    })
  },
)
