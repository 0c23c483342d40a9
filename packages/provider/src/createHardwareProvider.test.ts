import { readFileSync } from 'node:fs'
import {
  ChainIdMismatchError,
  DeviceDisconnectedError,
  InvalidRequestError,
  toHardwareAccount,
  UnsupportedByDeviceError,
  UserRejectedOnDeviceError,
} from '@airlock/core'
import { createTestRpc } from '@airlock/fixtures/testRpc'
import {
  type CustomTransport,
  custom,
  type EIP1193Provider,
  type Hex,
  keccak256,
  parseTransaction,
  type TransactionSerializable,
  type Transport,
} from 'viem'
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts'
import { foundry, mainnet } from 'viem/chains'
import { describe, expect, test, vi } from 'vitest'
import {
  createSoftwareSigner as createTestSigner,
  testMnemonic,
} from '../../core/src/_test/createSoftwareSigner.js'
import { createHardwareProvider } from './createHardwareProvider.js'
import { AccountNotConnectedError, ChainNotConfiguredError } from './errors/provider.js'
import { forwardedMethods } from './utils/forwardedMethods.js'

const reference = [0, 1].map((addressIndex) =>
  privateKeyToAccount(
    `0x${Buffer.from(mnemonicToAccount(testMnemonic, { addressIndex }).getHdKey().privateKey!).toString('hex')}`,
  ),
)
const [alice, bob] = reference as [(typeof reference)[0], (typeof reference)[0]]
const stranger = '0x000000000000000000000000000000000000dEaD'

async function setup({
  connect = true,
  latency = 0,
}: {
  connect?: boolean
  latency?: number
} = {}) {
  const signer = createTestSigner()
  const account = await toHardwareAccount(signer, { index: 0, scheme: 'bip44' })
  const other = await toHardwareAccount(signer, { index: 1, scheme: 'bip44' })
  const rpc = { [mainnet.id]: createTestRpc(mainnet), [foundry.id]: createTestRpc(foundry) }
  const provider = createHardwareProvider({
    account,
    chains: [mainnet, foundry],
    transport: {
      [mainnet.id]: withLatency(rpc[mainnet.id].transport, latency),
      [foundry.id]: withLatency(rpc[foundry.id].transport, latency),
    },
  })
  if (connect) await provider.request({ method: 'eth_requestAccounts' })
  return { account, other, provider, rpc, signer }
}

/** The node's transport, answering `ms` later. */
function withLatency(transport: CustomTransport, ms: number): Transport {
  if (!ms) return transport
  return (options) => {
    const node = transport(options)
    return custom(
      {
        async request(args) {
          await new Promise((resolve) => setTimeout(resolve, ms))
          return node.request(args)
        },
      },
      { retryCount: 0 },
    )(options)
  }
}

/** Any method, untyped: the point is to send what apps send. */
function call(provider: EIP1193Provider, method: string, params?: unknown[]) {
  return (provider.request as (args: unknown) => Promise<any>)({ method, params })
}

function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => expect.unreachable('expected a rejection'),
    (error) => error as Error & { code: number; cause: unknown },
  )
}

const typedData = {
  domain: { name: 'Mail', version: '1', chainId: 1, verifyingContract: stranger },
  types: {
    EIP712Domain: [
      { name: 'name', type: 'string' },
      { name: 'version', type: 'string' },
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
    ],
    Mail: [
      { name: 'to', type: 'address' },
      { name: 'amount', type: 'uint256' },
      { name: 'contents', type: 'string' },
    ],
  },
  primaryType: 'Mail',
  message: { to: stranger, amount: '1000000000000000000', contents: 'Hello, Bob!' },
} as const

describe('accounts and connection', () => {
  test('eth_accounts is empty until the app connects', async () => {
    const { provider } = await setup({ connect: false })
    const events: unknown[] = []
    provider.on('connect', (info) => events.push(['connect', info]))
    provider.on('accountsChanged', (accounts) => events.push(['accountsChanged', accounts]))

    expect(await call(provider, 'eth_accounts')).toEqual([])
    expect(provider.connected).toBe(false)
    expect(await call(provider, 'eth_requestAccounts')).toEqual([alice.address])
    expect(await call(provider, 'eth_accounts')).toEqual([alice.address])
    expect(await call(provider, 'eth_coinbase')).toBe(alice.address)
    await call(provider, 'eth_requestAccounts')
    expect(events).toEqual([
      ['connect', { chainId: '0x1' }],
      ['accountsChanged', [alice.address]],
    ])
  })

  test('permissions (EIP-2255)', async () => {
    const { provider } = await setup({ connect: false })
    expect(await call(provider, 'wallet_getPermissions')).toEqual([])
    const granted = [
      {
        parentCapability: 'eth_accounts',
        caveats: [{ type: 'restrictReturnedAccounts', value: [alice.address] }],
      },
    ]
    expect(await call(provider, 'wallet_requestPermissions', [{ eth_accounts: {} }])).toEqual(
      granted,
    )
    expect(await call(provider, 'wallet_getPermissions')).toEqual(granted)
    const error = await rejection(call(provider, 'wallet_requestPermissions', [{ eth_sign: {} }]))
    expect(error.code).toBe(-32602)

    const changed = vi.fn()
    provider.on('accountsChanged', changed)
    expect(await call(provider, 'wallet_revokePermissions', [{ eth_accounts: {} }])).toBe(null)
    expect(changed).toHaveBeenCalledWith([])
    expect(await call(provider, 'eth_accounts')).toEqual([])
  })

  test('setAccounts switches the device account and emits accountsChanged', async () => {
    const { provider, other } = await setup()
    const changed = vi.fn()
    provider.on('accountsChanged', changed)
    provider.setAccounts([other])
    expect(changed).toHaveBeenCalledWith([bob.address])
    expect(await call(provider, 'eth_accounts')).toEqual([bob.address])
    const signature = await call(provider, 'personal_sign', ['0x68656c6c6f', bob.address])
    expect(signature).toBe(await bob.signMessage({ message: 'hello' }))
    expect((await rejection(call(provider, 'personal_sign', ['0x00', alice.address]))).code).toBe(
      4100,
    )
    expect(() => provider.setAccounts([] as never)).toThrowError(/at least one hardware account/)
  })

  test('disconnect: emits 4900, closes the device, forgets the connection', async () => {
    const { provider, signer } = await setup()
    const close = vi.spyOn(signer, 'close')
    const disconnected = vi.fn()
    provider.on('disconnect', disconnected)
    await provider.disconnect()
    expect(close).toHaveBeenCalledOnce()
    expect(disconnected).toHaveBeenCalledOnce()
    expect(disconnected.mock.calls[0]?.[0]).toMatchObject({ code: 4900 })
    expect(await call(provider, 'eth_accounts')).toEqual([])
    expect((await rejection(call(provider, 'personal_sign', ['0x00', alice.address]))).code).toBe(
      4100,
    )

    provider.removeListener('disconnect', disconnected)
    await call(provider, 'eth_requestAccounts')
    await provider.disconnect()
    expect(disconnected).toHaveBeenCalledOnce()
  })
})

describe('requests waiting on the device when the session ends', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms, 'still pending'))

  test('disconnect: 4900 at once, and the device call is cancelled', async () => {
    const { provider, signer } = await setup()
    signer.state.delay = 'forever'
    const errors: unknown[] = []
    signer.onStatus((status) => status.type === 'error' && errors.push(status.error))
    const requests = [
      call(provider, 'personal_sign', ['0x68656c6c6f', alice.address]),
      call(provider, 'eth_signTypedData_v4', [alice.address, typedData]),
      call(provider, 'eth_signTransaction', [{ from: alice.address, to: stranger }]),
    ].map((request) => request.catch((error) => error))
    await sleep(50)
    await provider.disconnect()
    const outcomes = await Promise.race([Promise.all(requests), sleep(1_000)])
    expect(outcomes).not.toBe('still pending')
    expect((outcomes as { code: number }[]).map((error) => error.code)).toEqual([4900, 4900, 4900])
    // The call on the device was aborted; the two queued behind it never reached it.
    expect(errors.map((error) => (error as Error).name)).toEqual(['OperationAbortedError'])
    expect(signer.state.calls.filter((c) => c.operation !== 'getAddress')).toHaveLength(1)
  })

  test('a signature the device returns after disconnect is neither delivered nor broadcast', async () => {
    const { provider, signer, rpc } = await setup()
    // A device that does not stop when asked: answers 150 ms later whatever happens.
    signer.state.delay = 150
    const signed = vi.fn()
    const send = call(provider, 'eth_sendTransaction', [{ from: alice.address, to: stranger }])
    const sign = call(provider, 'personal_sign', ['0x68656c6c6f', alice.address])
    send.then(signed, () => {})
    sign.then(signed, () => {})
    await sleep(50)
    await provider.disconnect()
    expect((await rejection(send)).code).toBe(4900)
    expect((await rejection(sign)).code).toBe(4900)
    await sleep(400)
    expect(signed).not.toHaveBeenCalled()
    expect(rpc[mainnet.id]!.state.sent).toEqual([])
  })

  test('disconnect while fees are read: 4900, and the device is never asked', async () => {
    const { provider, signer, rpc } = await setup({ latency: 100 })
    const pending = call(provider, 'eth_sendTransaction', [{ from: alice.address, to: stranger }])
    await sleep(50)
    await provider.disconnect()
    expect((await rejection(pending)).code).toBe(4900)
    await sleep(600)
    expect(signer.state.calls.filter((c) => c.operation === 'signTransaction')).toEqual([])
    expect(rpc[mainnet.id]!.state.sent).toEqual([])
  })

  test('wallet_revokePermissions: 4100, nothing delivered; a new connection signs again', async () => {
    const { provider, signer } = await setup()
    signer.state.delay = 100
    const pending = call(provider, 'personal_sign', ['0x68656c6c6f', alice.address])
    await sleep(20)
    await call(provider, 'wallet_revokePermissions', [{ eth_accounts: {} }])
    const error = await rejection(pending)
    expect(error.code).toBe(4100)
    expect(error.cause).toBeInstanceOf(AccountNotConnectedError)
    await call(provider, 'eth_requestAccounts')
    expect(await call(provider, 'personal_sign', ['0x68656c6c6f', alice.address])).toBe(
      await alice.signMessage({ message: 'hello' }),
    )
  })
})

describe('chains', () => {
  test('eth_chainId, net_version and wallet_switchEthereumChain', async () => {
    const { provider } = await setup()
    const changed = vi.fn()
    provider.on('chainChanged', changed)
    expect(await call(provider, 'eth_chainId')).toBe('0x1')
    expect(await call(provider, 'net_version')).toBe('1')

    expect(await call(provider, 'wallet_switchEthereumChain', [{ chainId: '0x7a69' }])).toBe(null)
    expect(changed).toHaveBeenCalledWith('0x7a69')
    expect(await call(provider, 'eth_chainId')).toBe('0x7a69')
    expect(await call(provider, 'net_version')).toBe('31337')
    expect(provider.chain.id).toBe(foundry.id)

    await call(provider, 'wallet_switchEthereumChain', [{ chainId: '0x7a69' }])
    expect(changed).toHaveBeenCalledOnce()
  })

  test('an unknown chain is 4902 (EIP-3326)', async () => {
    const { provider } = await setup()
    const error = await rejection(
      call(provider, 'wallet_switchEthereumChain', [{ chainId: '0xa' }]),
    )
    expect(error.code).toBe(4902)
    expect(error.cause).toBeInstanceOf(ChainNotConfiguredError)
    expect(error.message).toContain('Add the chain to `chains`')
    expect((await rejection(call(provider, 'wallet_switchEthereumChain', [{}]))).code).toBe(-32602)
    expect(await call(provider, 'eth_chainId')).toBe('0x1')
  })

  test('wallet_addEthereumChain accepts configured chains only', async () => {
    const { provider } = await setup()
    const params = [{ chainId: '0x7a69', chainName: 'Foundry', rpcUrls: ['http://x'] }]
    expect(await call(provider, 'wallet_addEthereumChain', params)).toBe(null)
    const error = await rejection(call(provider, 'wallet_addEthereumChain', [{ chainId: '0xa' }]))
    expect(error.code).toBe(4902)
  })

  test('requests go to the transport of the current chain', async () => {
    const { provider, rpc } = await setup()
    expect(await call(provider, 'eth_getBalance', [alice.address, 'latest'])).toBe(
      '0xde0b6b3a7640000',
    )
    await call(provider, 'wallet_switchEthereumChain', [{ chainId: '0x7a69' }])
    await call(provider, 'eth_blockNumber')
    expect(rpc[mainnet.id]!.state.requests.map((r) => r.method)).toEqual(['eth_getBalance'])
    expect(rpc[foundry.id]!.state.requests.map((r) => r.method)).toEqual(['eth_blockNumber'])
  })

  test('a node error keeps its code', async () => {
    const { provider } = await setup()
    const error = await rejection(call(provider, 'eth_getProof', []))
    expect(error.code).toBe(-32601)
  })

  test('eth_signTransaction is prepared and signed for the chain it arrived on', async () => {
    // The node answers after 100 ms; the app switches to chain 31337 while fees are filled in.
    const { provider, signer, rpc } = await setup({ latency: 100 })
    const pending = call(provider, 'eth_signTransaction', [
      { from: alice.address, to: stranger, value: '0xde0b6b3a7640000', chainId: '0x1' },
    ])
    await new Promise((resolve) => setTimeout(resolve, 150))
    await call(provider, 'wallet_switchEthereumChain', [{ chainId: '0x7a69' }])
    const raw = (await pending) as Hex
    expect(parseTransaction(raw)).toMatchObject({ chainId: 1, nonce: 7, value: 10n ** 18n })
    const { r: _r, s: _s, v: _v, yParity: _y, ...transaction } = parseTransaction(raw)
    expect(await alice.signTransaction(transaction as TransactionSerializable)).toBe(raw)
    expect(signer.state.calls.filter((c) => c.operation === 'signTransaction')).toHaveLength(1)
    // Nothing of it went to the other chain's node.
    expect(rpc[foundry.id]!.state.requests).toEqual([])
  })

  test('eth_sendTransaction and a switch while the device reviews: signed and sent on chain 1', async () => {
    const { provider, signer, rpc } = await setup()
    signer.state.delay = 100
    const pending = call(provider, 'eth_sendTransaction', [{ from: alice.address, to: stranger }])
    await new Promise((resolve) => setTimeout(resolve, 50))
    await call(provider, 'wallet_switchEthereumChain', [{ chainId: '0x7a69' }])
    await pending
    expect(rpc[foundry.id]!.state.sent).toEqual([])
    expect(parseTransaction(rpc[mainnet.id]!.state.sent[0]!).chainId).toBe(1)
  })
})

describe('personal_sign', () => {
  test('hex data is signed as raw bytes', async () => {
    const { provider } = await setup()
    const signature = await call(provider, 'personal_sign', ['0xdeadbeef', alice.address])
    expect(signature).toBe(await alice.signMessage({ message: { raw: '0xdeadbeef' } }))
  })

  test('any other string is signed as UTF-8, like MetaMask', async () => {
    const { provider } = await setup()
    for (const message of ['hello', 'Sign in to example.com ✓', '0xnot hex', '0x123'])
      expect(await call(provider, 'personal_sign', [message, alice.address])).toBe(
        await alice.signMessage({ message }),
      )
  })

  test('accounts are compared case-insensitively', async () => {
    const { provider } = await setup()
    const signature = await call(provider, 'personal_sign', ['0x00', alice.address.toLowerCase()])
    expect(signature).toBe(await alice.signMessage({ message: { raw: '0x00' } }))
  })

  test('an account that is not connected is 4100', async () => {
    const { provider } = await setup({ connect: false })
    const error = await rejection(call(provider, 'personal_sign', ['0x00', alice.address]))
    expect(error.code).toBe(4100)
    expect(error.cause).toBeInstanceOf(AccountNotConnectedError)
    await call(provider, 'eth_requestAccounts')
    expect((await rejection(call(provider, 'personal_sign', ['0x00', stranger]))).code).toBe(4100)
    expect((await rejection(call(provider, 'personal_sign', ['0x00', 'me']))).code).toBe(-32602)
  })

  test('a rejection on the device is 4001, with the remedy', async () => {
    const { provider, signer } = await setup()
    signer.state.failNext = new UserRejectedOnDeviceError()
    const error = await rejection(call(provider, 'personal_sign', ['0x00', alice.address]))
    expect(error.code).toBe(4001)
    expect(error.cause).toBeInstanceOf(UserRejectedOnDeviceError)
    expect(error.message).toContain('approve on the device if you meant to')
  })
})

describe('eth_signTypedData_v4', () => {
  test('a JSON string or an object', async () => {
    const { provider } = await setup()
    const expected = await alice.signTypedData(typedData as never)
    expect(
      await call(provider, 'eth_signTypedData_v4', [alice.address, JSON.stringify(typedData)]),
    ).toBe(expected)
    expect(await call(provider, 'eth_signTypedData_v4', [alice.address, typedData])).toBe(expected)
    const hexChainId = { ...typedData, domain: { ...typedData.domain, chainId: '0x1' } }
    expect(await call(provider, 'eth_signTypedData_v4', [alice.address, hexChainId])).toBe(expected)
  })

  test('domain.chainId must be the current chain (-32602, like MetaMask)', async () => {
    const { provider, signer } = await setup()
    await call(provider, 'wallet_switchEthereumChain', [{ chainId: '0x7a69' }])
    const calls = signer.state.calls.length
    const error = await rejection(
      call(provider, 'eth_signTypedData_v4', [alice.address, JSON.stringify(typedData)]),
    )
    expect(error.code).toBe(-32602)
    expect(error.cause).toBeInstanceOf(ChainIdMismatchError)
    expect(error.message).toContain('Switch the wallet to chain 1')
    expect(signer.state.calls.length).toBe(calls)

    const { chainId: _, ...domain } = typedData.domain
    const anyChain = { ...typedData, types: { ...typedData.types, EIP712Domain: [] }, domain }
    anyChain.types.EIP712Domain = typedData.types.EIP712Domain.filter(
      (field) => field.name !== 'chainId',
    ) as never
    expect(await call(provider, 'eth_signTypedData_v4', [alice.address, anyChain])).toBe(
      await alice.signTypedData(anyChain as never),
    )
  })

  test('malformed typed data is -32602', async () => {
    const { provider } = await setup()
    for (const data of ['{nope', '[]', 42])
      expect(
        (await rejection(call(provider, 'eth_signTypedData_v4', [alice.address, data]))).code,
      ).toBe(-32602)
  })
})

describe('transactions', () => {
  async function expectSignedByAlice(raw: Hex) {
    const { r: _r, s: _s, v: _v, yParity: _y, ...transaction } = parseTransaction(raw)
    expect(await alice.signTransaction(transaction as TransactionSerializable)).toBe(raw)
  }

  test('eth_sendTransaction fills from the RPC, signs on the device and broadcasts', async () => {
    const { provider, rpc } = await setup()
    const hash = await call(provider, 'eth_sendTransaction', [
      { from: alice.address, to: stranger, value: '0xde0b6b3a7640000', data: '0x1234' },
    ])
    const node = rpc[mainnet.id]!.state
    expect(node.sent).toHaveLength(1)
    const raw = node.sent[0]!
    expect(hash).toBe(keccak256(raw))
    await expectSignedByAlice(raw)
    expect(parseTransaction(raw)).toMatchObject({
      type: 'eip1559',
      chainId: 1,
      nonce: 7,
      to: stranger.toLowerCase(),
      value: 10n ** 18n,
      data: '0x1234',
      gas: 21_000n,
    })
  })

  test('fields the app sets are kept; legacy stays legacy', async () => {
    const { provider, rpc } = await setup()
    await call(provider, 'eth_sendTransaction', [
      {
        from: alice.address,
        to: stranger,
        type: '0x0',
        gas: '0x7530',
        gasPrice: '0x77359400',
        nonce: '0x2a',
        chainId: '0x1',
      },
    ])
    const raw = rpc[mainnet.id]!.state.sent[0]!
    await expectSignedByAlice(raw)
    expect(parseTransaction(raw)).toMatchObject({
      type: 'legacy',
      gas: 30_000n,
      gasPrice: 2_000_000_000n,
      nonce: 42,
      chainId: 1,
    })
  })

  test('sends on the current chain', async () => {
    const { provider, rpc } = await setup()
    await call(provider, 'wallet_switchEthereumChain', [{ chainId: '0x7a69' }])
    await call(provider, 'eth_sendTransaction', [{ from: alice.address, to: stranger }])
    expect(rpc[mainnet.id]!.state.sent).toHaveLength(0)
    const raw = rpc[foundry.id]!.state.sent[0]!
    expect(parseTransaction(raw).chainId).toBe(foundry.id)
    await expectSignedByAlice(raw)
  })

  test('eth_signTransaction signs without sending', async () => {
    const { provider, rpc } = await setup()
    const raw = await call(provider, 'eth_signTransaction', [
      { from: alice.address, to: stranger, value: '0x1' },
    ])
    expect(rpc[mainnet.id]!.state.sent).toHaveLength(0)
    await expectSignedByAlice(raw)
    expect(parseTransaction(raw)).toMatchObject({ nonce: 7, gas: 21_000n, chainId: 1 })
  })

  test('refusals: codes and nothing sent', async () => {
    const { provider, rpc, signer } = await setup()
    const send = (tx: Record<string, unknown>) =>
      rejection(
        call(provider, 'eth_sendTransaction', [{ from: alice.address, to: stranger, ...tx }]),
      )

    const mismatch = await send({ chainId: '0xa' })
    expect(mismatch.code).toBe(-32602)
    expect(mismatch.cause).toBeInstanceOf(ChainIdMismatchError)
    expect((await send({ type: '0x3' })).message).toContain('blob transactions')
    expect((await send({ type: '0x5' })).code).toBe(-32602)
    expect((await send({ value: 100 })).code).toBe(-32602)
    expect((await send({ from: stranger })).code).toBe(4100)
    expect((await send({ from: undefined })).code).toBe(-32602)
    // Odd-length hex is refused, never padded into other bytes; eth_signTransaction alike.
    expect((await send({ data: '0xabc' })).code).toBe(-32602)
    expect((await send({ input: '0xabc' })).code).toBe(-32602)
    const signOdd = await rejection(
      call(provider, 'eth_signTransaction', [{ from: alice.address, to: stranger, data: '0xabc' }]),
    )
    expect(signOdd.code).toBe(-32602)
    expect(signOdd.cause).toBeInstanceOf(InvalidRequestError)
    expect(signer.state.calls.filter((c) => c.operation === 'signTransaction')).toHaveLength(0)

    signer.state.failNext = new UserRejectedOnDeviceError()
    const rejected = await send({})
    expect(rejected.code).toBe(4001)
    expect(rejected.message).toContain('Nothing was signed')

    signer.state.failNext = new DeviceDisconnectedError()
    expect((await send({})).code).toBe(4900)
    expect(rpc[mainnet.id]!.state.sent).toHaveLength(0)
  })

  test('bad fees, types and addresses are -32602 before the device, never signed in part', async () => {
    const { provider, rpc, signer } = await setup()
    const cases: Record<string, unknown>[] = [
      { maxFeePerGas: `0x1${'0'.repeat(64)}` },
      { type: '0x0', maxFeePerGas: '0x5' },
      { type: '0x1', maxFeePerGas: '0x5', gasPrice: '0x5' },
      { type: '0x0', maxPriorityFeePerGas: '0x1' },
      { maxFeePerGas: '0x5', maxPriorityFeePerGas: '0x6' },
      // Below the priority fee the node asks for.
      { maxFeePerGas: '0x5' },
      { to: '0x70997970c51812dc3A010C7d01b50e0d17dc79C8' },
      // Fields the type has no place for: viem would drop them and sign the rest.
      { type: '0x2', gasPrice: '0x5' },
      { gasPrice: '0x5', maxFeePerGas: '0x6' },
      { type: '0x0', accessList: [] },
      { gasPrice: '0x5', authorizationList: [] },
      { type: '0x4', authorizationList: [] },
      { maxFeePerBlobGas: '0x5' },
      { gas: '0x5208', gasLimit: '0x5209' },
    ]
    for (const method of ['eth_signTransaction', 'eth_sendTransaction'])
      for (const fields of cases) {
        const request = { from: alice.address, to: stranger, ...fields }
        const error = await rejection(call(provider, method, [request]))
        expect([method, fields, error.code]).toEqual([method, fields, -32602])
        expect(error.cause).toBeInstanceOf(InvalidRequestError)
      }
    expect(signer.state.calls.filter((c) => c.operation === 'signTransaction')).toHaveLength(0)
    expect(rpc[mainnet.id]!.state.sent).toHaveLength(0)
  })
})

describe('refused and unknown methods', () => {
  test('eth_sign is 4200: devices do not sign raw hashes', async () => {
    const { provider } = await setup()
    const error = await rejection(
      call(provider, 'eth_sign', [alice.address, `0x${'11'.repeat(32)}`]),
    )
    expect(error.code).toBe(4200)
    expect(error.cause).toBeInstanceOf(UnsupportedByDeviceError)
  })

  test('signing methods the node could answer with its own keys are never forwarded', async () => {
    const { provider, rpc } = await setup()
    for (const method of [
      'eth_signTypedData',
      'eth_signTypedData_v3',
      'personal_sendTransaction',
      'personal_unlockAccount',
      'eth_decrypt',
    ])
      expect((await rejection(call(provider, method, []))).code).toBe(4200)
    expect(rpc[mainnet.id]!.state.requests).toEqual([])
  })

  test('only the documented read-only methods reach the node; any other is 4200', async () => {
    const { provider, rpc } = await setup()
    for (const method of [
      'eth_signTypedData_v2',
      'ETH_SIGN',
      'Eth_SendTransaction',
      'eth_sendUnsignedTransaction',
      'account_signTransaction',
      'eth_accounts ',
      'debug_traceCall',
      'anvil_impersonateAccount',
      'hardhat_setBalance',
      'eth_submitWork',
    ])
      expect([method, (await rejection(call(provider, method, []))).code]).toEqual([method, 4200])
    expect(rpc[mainnet.id]!.state.requests).toEqual([])
    for (const method of forwardedMethods) await call(provider, method, []).catch(() => {})
    expect(rpc[mainnet.id]!.state.requests.map((r) => r.method)).toEqual([...forwardedMethods])
  })

  test('the provider README lists exactly the forwarded methods', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const list = readme.split('\nForwarded: ')[1]?.split('\n\n')[0] ?? ''
    const listed = [...list.matchAll(/`([a-z0-9_]+)`/gi)].map((match) => match[1])
    expect(listed.sort()).toEqual([...forwardedMethods].sort())
  })

  test('unknown wallet_ methods are -32601, so viem falls back for wallet_sendCalls', async () => {
    const { provider, rpc } = await setup()
    const error = await rejection(call(provider, 'wallet_sendCalls', [{ calls: [] }]))
    expect(error.code).toBe(-32601)
    expect(rpc[mainnet.id]!.state.requests).toEqual([])
  })
})

describe('parameters', () => {
  test('starts on chainId', async () => {
    const signer = createTestSigner()
    const account = await toHardwareAccount(signer, { index: 0, scheme: 'bip44' })
    const provider = createHardwareProvider({
      accounts: [account],
      chains: [mainnet, foundry],
      chainId: foundry.id,
    })
    expect(provider.chain.id).toBe(foundry.id)
    expect(() => createHardwareProvider({ account, chains: [mainnet], chainId: 10 })).toThrowError(
      ChainNotConfiguredError,
    )
  })

  test('one transport for every chain', async () => {
    const signer = createTestSigner()
    const account = await toHardwareAccount(signer, { index: 0, scheme: 'bip44' })
    const { transport, state } = createTestRpc(mainnet)
    const provider = createHardwareProvider({ account, chains: [mainnet, foundry], transport })
    await call(provider, 'wallet_switchEthereumChain', [{ chainId: '0x7a69' }])
    await call(provider, 'eth_blockNumber')
    expect(state.requests.map((r) => r.method)).toEqual(['eth_blockNumber'])
  })
})
