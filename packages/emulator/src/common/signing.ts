import { secp256k1 } from '@noble/curves/secp256k1'
import type { FaultQueue } from './faults.js'

/** A secp256k1 signature over a 32-byte digest, as a device computes it before encoding `v`. */
export type DigestSignature = {
  readonly r: Uint8Array
  readonly s: Uint8Array
  /** Recovery id: bit 0 is the y parity of R, bit 1 says R.x was >= n (practically never). */
  readonly recovery: number
}

/** RFC 6979 deterministic ECDSA with low s, as both devices sign. TEST KEYS ONLY. */
export function ecdsaSign(privateKey: Uint8Array, digest: Uint8Array): DigestSignature {
  const signature = secp256k1.sign(digest, privateKey, { lowS: true })
  return { r: toBytes32(signature.r), s: toBytes32(signature.s), recovery: signature.recovery }
}

/**
 * Signs `path`'s digest with `sign`, spoiled by the signature faults armed in `faults` (which it
 * consumes): `wrong-key` signs with the next sibling key, `corrupt-signature` flips the last bit of
 * r or s, `wrong-v` flips the parity.
 */
export function signWithFaults(
  faults: FaultQueue,
  path: readonly number[],
  sign: (path: readonly number[]) => DigestSignature,
): DigestSignature {
  const armed = faults.takeSignatureFaults()
  const wrongKey = armed.some((fault) => fault.type === 'wrong-key')
  let { r, s, recovery } = sign(wrongKey ? siblingPath(path) : path)
  for (const fault of armed) {
    if (fault.type === 'corrupt-signature' && fault.part === 's') s = flipLastBit(s)
    else if (fault.type === 'corrupt-signature') r = flipLastBit(r)
    else if (fault.type === 'wrong-v') recovery ^= 1
  }
  return { r, s, recovery }
}

/** The path of the next key at the same level: m/…/0 → m/…/1. */
function siblingPath(path: readonly number[]): number[] {
  return [...path.slice(0, -1), ((path.at(-1) ?? 0) + 1) >>> 0]
}

function flipLastBit(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice()
  copy[copy.length - 1]! ^= 1
  return copy
}

function toBytes32(value: bigint): Uint8Array {
  const bytes = new Uint8Array(32)
  let rest = value
  for (let i = 31; i >= 0; i--) {
    bytes[i] = Number(rest & 0xffn)
    rest >>= 8n
  }
  return bytes
}
