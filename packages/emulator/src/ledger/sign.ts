import { secp256k1 } from '@noble/curves/secp256k1'
import type { LedgerDevice } from './device.js'

/** A signature as the device computes it, before it encodes `v`. */
export type DeviceSignature = {
  readonly r: Uint8Array
  readonly s: Uint8Array
  /** y parity of R (0 or 1). */
  readonly parity: number
  /** R.x was >= n (CX_ECCINFO_xGTn); practically never. */
  readonly xGreaterThanN: boolean
}

// Any other key, for the `wrong-key` fault.
const otherKeyPath = [0x8000002c, 0x8000003c, 0x80000bad, 0, 0]

/**
 * Signs a 32-byte digest with the key at `path`: RFC 6979, low s, like the app's
 * `bip32_derive_ecdsa_sign_rs_hash_256(CX_RND_RFC6979)`. Applies and consumes pending signature faults.
 */
export function signDigest(
  device: LedgerDevice,
  path: readonly number[],
  digest: Uint8Array,
): DeviceSignature {
  const faults = device.signatureFaults.splice(0)
  const wrongKey = faults.some((f) => f.type === 'wrong-key')
  const key = device.keyring.derive(wrongKey ? otherKeyPath : path)
  const signature = secp256k1.sign(digest, key.privateKey, { lowS: true })
  const r = bigintTo32(signature.r)
  const s = bigintTo32(signature.s)
  let parity = signature.recovery & 1
  for (const fault of faults) {
    if (fault.type === 'wrong-v') parity ^= 1
    if (fault.type === 'corrupt-signature') {
      const part = fault.part === 's' ? s : r
      part[31] = part[31]! ^ 0x01
    }
  }
  return { r, s, parity, xGreaterThanN: (signature.recovery & 2) !== 0 }
}

/** `v || r || s` with `v` one byte, the layout of every Ethereum-app signature response. */
export function encodeSignature(v: number, signature: DeviceSignature): Uint8Array {
  const out = new Uint8Array(65)
  out[0] = v & 0xff
  out.set(signature.r, 1)
  out.set(signature.s, 33)
  return out
}

function bigintTo32(value: bigint): Uint8Array {
  const out = new Uint8Array(32)
  let rest = value
  for (let i = 31; i >= 0; i--) {
    out[i] = Number(rest & 0xffn)
    rest >>= 8n
  }
  return out
}
