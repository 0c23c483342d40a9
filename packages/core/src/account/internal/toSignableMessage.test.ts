import { describe, expect, test } from 'vitest'
import { maxMessageSize, toMessageBytes } from './toSignableMessage.js'

describe('toMessageBytes', () => {
  test('strings, bytes and hex; empty included', () => {
    expect(toMessageBytes('hi')).toBe('0x6869')
    expect(toMessageBytes({ raw: Uint8Array.of(1, 2) })).toBe('0x0102')
    expect(toMessageBytes({ raw: '0xAB' })).toBe('0xab')
    expect(toMessageBytes('')).toBe('0x')
  })

  // Found by test/reliability/fuzz.test.ts: 200 KB messages were streamed to the Ledger and signed.
  test('refuses messages above 64 KiB before the device', () => {
    expect(toMessageBytes('x'.repeat(maxMessageSize))).toHaveLength(2 + 2 * maxMessageSize)
    expect(() => toMessageBytes({ raw: new Uint8Array(maxMessageSize + 1) })).toThrowError(
      expect.objectContaining({
        name: 'InvalidRequestError',
        details: 'the message is 65537 bytes; devices are sent at most 65536',
      }),
    )
  })
})
