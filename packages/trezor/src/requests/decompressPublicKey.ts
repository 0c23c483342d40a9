import { UnknownDeviceError } from '@airlock/core'
import type { Hex } from 'viem'
import { toPrefixedHex } from './toPrefixedHex.js'

const p = 2n ** 256n - 2n ** 32n - 977n

/**
 * Turns a compressed secp256k1 public key (33 bytes, as Trezor returns it, with or without `0x`)
 * into viem's uncompressed `0x04…` form, checking that the point is on the curve (SEC 1, 2.3.4).
 */
export function decompressPublicKey(publicKey: string): Hex {
  const match = /^0x(0[23])([0-9a-f]{64})$/.exec(toPrefixedHex(publicKey))
  const x = match ? BigInt(`0x${match[2]}`) : p
  const right = (x ** 3n + 7n) % p
  // p ≡ 3 (mod 4), so a square root is right^((p + 1) / 4).
  let y = power(right, (p + 1n) / 4n)
  if (x >= p || (y * y) % p !== right)
    throw new UnknownDeviceError({
      details: `the device returned an invalid public key: ${publicKey}`,
    })
  if ((y & 1n) !== BigInt(match![1] === '03')) y = p - y
  return `0x04${x.toString(16).padStart(64, '0')}${y.toString(16).padStart(64, '0')}`
}

function power(base: bigint, exponent: bigint): bigint {
  let result = 1n
  let b = base % p
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % p
    b = (b * b) % p
  }
  return result
}
