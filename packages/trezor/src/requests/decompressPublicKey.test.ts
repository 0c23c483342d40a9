import fc from 'fast-check'
import { type Hex, toHex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { decompressPublicKey } from './decompressPublicKey.js'

const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n

function compress(uncompressed: Hex): string {
  const y = BigInt(`0x${uncompressed.slice(68)}`)
  return `${y & 1n ? '03' : '02'}${uncompressed.slice(4, 68)}`
}

describe('decompressPublicKey', () => {
  test('inverts compression, with or without 0x', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: n - 1n }), (key) => {
        const { publicKey } = privateKeyToAccount(toHex(key, { size: 32 }))
        expect(decompressPublicKey(compress(publicKey))).toBe(publicKey)
        expect(decompressPublicKey(`0x${compress(publicKey)}`)).toBe(publicKey)
      }),
      { numRuns: 50 },
    )
  })

  test.each([['04'.padEnd(66, '0')], [`02${'ff'.repeat(32)}`], [`02${'00'.repeat(31)}05`], ['02']])(
    'rejects %s',
    (key) => {
      expect(() => decompressPublicKey(key)).toThrowError(/invalid public key/)
    },
  )
})
