import { secp256k1 } from '@noble/curves/secp256k1'
import { sha256 } from '@noble/hashes/sha2'
import { hexToBytes } from 'viem'
import { expect, test } from 'vitest'
import { calPublicKeyOf, ledgerCalPublicKey, signCalPayload, verifyCalSignature } from './calKey.js'

const testKey = '0x0101010101010101010101010101010101010101010101010101010101010101'
const message = new TextEncoder().encode('USDC')

test('the production key is app-ethereum public_keys.h LEDGER_SIGNATURE_PUBLIC_KEY', () => {
  // src/public_keys.h:39-43 at 1.22.0, byte for byte.
  const fromHeader = [
    0x04, 0x5e, 0x6c, 0x10, 0x20, 0xc1, 0x4d, 0xc4, 0x64, 0x42, 0xfe, 0x89, 0xf9, 0x7c, 0x0b, 0x68,
    0xcd, 0xb1, 0x59, 0x76, 0xdc, 0x24, 0xf2, 0x4c, 0x31, 0x6e, 0x7b, 0x30, 0xfe, 0x4e, 0x8c, 0xc7,
    0x6b, 0x14, 0x89, 0x15, 0x0c, 0x21, 0x51, 0x4e, 0xbf, 0x44, 0x0f, 0xf5, 0xde, 0xa5, 0x39, 0x3d,
    0x83, 0xde, 0x53, 0x58, 0xcd, 0x09, 0x8f, 0xce, 0x8f, 0xd0, 0xf8, 0x1d, 0xaa, 0x94, 0x97, 0x91,
    0x83,
  ]
  expect([...hexToBytes(ledgerCalPublicKey)]).toEqual(fromHeader)
})

test('signCalPayload signs sha256(message) in DER; only the matching key verifies it', () => {
  const signature = hexToBytes(signCalPayload(testKey, message))
  expect(signature[0]).toBe(0x30)
  expect(verifyCalSignature(hexToBytes(calPublicKeyOf(testKey)), message, signature)).toBe(true)
  expect(verifyCalSignature(hexToBytes(ledgerCalPublicKey), message, signature)).toBe(false)
  expect(verifyCalSignature(hexToBytes(calPublicKeyOf(testKey)), message, signature.slice(1))).toBe(
    false,
  )
})

test('high-s signatures verify, as cx_ecdsa_verify accepts them', () => {
  const low = secp256k1.sign(sha256(message), hexToBytes(testKey), { prehash: false })
  const high = new secp256k1.Signature(low.r, secp256k1.CURVE.n - low.s)
  const publicKey = hexToBytes(calPublicKeyOf(testKey))
  expect(verifyCalSignature(publicKey, message, high.toDERRawBytes())).toBe(true)
})
