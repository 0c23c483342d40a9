import { sha256 } from '@noble/hashes/sha2'

const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

/** Base58Check encoding (payload ‖ first 4 bytes of double SHA-256), as Bitcoin addresses use. */
export function base58check(payload: Uint8Array): string {
  const checksum = sha256(sha256(payload)).subarray(0, 4)
  const bytes = new Uint8Array([...payload, ...checksum])
  let value = bytes.reduce((acc, byte) => (acc << 8n) | BigInt(byte), 0n)
  let encoded = ''
  while (value > 0n) {
    encoded = alphabet[Number(value % 58n)] + encoded
    value /= 58n
  }
  for (const byte of bytes) {
    if (byte !== 0) break
    encoded = `1${encoded}`
  }
  return encoded
}
