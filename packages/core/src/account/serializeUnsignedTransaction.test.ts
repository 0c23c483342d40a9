import { describe, expect, test } from 'vitest'
import { serializeUnsignedTransaction } from './serializeUnsignedTransaction.js'

// Found by test/reliability/fuzz.test.ts: 200 KB of calldata was streamed to the device and signed.
describe('serializeUnsignedTransaction', () => {
  const transaction = {
    chainId: 1,
    maxFeePerGas: 1n,
    to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  } as const

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
