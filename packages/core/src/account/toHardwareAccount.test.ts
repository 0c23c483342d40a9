import {
  message as messageArbitrary,
  transaction as transactionArbitrary,
  typedData as typedDataArbitrary,
} from '@airlock/fixtures/arbitraries'
import fc from 'fast-check'
import {
  createWalletClient,
  custom,
  encodeFunctionData,
  type Hex,
  parseAbi,
  parseEther,
  parseTransaction,
  serializeTransaction,
  type TransactionSerializable,
} from 'viem'
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts'
import { mainnet } from 'viem/chains'
import { describe, expect, test } from 'vitest'
import { createSoftwareSigner, testMnemonic } from '../_test/createSoftwareSigner.js'
import { toHardwareAccount } from './toHardwareAccount.js'

const path = "m/44'/60'/0'/0/3"
const reference = privateKeyToAccount(
  `0x${Buffer.from(mnemonicToAccount(testMnemonic, { addressIndex: 3 }).getHdKey().privateKey!).toString('hex')}`,
)

async function setup(options: Parameters<typeof createSoftwareSigner>[0] = {}) {
  const signer = createSoftwareSigner(options)
  const account = await toHardwareAccount(signer, { path })
  return { signer, account }
}

describe('toHardwareAccount', () => {
  test('is a complete viem LocalAccount', async () => {
    const { account } = await setup()
    expect(account.type).toBe('local')
    expect(account.source).toBe('software')
    expect(account.address).toBe(reference.address)
    expect(account.publicKey).toBe(reference.publicKey)
    expect(account.path).toBe(path)
    expect(Object.keys(account).sort()).toMatchInlineSnapshot(`
      [
        "address",
        "nonceManager",
        "path",
        "publicKey",
        "sign",
        "signAuthorization",
        "signMessage",
        "signTransaction",
        "signTypedData",
        "signer",
        "source",
        "type",
        "verifyAddress",
      ]
    `)
  })

  test('resolves index + scheme to the preset path', async () => {
    const signer = createSoftwareSigner()
    const account = await toHardwareAccount(signer, { index: 3, scheme: 'bip44' })
    expect(account.path).toBe(path)
    expect(account.address).toBe(reference.address)
    const live = await toHardwareAccount(signer, { index: 2, scheme: 'ledgerLive' })
    expect(live.path).toBe("m/44'/60'/2'/0/0")
    expect(live.address).toBe(mnemonicToAccount(testMnemonic, { accountIndex: 2 }).address)
  })

  test('signs transactions byte-identically to privateKeyToAccount', async () => {
    const { account } = await setup()
    await fc.assert(
      fc.asyncProperty(transactionArbitrary, async (transaction) => {
        expect(await account.signTransaction(transaction)).toBe(
          await reference.signTransaction(transaction),
        )
      }),
      { numRuns: 150 },
    )
  })

  test('legacy v is EIP-155 for chain ids above 2^32', async () => {
    const { account } = await setup()
    const transaction = {
      chainId: 2 ** 32 + 5,
      gasPrice: 1n,
      gas: 21000n,
      nonce: 0,
      to: reference.address,
      value: 1n,
    } as const
    const signed = await account.signTransaction(transaction)
    const parsed = parseTransaction(signed)
    expect(parsed.v! - 35n - BigInt(transaction.chainId) * 2n).toBeLessThanOrEqual(1n)
    expect(signed).toBe(await reference.signTransaction(transaction))
  })

  test('signs messages and typed data byte-identically to privateKeyToAccount', async () => {
    const { account } = await setup()
    await fc.assert(
      fc.asyncProperty(messageArbitrary, async (message) => {
        expect(await account.signMessage({ message })).toBe(
          await reference.signMessage({ message }),
        )
      }),
      { numRuns: 60 },
    )
    await fc.assert(
      fc.asyncProperty(typedDataArbitrary, async (typedData) => {
        expect(await account.signTypedData(typedData)).toBe(
          await reference.signTypedData(typedData),
        )
      }),
      { numRuns: 60 },
    )
  })

  test('signs EIP-7702 authorizations like privateKeyToAccount', async () => {
    const { account } = await setup()
    const request = { address: reference.address, chainId: 1, nonce: 7 }
    expect(await account.signAuthorization(request)).toEqual(
      await reference.signAuthorization(request),
    )
    expect(
      await account.signAuthorization({ contractAddress: reference.address, chainId: 0, nonce: 0 }),
    ).toEqual(
      await reference.signAuthorization({
        contractAddress: reference.address,
        chainId: 0,
        nonce: 0,
      }),
    )
  })

  test('honours a custom serializer: the device signs its unsigned output', async () => {
    const { account, signer } = await setup()
    const seen: Hex[] = []
    const serializer = (
      tx: TransactionSerializable,
      signature?: Parameters<typeof serializeTransaction>[1],
    ) => {
      const serialized = serializeTransaction({ ...tx, data: '0xc0ffee' }, signature)
      if (!signature) seen.push(serialized)
      return serialized
    }
    const transaction = {
      chainId: 10,
      maxFeePerGas: 2n,
      maxPriorityFeePerGas: 1n,
      gas: 50_000n,
      nonce: 1,
      to: reference.address,
    } as const
    const signed = await account.signTransaction(transaction, { serializer })
    expect(seen).toHaveLength(1)
    expect(parseTransaction(signed).data).toBe('0xc0ffee')
    expect(signed).toBe(await reference.signTransaction(transaction, { serializer }))
    expect(signer.state.calls.at(-1)).toEqual({ operation: 'signTransaction', path })
  })

  test('works in a wallet client: sendTransaction, writeContract, signMessage, signTypedData, signAuthorization', async () => {
    const { account } = await setup()
    const sent: Hex[] = []
    const client = createWalletClient({
      account,
      chain: mainnet,
      transport: custom({
        async request({ method, params }) {
          if (method === 'eth_chainId') return '0x1'
          if (method === 'eth_getTransactionCount') return '0x5'
          if (method === 'eth_estimateGas') return '0x5208'
          if (method === 'eth_getBlockByNumber')
            return { baseFeePerGas: '0x3b9aca00', number: '0x1' }
          if (method === 'eth_maxPriorityFeePerGas') return '0x3b9aca00'
          if (method === 'eth_sendRawTransaction') {
            sent.push(params[0])
            return '0x'.padEnd(66, 'a')
          }
          throw new Error(`unexpected ${method}`)
        },
      }),
    })
    await client.sendTransaction({ to: reference.address, value: parseEther('1') })
    expect(sent).toHaveLength(1)
    const parsed = parseTransaction(sent[0]!)
    expect(parsed).toMatchObject({ chainId: 1, nonce: 5, type: 'eip1559', value: parseEther('1') })
    const { r, s, yParity, v, ...unsigned } = parsed
    expect(sent[0]).toBe(await reference.signTransaction(unsigned as TransactionSerializable))

    expect(await client.signMessage({ message: 'hello' })).toBe(
      await reference.signMessage({ message: 'hello' }),
    )
    await client.writeContract({
      address: reference.address,
      abi: parseAbi(['function transfer(address to, uint256 amount) returns (bool)']),
      functionName: 'transfer',
      args: [reference.address, 5n],
    })
    expect(parseTransaction(sent[1]!).data).toBe(
      encodeFunctionData({
        abi: parseAbi(['function transfer(address to, uint256 amount) returns (bool)']),
        functionName: 'transfer',
        args: [reference.address, 5n],
      }),
    )
    const permit = {
      domain: { name: 'Token', version: '1', chainId: 1, verifyingContract: reference.address },
      types: {
        Permit: [
          { name: 'owner', type: 'address' },
          { name: 'value', type: 'uint256' },
        ],
      },
      primaryType: 'Permit',
      message: { owner: reference.address, value: 1n },
    } as const
    expect(await client.signTypedData(permit)).toBe(await reference.signTypedData(permit))
    const authorization = await client.signAuthorization({ contractAddress: reference.address })
    expect(authorization).toMatchObject({ chainId: 1, nonce: 5 })
  })

  test('refuses what a device must not sign, before the device is asked', async () => {
    const { account, signer } = await setup()
    const calls = signer.state.calls.length
    const base = { gasPrice: 1n, gas: 21000n, nonce: 0, to: reference.address }
    await expect(account.signTransaction(base)).rejects.toThrow('has no chainId')
    await expect(
      account.signTransaction({ ...base, chainId: 1, type: 'cip64' } as never),
    ).rejects.toThrowError(/unknown transaction type "cip64"/)
    await expect(
      account.signTransaction({
        chainId: 1,
        to: reference.address,
        maxFeePerGas: 1n,
        maxFeePerBlobGas: 1n,
        blobVersionedHashes: [`0x01${'00'.repeat(31)}`],
      }),
    ).rejects.toMatchObject({ name: 'UnsupportedByDeviceError' })
    await expect(account.signTransaction({ ...base, chainId: 1, value: -1n })).rejects.toThrowError(
      /"value" must be an integer in range 0..2\*\*256-1, got -1/,
    )
    await expect(
      account.signTransaction({ ...base, chainId: 1, value: 2n ** 256n }),
    ).rejects.toMatchObject({ name: 'InvalidRequestError' })
    await expect(account.sign!({ hash: `0x${'11'.repeat(32)}` })).rejects.toMatchObject({
      name: 'UnsupportedByDeviceError',
    })
    await expect(account.signMessage({ message: { raw: '0x123' } })).rejects.toMatchObject({
      name: 'InvalidRequestError',
    })
    await expect(
      account.signTypedData({
        types: { A: [{ name: 'b', type: 'B' }], B: [{ name: 'a', type: 'A' }] },
        primaryType: 'A',
        message: {},
      } as never),
    ).rejects.toMatchObject({ name: 'InvalidRequestError' })
    expect(signer.state.calls.length).toBe(calls)
  })

  test('a serializer that emits an unknown envelope is refused, never signed as legacy', async () => {
    const { account } = await setup()
    const serializer = () => '0x7e01' as Hex
    await expect(
      account.signTransaction({ chainId: 1, gasPrice: 1n } as never, {
        serializer: serializer as never,
      }),
    ).rejects.toThrowError(/unknown transaction type 0x7e/)
  })

  test('replayable legacy transactions only when explicitly allowed', async () => {
    const signer = createSoftwareSigner()
    const account = await toHardwareAccount(signer, { path, allowReplayableTransactions: true })
    const transaction = { gasPrice: 1n, gas: 21000n, nonce: 0, to: reference.address }
    expect(await account.signTransaction(transaction)).toBe(
      await reference.signTransaction(transaction),
    )
  })

  test.each(['wrong-key', 'wrong-parity', 'corrupt-r', 'high-s'] as const)(
    'a device signature that does not verify (%s) throws SignatureMismatchError',
    async (fault) => {
      const { account, signer } = await setup()
      signer.state.fault = fault
      const tx = { chainId: 1, gasPrice: 1n, gas: 21000n, nonce: 0, to: reference.address }
      await expect(account.signTransaction(tx)).rejects.toMatchObject({
        name: 'SignatureMismatchError',
      })
      await expect(account.signMessage({ message: 'x' })).rejects.toMatchObject({
        name: 'SignatureMismatchError',
      })
      await expect(
        account.signAuthorization({ address: reference.address, chainId: 1, nonce: 0 }),
      ).rejects.toMatchObject({ name: 'SignatureMismatchError' })
      signer.state.fault = undefined
      expect(await account.signMessage({ message: 'x' })).toBe(
        await reference.signMessage({ message: 'x' }),
      )
    },
  )

  test('verifyAddress shows the address and catches a mismatch', async () => {
    const { account, signer } = await setup()
    await account.verifyAddress()
    expect(signer.state.calls.at(-1)).toEqual({ operation: 'getAddress', path })
    signer.state.displayedAddress = privateKeyToAccount(`0x${'22'.repeat(32)}`).address
    await expect(account.verifyAddress()).rejects.toMatchObject({
      name: 'DeviceAddressMismatchError',
    })
  })
})
