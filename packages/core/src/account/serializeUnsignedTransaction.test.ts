import { describe, expect, test } from 'vitest'
import { serializeUnsignedTransaction } from './serializeUnsignedTransaction.js'

// Found by test/reliability/fuzz.test.ts: 200 KB of calldata was streamed to the device and signed.
const transaction = {
  chainId: 1,
  maxFeePerGas: 1n,
  to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
} as const

describe('serializeUnsignedTransaction', () => {
  test('refuses a transaction larger than nodes accept (128 KiB)', async () => {
    await expect(
      serializeUnsignedTransaction({
        transaction: { ...transaction, data: `0x${'00'.repeat(128 * 1024)}` },
      }),
    ).rejects.toThrowError(
      expect.objectContaining({
        name: 'InvalidRequestError',
        details: expect.stringMatching(
          /^the transaction is 131\d{3} bytes; nodes accept at most 131072/,
        ),
      }),
    )
  })

  test('accepts 100 KB of calldata', async () => {
    const { type } = await serializeUnsignedTransaction({
      transaction: { ...transaction, data: `0x${'00'.repeat(100_000)}` },
    })
    expect(type).toBe('eip1559')
  })
})

// Found by using Airlock from outside the repository: viem pads odd-length hex, so `0xabc` was
// signed as `0x0abc`.
describe('malformed hex is refused, never padded', () => {
  const address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
  const key = `0x${'11'.repeat(32)}` as const
  const authorization = { address, chainId: 1, nonce: 0, r: key, s: key, yParity: 0 } as const

  test.each([
    ['odd-length data', { data: '0xabc' }, /^"data" must be 0x-prefixed hex bytes/],
    ['data without 0x', { data: 'abcd' }, /^"data" must be 0x-prefixed hex bytes/],
    ['data with a non-hex digit', { data: '0xzz' }, /^"data" must be 0x-prefixed hex bytes/],
    [
      'a short access-list address',
      { accessList: [{ address: '0x1234', storageKeys: [] }] },
      /^"accessList\[0\]\.address" must be 0x-prefixed hex of 20 bytes/,
    ],
    [
      'an odd-length storage key',
      { accessList: [{ address, storageKeys: [`0x${'1'.repeat(63)}`] }] },
      /^"accessList\[0\]\.storageKeys\[0\]" must be 0x-prefixed hex of 32 bytes/,
    ],
    [
      'an access list that is not an array',
      { accessList: { address } },
      /^"accessList" must be an array/,
    ],
    [
      'an odd-length authorization address',
      { authorizationList: [{ ...authorization, address: `0x${'1'.repeat(39)}` }] },
      /^"authorizationList\[0\]\.address" must be 0x-prefixed hex of 20 bytes/,
    ],
    [
      'an authorization r over 32 bytes',
      { authorizationList: [{ ...authorization, r: `0x${'1'.repeat(66)}` }] },
      /^"authorizationList\[0\]\.r" must be a 0x-prefixed hex number/,
    ],
  ])('%s', async (_, fields, reason) => {
    await expect(
      serializeUnsignedTransaction({ transaction: { ...transaction, ...fields } as never }),
    ).rejects.toThrowError(
      expect.objectContaining({
        name: 'InvalidRequestError',
        details: expect.stringMatching(reason),
      }),
    )
  })

  test('even-length data, 32-byte keys and trimmed authorization words are accepted', async () => {
    const { type } = await serializeUnsignedTransaction({
      transaction: {
        ...transaction,
        data: '0x0abc',
        accessList: [{ address, storageKeys: [key] }],
        authorizationList: [{ ...authorization, r: '0x1', s: '0xabc' }],
      },
    })
    expect(type).toBe('eip7702')
  })
})
