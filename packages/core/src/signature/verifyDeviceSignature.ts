import {
  type Address,
  type Hash,
  type Hex,
  isAddressEqual,
  recoverAddress,
  type Signature,
} from 'viem'
import { SignatureMismatchError } from '../errors/signature.js'
import type { DeviceSignature } from '../signer/types.js'
import { isSignedBy } from './isSignedBy.js'

export type VerifyDeviceSignatureParameters = {
  /** The account the signature must come from. */
  address: Address
  /** The digest the device was asked to sign. */
  hash: Hash
  signature: DeviceSignature
  /**
   * The account's uncompressed public key (`0x04…`). With it, the signature is checked against the
   * key directly, which is about 4× faster than recovering the signer; the key must belong to
   * `address`, or the signature is rejected.
   */
  publicKey?: Hex | undefined
}

/**
 * Checks that the account made `signature` over `hash`: against `publicKey` when given, else by
 * recovering the signer and comparing it with `address`. Returns the signature in viem's
 * shape (`r`, `s` padded to 32 bytes, `v` 27/28, `yParity`); throws `SignatureMismatchError`
 * otherwise, so that nothing the device did not make for this account reaches the app.
 */
export async function verifyDeviceSignature(
  parameters: VerifyDeviceSignatureParameters,
): Promise<Signature & { yParity: 0 | 1; v: bigint }> {
  const { address, hash, signature, publicKey } = parameters
  const normalized = normalizeSignature(signature)
  // A signature the fast check rejects goes through recovery too, for the error's `recovered`.
  if (normalized && publicKey) {
    if (await isSignedBy({ signature: normalized, hash, address, publicKey })) return normalized
  }
  let recovered: Address | undefined
  try {
    if (normalized) recovered = await recoverAddress({ hash, signature: normalized })
  } catch (cause) {
    throw new SignatureMismatchError({ expected: address, cause })
  }
  if (!normalized || !recovered || !isAddressEqual(recovered, address))
    throw new SignatureMismatchError({ expected: address, recovered })
  return normalized
}

const secp256k1HalfOrder = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n

function normalizeSignature(
  signature: DeviceSignature,
): (Signature & { yParity: 0 | 1; v: bigint }) | undefined {
  const { r, s, yParity } = signature
  if (yParity !== 0 && yParity !== 1) return undefined
  const padded = (value: Hex): Hex | undefined =>
    /^0x[0-9a-fA-F]{1,64}$/.test(value)
      ? (`0x${value.slice(2).toLowerCase().padStart(64, '0')}` as Hex)
      : undefined
  const paddedR = padded(r)
  const paddedS = padded(s)
  if (!paddedR || !paddedS) return undefined
  // EIP-2: nodes reject high-s signatures, and devices never make them.
  const sValue = BigInt(paddedS)
  if (BigInt(paddedR) === 0n || sValue === 0n || sValue > secp256k1HalfOrder) return undefined
  return { r: paddedR, s: paddedS, v: yParity ? 28n : 27n, yParity }
}
