import { type Address, type Hash, type Hex, isAddressEqual, toHex } from 'viem'
import { publicKeyToAddress } from 'viem/accounts'

export const secp256k1Order = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n

type Point = import('@noble/curves/abstract/weierstrass').ProjPointType<bigint>

export type IsSignedByParameters = {
  signature: { r: Hex; s: Hex; yParity: 0 | 1 }
  hash: Hash
  address: Address
  /** Uncompressed (`0x04…`) or compressed; must belong to `address`. */
  publicKey: Hex
}

/** Decoded public keys by `address:publicKey`, only those that belong to their address. */
const points = new Map<string, Point>()

/**
 * Whether the key of `address`, `publicKey`, signed `hash`: the point R = (z/s)·G + (r/s)·P must be
 * the one that recovery decodes from `r` and `yParity` (x = r, y of that parity), which holds
 * exactly when recovery returns P. Same acceptance as `recoverAddress` (noble `recoverPublicKey`,
 * recovery bits 0 and 1), without the square root and inversions of decoding R.
 */
export async function isSignedBy(parameters: IsSignedByParameters): Promise<boolean> {
  const { signature, hash, address, publicKey } = parameters
  const { secp256k1 } = await import('@noble/curves/secp256k1')
  const n = secp256k1Order
  const key = `${address.toLowerCase()}:${publicKey.toLowerCase()}`
  let P = points.get(key)
  if (!P) {
    try {
      P = secp256k1.ProjectivePoint.fromHex(publicKey.slice(2))
    } catch {
      return false
    }
    if (!isAddressEqual(publicKeyToAddress(toHex(P.toRawBytes(false))), address)) return false
    // A precomputed table for P (built on first use), as noble keeps for G: ~4× faster products.
    P._setWindowSize(8)
    if (points.size >= 64) points.clear()
    points.set(key, P)
  }
  const r = BigInt(signature.r)
  const s = BigInt(signature.s)
  if (r < 1n || r >= n || s < 1n || s >= n) return false
  const z = BigInt(hash) % n
  const sInverse = invert(s, n)
  const { BASE, ZERO } = secp256k1.ProjectivePoint
  const u1 = (z * sInverse) % n
  const u2 = (r * sInverse) % n // never 0: r and s are in 1..n-1
  const R = (u1 === 0n ? ZERO : BASE.multiply(u1)).add(P.multiply(u2))
  if (R.equals(ZERO)) return false
  const { x, y } = R.toAffine()
  return x === r && Number(y & 1n) === signature.yParity
}

/** a⁻¹ mod m for prime m (extended Euclid). */
function invert(a: bigint, m: bigint): bigint {
  let [x, y, u, v] = [0n, 1n, m, a % m]
  while (v !== 0n) {
    const q = u / v
    ;[x, y] = [y, x - q * y]
    ;[u, v] = [v, u - q * v]
  }
  return ((x % m) + m) % m
}
