import { inspect } from 'node:util'
import { recoverMessageAddress } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { testMnemonic } from '../common/testMnemonic.js'
import { createTrezorEmulator, type TrezorEmulator } from './createTrezorEmulator.js'

const path = "m/44'/60'/0'/0/0"
const account = mnemonicToAccount(testMnemonic)
const tx = {
  to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  value: '0xde0b6b3a7640000',
  gasLimit: '0x5208',
  maxFeePerGas: '0x77359400',
  maxPriorityFeePerGas: '0x3b9aca00',
  nonce: '0x7',
  chainId: 1,
} as const

let emulator: TrezorEmulator
beforeAll(async () => {
  emulator = await createTrezorEmulator()
})
afterAll(() => emulator.dispose())

function reset(): void {
  emulator.setUser('approve')
  emulator.clearLogs()
}

describe('matches viem mnemonicToAccount for the test mnemonic', () => {
  test('addresses', async () => {
    for (const index of [0, 1, 2]) {
      const result = await emulator.connect.ethereumGetAddress({
        path: `m/44'/60'/0'/0/${index}`,
        showOnTrezor: false,
      })
      expect(result.success && result.payload.address).toBe(
        mnemonicToAccount(testMnemonic, { addressIndex: index }).address,
      )
    }
  })

  test('personal message', async () => {
    const result = await emulator.connect.ethereumSignMessage({ path, message: 'hello airlock' })
    if (!result.success) throw new Error(result.payload.error)
    // Connect returns the signature without 0x.
    expect(`0x${result.payload.signature}`).toBe(
      await account.signMessage({ message: 'hello airlock' }),
    )
  })

  test('EIP-1559 and legacy transactions', async () => {
    const eip1559 = await emulator.connect.ethereumSignTransaction({ path, transaction: tx })
    if (!eip1559.success) throw new Error(eip1559.payload.error)
    expect(eip1559.payload.serializedTx).toBe(
      await account.signTransaction({
        type: 'eip1559',
        chainId: 1,
        to: tx.to,
        value: BigInt(tx.value),
        gas: BigInt(tx.gasLimit),
        maxFeePerGas: BigInt(tx.maxFeePerGas),
        maxPriorityFeePerGas: BigInt(tx.maxPriorityFeePerGas),
        nonce: 7,
      }),
    )
    expect(eip1559.payload.v).toMatch(/^0x[01]$/)

    const legacy = await emulator.connect.ethereumSignTransaction({
      path,
      transaction: {
        to: tx.to,
        value: tx.value,
        gasLimit: tx.gasLimit,
        gasPrice: '0x3b9aca00',
        nonce: '0x7',
        chainId: 1,
      },
    })
    if (!legacy.success) throw new Error(legacy.payload.error)
    expect(legacy.payload.serializedTx).toBe(
      await account.signTransaction({
        type: 'legacy',
        chainId: 1,
        to: tx.to,
        value: BigInt(tx.value),
        gas: BigInt(tx.gasLimit),
        gasPrice: 1_000_000_000n,
        nonce: 7,
      }),
    )
    expect(['0x25', '0x26']).toContain(legacy.payload.v)
  })

  test('typed data', async () => {
    const typedData = {
      types: {
        EIP712Domain: [
          { name: 'name', type: 'string' },
          { name: 'chainId', type: 'uint256' },
        ],
        Mail: [
          { name: 'to', type: 'address' },
          { name: 'contents', type: 'string' },
          { name: 'tags', type: 'bytes32[]' },
        ],
      },
      primaryType: 'Mail',
      domain: { name: 'Airlock', chainId: 1 },
      message: {
        to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
        contents: 'hi',
        tags: [`0x${'ab'.repeat(32)}`, `0x${'cd'.repeat(32)}`],
      },
    } as const
    const result = await emulator.connect.ethereumSignTypedData({
      path,
      data: typedData as never,
      metamask_v4_compat: true,
    })
    if (!result.success) throw new Error(result.payload.error)
    expect(result.payload.signature).toBe(await account.signTypedData(typedData as never))
    // Every value, as the Core firmware formats it (core/src/apps/ethereum/helpers.py
    // `decode_typed_data`), after the struct and array prompts the emulated user opens.
    expect(emulator.reviews.at(-1)?.screens.slice(1)).toEqual([
      { title: 'EIP712Domain.name', value: 'Airlock' },
      { title: 'EIP712Domain.chainId', value: '1' },
      { title: 'Confirm message', value: 'Mail: contains 3 keys: to, contents, tags' },
      { title: 'Mail.to', value: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' },
      { title: 'Mail.contents', value: 'hi' },
      { title: 'Mail.tags', value: 'Array of 2 bytes32s' },
      { title: 'Mail.tags[0]', value: 'ab'.repeat(32) },
      { title: 'Mail.tags[1]', value: 'cd'.repeat(32) },
      { title: 'Confirm typed data', value: 'Really sign EIP-712 typed data?' },
    ])
  })

  test('typed data: a 20 kB string is shown in full, as the firmware pages through it', async () => {
    const typedData = {
      types: {
        EIP712Domain: [{ name: 'name', type: 'string' }],
        Note: [{ name: 'text', type: 'string' }],
      },
      primaryType: 'Note',
      domain: { name: 'Airlock' },
      message: { text: `${'x'.repeat(20_000)}\u202E` },
    } as const
    const result = await emulator.connect.ethereumSignTypedData({
      path,
      data: typedData as never,
      metamask_v4_compat: true,
    })
    if (!result.success) throw new Error(result.payload.error)
    expect(result.payload.signature).toBe(await account.signTypedData(typedData as never))
    const text = emulator.reviews.at(-1)?.screens.find((screen) => screen.title === 'Note.text')
    expect(text?.value).toBe(`${'x'.repeat(20_000)}\uFFFD`)
  })
})

describe('screens, user and logs', () => {
  test('a rejection on one screen rejects the review with Failure_ActionCancelled', async () => {
    reset()
    const seen: string[] = []
    emulator.setUser((screen) => {
      seen.push(screen.title)
      return screen.title === 'Amount' ? 'reject' : 'approve'
    })
    const result = await emulator.connect.ethereumSignTransaction({ path, transaction: tx })
    expect(result).toMatchObject({
      success: false,
      payload: { error: 'Cancelled', code: 'Failure_ActionCancelled' },
    })
    expect(seen).toEqual(['Recipient', 'Amount'])
    expect(emulator.reviews).toEqual([
      {
        operation: 'transaction',
        outcome: 'rejected',
        screens: [
          { title: 'Recipient', value: tx.to },
          { title: 'Amount', value: '1 ETH' },
          { title: 'Maximum fee', value: '0.00004200 ETH'.replace('0.00004200', '0.000042') },
          { title: 'Chain ID', value: '1' },
        ],
      },
    ])
  })

  test('data is streamed in EthereumTxRequest chunks of at most 1024 bytes', async () => {
    reset()
    const data = `0x${'ab'.repeat(3000)}` as const
    const result = await emulator.connect.ethereumSignTransaction({
      path,
      transaction: { ...tx, data },
    })
    expect(result.success).toBe(true)
    const requests = emulator.exchanges
      .map((exchange) => exchange.response)
      .filter((response) => response.startsWith('EthereumTxRequest {"data_length"'))
    expect(requests).toEqual([
      'EthereumTxRequest {"data_length":1024}',
      'EthereumTxRequest {"data_length":952}',
    ])
  })

  test('logs and descriptions never show the mnemonic', async () => {
    const text = JSON.stringify([emulator.exchanges, emulator.reviews])
    expect(text).not.toContain('junk')
    expect(String(emulator)).toBe('TrezorEmulator(T3T1 2.12.4, TEST KEYS ONLY)')
    expect(inspect(emulator)).toBe('TrezorEmulator(T3T1 2.12.4, TEST KEYS ONLY)')
  })

  test('latency is added per 64-byte frame', async () => {
    reset()
    const started = Date.now()
    emulator.setLatency({ perFrame: 10 })
    await emulator.connect.ethereumGetAddress({ path, showOnTrezor: false })
    emulator.setLatency(0)
    // At least GetAddress(testnet) + EthereumGetAddress, each 2 frames.
    expect(Date.now() - started).toBeGreaterThanOrEqual(40)
  })
})

describe('faults', () => {
  const message = 'fault injection'
  const sign = () => emulator.connect.ethereumSignMessage({ path, message })

  test('corrupt-signature, wrong-key and wrong-v', async () => {
    reset()
    const clean = await sign()
    if (!clean.success) throw new Error(clean.payload.error)
    const expected = clean.payload.signature

    emulator.injectFault({ type: 'corrupt-signature', part: 's' })
    const corrupted = await sign()
    expect(corrupted.success && corrupted.payload.signature).not.toBe(expected)
    expect(corrupted.success && corrupted.payload.signature.slice(0, 64)).toBe(
      expected.slice(0, 64),
    )

    emulator.injectFault({ type: 'wrong-key' })
    const wrongKey = await sign()
    if (!wrongKey.success) throw new Error(wrongKey.payload.error)
    expect(
      await recoverMessageAddress({ message, signature: `0x${wrongKey.payload.signature}` }),
    ).toBe(mnemonicToAccount(testMnemonic, { addressIndex: 1 }).address)

    emulator.injectFault({ type: 'wrong-v' })
    const wrongV = await sign()
    expect(wrongV.success && wrongV.payload.signature.slice(0, 128)).toBe(expected.slice(0, 128))
    expect(wrongV.success && wrongV.payload.signature.slice(128)).not.toBe(expected.slice(128))
  })

  test('busy answers Failure_Busy', async () => {
    emulator.injectFault({ type: 'busy', atExchange: 1 })
    expect(await sign()).toMatchObject({
      success: false,
      payload: { error: 'Device is busy', code: 'Failure_Busy' },
    })
    expect((await sign()).success).toBe(true)
  })

  test('unplug at an exchange fails the call with Device_Disconnected; plug brings it back', async () => {
    emulator.injectFault({ type: 'unplug', atExchange: 2 })
    expect(await sign()).toMatchObject({
      success: false,
      payload: { error: 'Device disconnected', code: 'Device_Disconnected' },
    })
    expect(emulator.connected).toBe(false)
    await emulator.plug()
    expect((await sign()).success).toBe(true)
  })

  test('no-answer leaves the call pending until the device goes away', async () => {
    emulator.injectFault({ type: 'no-answer', atExchange: 1 })
    const pending = sign()
    const raced = await Promise.race([
      pending,
      new Promise((r) => setTimeout(() => r('pending'), 300)),
    ])
    expect(raced).toBe('pending')
    await emulator.unplug()
    expect(await pending).toMatchObject({
      success: false,
      payload: { code: 'Device_Disconnected' },
    })
    await emulator.plug()
  })

  test('lock mid-flow asks for the PIN; the user enters it or cancels', async () => {
    reset()
    emulator.injectFault({ type: 'lock', atExchange: 1 })
    expect((await sign()).success).toBe(true)
    expect(emulator.reviews.map((review) => review.screens[0]?.title)).toEqual([
      'Address',
      'Enter PIN',
    ])
    expect(emulator.locked).toBe(false)

    emulator.lock()
    emulator.setUser((screen) => (screen.title === 'Enter PIN' ? 'reject' : 'approve'))
    expect(await sign()).toMatchObject({
      success: false,
      payload: { error: 'PIN entry cancelled', code: 'Failure_PinCancelled' },
    })
    emulator.unlock()
    emulator.setUser('approve')
    expect((await sign()).success).toBe(true)
  })

  test('Connect cancel while the user decides ends the call, the next one works', async () => {
    reset()
    let decide: (decision: 'approve') => void = () => {}
    emulator.setUser(() => new Promise((resolve) => (decide = resolve)))
    const pending = sign()
    await new Promise((r) => setTimeout(r, 200))
    emulator.connect.cancel('test')
    expect(await pending).toMatchObject({ success: false, payload: { code: 'Method_Cancel' } })
    decide('approve')
    emulator.setUser('approve')
    expect((await sign()).success).toBe(true)
  })
})

test('two emulators in one process are independent', async () => {
  const other = await createTrezorEmulator({
    mnemonic: 'all all all all all all all all all all all all',
    model: 'one',
  })
  try {
    const [mine, theirs] = await Promise.all([
      emulator.connect.ethereumGetAddress({ path, showOnTrezor: false }),
      other.connect.ethereumGetAddress({ path, showOnTrezor: false }),
    ])
    expect(mine.success && mine.payload.address).toBe(account.address)
    expect(theirs.success && theirs.payload.address).toBe(
      '0x73d0385F4d8E00C5e6504C6030F47BF6212736A8',
    )
    expect(other.model).toBe('T1B1')
    // Model One asks the PIN on the host's matrix; the emulator's Connect answers it.
    other.lock()
    const signed = await other.connect.ethereumSignMessage({ path, message: 'one' })
    expect(signed.success).toBe(true)
    expect(other.exchanges.some((e) => e.response.startsWith('PinMatrixRequest'))).toBe(true)
  } finally {
    await other.dispose()
  }
})
