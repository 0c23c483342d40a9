import { secp256k1 } from '@noble/curves/secp256k1'
import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex, type Hex, hexToBytes } from 'viem'

/**
 * The Ethereum app's CAL ("crypto asset list") key: `LEDGER_SIGNATURE_PUBLIC_KEY`, production
 * variant (app-ethereum src/public_keys.h:38-43, "production key 2019-01-11 03:07PM (erc20signer)").
 * It signs ERC-20 token descriptors (0x0A) and EIP-712 filters (0x1E).
 */
export const ledgerCalPublicKey: Hex =
  '0x045e6c1020c14dc46442fe89f97c0b68cdb15976dc24f24c316e7b30fe4e8cc76b1489150c21514ebf440ff5dea5393d83de5358cd098fce8fd0f81daa94979183'

/**
 * Whether `signature` (DER) is the CAL key's ECDSA signature of `sha256(message)`, as the app's
 * `check_signature_with_pubkey` checks it (src/ledger_pki.c:41-52, legacy path without a PKI
 * certificate): `cx_ecdsa_verify_no_throw` on the digest, which accepts high-s signatures.
 */
export function verifyCalSignature(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    return secp256k1.verify(signature, sha256(message), publicKey, {
      format: 'der',
      prehash: false,
      lowS: false,
    })
  } catch {
    return false
  }
}

/**
 * Signs a CAL payload with a test key the way Ledger's signer does: DER ECDSA over
 * `sha256(message)`. For tests that swap in their own key with the emulator's `calPublicKey`.
 * TEST KEYS ONLY.
 */
export function signCalPayload(privateKey: Hex | Uint8Array, message: Hex | Uint8Array): Hex {
  const key = typeof privateKey === 'string' ? hexToBytes(privateKey) : privateKey
  const bytes = typeof message === 'string' ? hexToBytes(message) : message
  return bytesToHex(
    secp256k1.sign(sha256(bytes), key, { prehash: false, lowS: true }).toDERRawBytes(),
  )
}

/** The uncompressed public key (`04 || x || y`) of a test CAL private key. */
export function calPublicKeyOf(privateKey: Hex | Uint8Array): Hex {
  const key = typeof privateKey === 'string' ? hexToBytes(privateKey) : privateKey
  return bytesToHex(secp256k1.getPublicKey(key, false))
}
