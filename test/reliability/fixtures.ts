import type { HardwareAccount } from '@airlock/core'
import { testMnemonic } from '@airlock/emulator'
import { permit as erc2612Permit } from '@airlock/fixtures/permit'
import type { Address, TransactionSerializable } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'

/** The account the emulators derive at m/44'/60'/0'/0/0 from the test mnemonic. TEST KEYS ONLY. */
export const reference = mnemonicToAccount(testMnemonic)
export const path = "m/44'/60'/0'/0/0"
const recipient: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const delegate: Address = '0x4Cd241E8d1510e30b2076397afc7508Ae59C66c9'

/**
 * 300 bytes of calldata: two APDUs on a Ledger, so a fault can land between the chunks. Not an ERC-20
 * selector: the app refuses a `transfer` that also sends ether, blind signing on or off.
 */
const data = `0xdeadbeef${'00'.repeat(296)}` as const
const fees = { maxFeePerGas: 2_000_000_000n, maxPriorityFeePerGas: 1_000_000n }
export const transactions = {
  legacy: {
    type: 'legacy',
    chainId: 1,
    nonce: 7,
    gas: 21_000n,
    gasPrice: 10n ** 9n,
    to: recipient,
    data,
    value: 10n ** 18n,
  },
  eip2930: {
    type: 'eip2930',
    chainId: 1,
    nonce: 7,
    gas: 50_000n,
    gasPrice: 10n ** 9n,
    to: recipient,
    data,
    value: 1n,
    accessList: [{ address: recipient, storageKeys: [`0x${'01'.padStart(64, '0')}`] }],
  },
  eip1559: {
    type: 'eip1559',
    chainId: 10,
    nonce: 7,
    gas: 21_000n,
    ...fees,
    to: recipient,
    data,
    value: 10n ** 18n,
  },
  eip7702: {
    type: 'eip7702',
    chainId: 1,
    nonce: 7,
    gas: 100_000n,
    ...fees,
    to: reference.address,
    data,
    authorizationList: [
      {
        address: delegate,
        chainId: 1,
        nonce: 8,
        r: `0x${'11'.repeat(32)}`,
        s: `0x${'22'.repeat(32)}`,
        yParity: 0,
      },
    ],
  },
} as const satisfies Record<string, TransactionSerializable>

export const permit = erc2612Permit({
  domain: {
    name: 'USD Coin',
    version: '2',
    chainId: 1,
    verifyingContract: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  },
  owner: reference.address,
  spender: recipient,
  value: 10n ** 6n,
  deadline: 2n ** 32n,
})

export const authorization = { contractAddress: delegate, chainId: 1, nonce: 8 } as const

/** One operation of the matrix: runs it on the device account and checks the result against viem's. */
export type Operation = {
  name: string
  run: (account: HardwareAccount) => Promise<unknown>
  expected: () => Promise<unknown>
}

/** Long enough for two APDUs on a Ledger. */
const message = `Airlock reliability: ${'sign me. '.repeat(30)}`

export const operations: readonly Operation[] = [
  { name: 'address', run: (account) => account.verifyAddress(), expected: async () => undefined },
  ...Object.entries(transactions).map(([name, transaction]) => ({
    name: `tx:${name}`,
    run: (account: HardwareAccount) => account.signTransaction(transaction),
    expected: () => reference.signTransaction(transaction),
  })),
  {
    name: 'message',
    run: (account) => account.signMessage({ message }),
    expected: () => reference.signMessage({ message }),
  },
  {
    name: 'typed-data',
    run: (account) => account.signTypedData(permit),
    expected: () => reference.signTypedData(permit),
  },
  {
    name: 'authorization',
    run: (account) => account.signAuthorization!(authorization),
    expected: () => reference.signAuthorization!(authorization),
  },
]
