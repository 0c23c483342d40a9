import { ecdsaSign, signWithFaults } from '../../common/signing.js'
import type { LedgerDevice } from '../device.js'

/** A signature as the device computes it, before it encodes `v`. */
export type DeviceSignature = {
  readonly r: Uint8Array
  readonly s: Uint8Array
  /** y parity of R (0 or 1). */
  readonly parity: number
  /** R.x was >= n (CX_ECCINFO_xGTn); practically never. */
  readonly xGreaterThanN: boolean
}

/**
 * Signs a 32-byte digest with the key at `path`: RFC 6979, low s, like the app's
 * `bip32_derive_ecdsa_sign_rs_hash_256(CX_RND_RFC6979)`. Applies and consumes armed signature faults.
 */
export function signDigest(
  device: LedgerDevice,
  path: readonly number[],
  digest: Uint8Array,
): DeviceSignature {
  const { r, s, recovery } = signWithFaults(device.faults, path, (keyPath) =>
    ecdsaSign(device.keyring.derive(keyPath).privateKey, digest),
  )
  return { r, s, parity: recovery & 1, xGreaterThanN: (recovery & 2) !== 0 }
}

/** `v || r || s` with `v` one byte, the layout of every Ethereum-app signature response. */
export function encodeSignature(v: number, signature: DeviceSignature): Uint8Array {
  const out = new Uint8Array(65)
  out[0] = v & 0xff
  out.set(signature.r, 1)
  out.set(signature.s, 33)
  return out
}
