import { secp256k1 } from '@noble/curves/secp256k1'
import { sha256 } from '@noble/hashes/sha2'
import { ApduStatusError } from '../errors.js'
import { readTlv } from '../ethereumApp/genericParser/tlv.js'
import type { LedgerModel } from '../types.js'

/** A certificate the OS accepted: its key, for the usage it was issued for. */
export type LoadedCertificate = {
  readonly keyUsage: number
  /** Uncompressed secp256k1 key (`04 || x || y`). */
  readonly publicKey: Uint8Array
}

/** Key usages of the Ledger PKI (ledger_pki.py `PKIPubKeyUsage`) the emulator knows by name. */
export const KeyUsage = {
  nftMetadata: 0x03,
  coinMeta: 0x08,
  trustedName: 0x04,
  calldata: 0x0b,
} as const

/** CERTIFICATE_TAG_TARGET_DEVICE values (ledger_pki.py certificates, device-sdk-ts). */
export const targetDeviceOf: Record<LedgerModel, number> = {
  nanoS: 0x01,
  nanoX: 0x02,
  nanoSP: 0x03,
  stax: 0x04,
  flex: 0x05,
}

const tag = {
  usage: 0x31,
  curve: 0x32,
  publicKey: 0x33,
  signAlgo: 0x14,
  targetDevice: 0x35,
  signature: 0x15,
} as const
const secp256k1CurveId = 0x21
const ecdsaSha256 = 0x01

/**
 * LOAD CERTIFICATE (B0 06, P1 = expected key usage): the OS's `os_pki_load_certificate`, with
 * Speculos' status words (src/bolos/os_pki.c). The certificate's TLV up to the signature tag is
 * hashed with SHA-256 and must carry the root's ECDSA signature; the usage must be P1 (0x422E);
 * a bad signature answers 0x5720. Without a root (no `pkiRootPublicKey` given to the emulator)
 * every certificate is refused: Ledger's production root is not public.
 */
export function loadCertificate(
  root: Uint8Array | undefined,
  model: LedgerModel,
  expectedUsage: number,
  certificate: Uint8Array,
): LoadedCertificate {
  const refuse = (sw: number, why: string) => new ApduStatusError(sw, why)
  const signatureAt = findSignatureTag(certificate)
  const signed = certificate.subarray(0, signatureAt)
  const fields = readTlv(signed)
  const one = (t: number) => fields.find((entry) => entry.tag === t)?.value
  const usage = one(tag.usage)
  if (usage?.length !== 1) throw refuse(0x4236, 'Certificate without a key usage')
  if (one(tag.curve)?.[0] !== secp256k1CurveId) throw refuse(0x4237, 'Unsupported curve')
  if (one(tag.signAlgo)?.[0] !== ecdsaSha256) throw refuse(0x4234, 'Unsupported signer algorithm')
  const target = one(tag.targetDevice)
  if (target && target[0] !== targetDeviceOf[model]) {
    throw refuse(0x4239, 'Certificate issued for another device model')
  }
  const compressed = one(tag.publicKey)
  if (compressed?.length !== 33) throw refuse(0x3302, 'Bad certificate public key')
  if (usage[0] !== expectedUsage) throw refuse(0x422e, 'Certificate key usage mismatch')
  const signature = readTlv(certificate.subarray(signatureAt))[0]?.value
  if (!root || !signature || !verifyDer(root, sha256(signed), signature)) {
    throw refuse(0x5720, 'Certificate signature invalid')
  }
  let publicKey: Uint8Array
  try {
    publicKey = secp256k1.ProjectivePoint.fromHex(compressed).toRawBytes(false)
  } catch {
    throw refuse(0x3302, 'Bad certificate public key')
  }
  return { keyUsage: usage[0], publicKey }
}

/**
 * `os_pki_verify`: whether `signature` (DER) is the loaded certificate's ECDSA signature of
 * `digest`, for a certificate of `usage`. No certificate, or one of another usage, fails: the
 * app's legacy fallback has no key for these payloads (`check_signature_with_pubkey(.., NULL, 0,
 * ..)`).
 */
export function verifyWithCertificate(
  certificate: LoadedCertificate | undefined,
  usage: number,
  digest: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (!certificate || certificate.keyUsage !== usage) return false
  return verifyDer(certificate.publicKey, digest, signature)
}

function verifyDer(publicKey: Uint8Array, digest: Uint8Array, signature: Uint8Array): boolean {
  try {
    return secp256k1.verify(signature, digest, publicKey, {
      format: 'der',
      prehash: false,
      lowS: false,
    })
  } catch {
    return false
  }
}

// Walks single-byte tag/length entries up to the signature tag, as `os_pki_load_certificate` does.
function findSignatureTag(certificate: Uint8Array): number {
  let offset = 0
  while (offset < certificate.length) {
    if (certificate[offset] === tag.signature) return offset
    const length = certificate[offset + 1]
    if (length === undefined) break
    offset += 2 + length
  }
  throw new ApduStatusError(0x5720, 'Certificate without a signature')
}
