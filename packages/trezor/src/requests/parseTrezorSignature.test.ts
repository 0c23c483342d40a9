import { describe, expect, test } from 'vitest'
import { parseRecoverableSignature, parseTransactionSignature } from './parseTrezorSignature.js'

const r = `0x${'11'.repeat(32)}`
const s = `0x${'22'.repeat(32)}`

describe('parseTransactionSignature', () => {
  test.each([
    // EIP-1559: v is the parity.
    ['eip1559', 1, '0x0', 0],
    ['eip1559', 2 ** 53 - 1, '0x1', 1],
    // Legacy: the full EIP-155 v.
    ['legacy', 1, '0x25', 0],
    ['legacy', 1, '0x26', 1],
    ['legacy', 137, `0x${(137 * 2 + 36).toString(16)}`, 1],
    // Largest chain id whose v the firmware sends in full (trezor-firmware MAX_CHAIN_ID).
    ['legacy', 2147483629, `0x${(2 * 2147483629 + 35).toString(16)}`, 0],
    // Above it the firmware sends the parity and Connect adds 2 * chainId + 35.
    ['legacy', 2147483630, `0x${(2 * 2147483630 + 36).toString(16)}`, 1],
    ['legacy', 2 ** 52 - 18, `0x${(2n * (2n ** 52n - 18n) + 35n).toString(16)}`, 0],
  ] as const)('%s chain %d v=%s -> %d', (type, chainId, v, yParity) => {
    expect(parseTransactionSignature({ signature: { v, r, s }, type, chainId })).toEqual({
      r,
      s,
      yParity,
    })
  })

  test('adds a missing 0x to r and s', () => {
    expect(
      parseTransactionSignature({
        signature: { v: '0x1', r: r.slice(2), s: s.slice(2) },
        type: 'eip1559',
        chainId: 1,
      }),
    ).toEqual({ r, s, yParity: 1 })
  })

  test.each([
    ['eip1559', 1, '0x25'],
    ['legacy', 1, '0x27'],
    ['legacy', 5, '0x25'],
    ['legacy', 1, 'zz'],
  ] as const)('rejects %s chain %d v=%s', (type, chainId, v) => {
    expect(() => parseTransactionSignature({ signature: { v, r, s }, type, chainId })).toThrowError(
      expect.objectContaining({ name: 'UnknownDeviceError' }),
    )
  })
})

describe('parseRecoverableSignature', () => {
  test.each([
    [`${r.slice(2)}${s.slice(2)}1b`, 0],
    [`${r.slice(2)}${s.slice(2)}1c`, 1],
    [`${r}${s.slice(2)}1b`, 0],
    [`${r}${s.slice(2)}01`, 1],
    [`${r}${s.slice(2)}00`, 0],
    [`0X${r.slice(2).toUpperCase()}${s.slice(2)}1C`, 1],
  ])('%s -> yParity %d', (signature, yParity) => {
    expect(parseRecoverableSignature(signature)).toEqual({
      r,
      s,
      yParity,
    })
  })

  test.each(['', `${r}${s.slice(2)}`, `${r}${s.slice(2)}1d`, `${r}${s.slice(2)}1b00`, 'not hex'])(
    'rejects %j',
    (signature) => {
      expect(() => parseRecoverableSignature(signature)).toThrowError(
        /the device returned a malformed signature/,
      )
    },
  )
})
