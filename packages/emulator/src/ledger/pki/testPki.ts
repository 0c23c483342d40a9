import { secp256k1 } from '@noble/curves/secp256k1'
import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex, type Hex, hexToBytes } from 'viem'
import type { LedgerModel } from '../types.js'
import { targetDeviceOf } from './certificate.js'

/** What a test certificate certifies. TEST KEYS ONLY. */
export type TestCertificateOptions = {
  /** The test root's private key (its public key is the emulator's `pkiRootPublicKey`). */
  readonly rootPrivateKey: Hex
  /** The certified key's private key (it signs the descriptors). */
  readonly privateKey: Hex
  /** Key usage (0x0b calldata, 0x04 trusted names...). */
  readonly keyUsage: number
  /** Certificate name (CERTIFICATE_TAG_TRUSTED_NAME), e.g. 'calldata'. */
  readonly name: string
  readonly model: LedgerModel
}

/**
 * A PKI certificate laid out as Ledger's (ledger_pki.py: structure type, version, validity index,
 * challenge, signer key id, signer algorithm, time validity, name, key id, usage, curve,
 * compressed key, key algorithm, target device, then `15 || len || DER signature` by the root
 * over SHA-256 of everything before). TEST KEYS ONLY: for a root you generated, never Ledger's.
 */
export function issueTestCertificate(options: TestCertificateOptions): Hex {
  const name = new TextEncoder().encode(options.name)
  const compressed = secp256k1.getPublicKey(hexToBytes(options.privateKey), true)
  const body = Uint8Array.from([
    ...[0x01, 0x01, 0x01],
    ...[0x02, 0x01, 0x02],
    ...[0x11, 0x04, 0x00, 0x00, 0x00, 0x02],
    ...[0x12, 0x01, 0x00],
    ...[0x13, 0x02, 0x00, 0x00],
    ...[0x14, 0x01, 0x01],
    ...[0x16, 0x04, 0x00, 0x00, 0x00, 0x00],
    ...[0x20, name.length, ...name],
    ...[0x30, 0x02, 0x00, 0x08],
    ...[0x31, 0x01, options.keyUsage],
    ...[0x32, 0x01, 0x21],
    ...[0x33, 0x21, ...compressed],
    ...[0x34, 0x01, 0x01],
    ...[0x35, 0x01, targetDeviceOf[options.model]],
  ])
  const signature = signDigestDer(options.rootPrivateKey, sha256(body))
  return bytesToHex(Uint8Array.from([...body, 0x15, signature.length, ...signature]))
}

/** DER ECDSA signature of a 32-byte digest with a test key. TEST KEYS ONLY. */
export function signDigestDer(privateKey: Hex, digest: Uint8Array): Uint8Array {
  return secp256k1
    .sign(digest, hexToBytes(privateKey), { prehash: false, lowS: true })
    .toDERRawBytes()
}

/** The uncompressed public key of a test private key, as `pkiRootPublicKey` takes it. */
export function testPublicKeyOf(privateKey: Hex): Hex {
  return bytesToHex(secp256k1.getPublicKey(hexToBytes(privateKey), false))
}
