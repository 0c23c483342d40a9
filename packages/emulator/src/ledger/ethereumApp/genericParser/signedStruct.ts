import { sha256 } from '@noble/hashes/sha2'
import { KeyUsage, type LoadedCertificate, verifyWithCertificate } from '../../pki/certificate.js'
import { malformed, type TlvEntry } from './tlv.js'

/** The signature tag of TRANSACTION_INFO and ENUM_VALUE (written `81 FF`). */
export const signatureTag = 0xff

/**
 * Checks a signed generic-parser struct as the app does: SHA-256 over the raw TLV of every entry
 * but the signature, verified with the loaded certificate of usage CALLDATA (0x0B). Throws 0x6A80.
 */
export function verifySignedStruct(
  entries: readonly TlvEntry[],
  certificate: LoadedCertificate | undefined,
): void {
  const hash = sha256.create()
  let signature: Uint8Array | undefined
  for (const entry of entries) {
    if (entry.tag === signatureTag) signature = entry.value
    else hash.update(entry.raw)
  }
  if (
    !signature ||
    !verifyWithCertificate(certificate, KeyUsage.calldata, hash.digest(), signature)
  ) {
    throw malformed('Descriptor signature invalid')
  }
}
