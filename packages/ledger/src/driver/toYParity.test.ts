import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { chainIdAsUint32, toTransactionYParity, toYParity } from './toYParity.js'

/** What the Ethereum app returns for a legacy transaction (app-ethereum ui_common_sign_tx.c). */
const legacyV = (chainId: bigint, parity: number) =>
  (chainIdAsUint32(chainId) * 2 + 35 + parity) & 0xff

describe('toYParity', () => {
  test.each([
    [1n, 37, 0],
    [1n, 38, 1],
    [109n, 253, 0],
    [109n, 254, 1],
    // 110 * 2 + 35 = 255: parity 1 wraps to 0
    [110n, 255, 0],
    [110n, 0, 1],
    [2n ** 31n, 35, 0],
    // 2^32 + 5 is five bytes, 01 00 00 00 05: the app keeps 0x01000000
    [2n ** 32n + 5n, 35, 0],
    [2n ** 32n + 5n, 36, 1],
    [2n ** 40n - 1n, (0xffffffff * 2 + 35 + 1) & 0xff, 1],
  ])('legacy chain %s, v %s: parity %s', (chainId, v, parity) => {
    expect(toYParity(v, { kind: 'legacy', chainId })).toBe(parity)
  })

  test('legacy v for any chain id and parity', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 2n ** 64n }),
        fc.constantFrom(0, 1),
        (chainId, parity) => {
          expect(toYParity(legacyV(chainId, parity), { kind: 'legacy', chainId })).toBe(parity)
          // R.x >= n adds 2
          expect(toYParity(legacyV(chainId, parity + 2), { kind: 'legacy', chainId })).toBe(parity)
        },
      ),
    )
  })

  test('pre-EIP-155, typed transactions, messages', () => {
    expect(toYParity(27, { kind: 'legacy', chainId: undefined })).toBe(0)
    expect(toYParity(28, { kind: 'legacy', chainId: undefined })).toBe(1)
    expect(toYParity(0, { kind: 'typed' })).toBe(0)
    expect(toYParity(1, { kind: 'typed' })).toBe(1)
    expect(toYParity(27, { kind: 'message' })).toBe(0)
    expect(toYParity(28, { kind: 'message' })).toBe(1)
  })

  test('an unexpected byte falls back to its low bit (the recovery check has the last word)', () => {
    expect(toYParity(0x41, { kind: 'typed' })).toBe(1)
    expect(toYParity(0x41, { kind: 'legacy', chainId: 1n })).toBe(0)
  })

  test('reads the type and chain id from the serialized transaction', () => {
    // rlp([0, 1, 21000, 0x, 0, 0x, 2^32 + 5, 0x, 0x])
    const legacy = '0xd18001825208808080850100000005808080'
    expect(toTransactionYParity(36, legacy)).toBe(1)
    expect(toTransactionYParity(1, '0x02c0')).toBe(1)
    // Six fields: no chain id, 27-based.
    expect(toTransactionYParity(28, '0xc6808080808080')).toBe(1)
  })
})
