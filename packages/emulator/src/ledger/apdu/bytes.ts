import { Buffer } from 'buffer'

/** Concatenates byte arrays into a Buffer (the type `@ledgerhq/hw-transport` hands to apps). */
export function concatBytes(...parts: readonly Uint8Array[]): Buffer {
  return Buffer.concat(parts.map((part) => Buffer.from(part)))
}

/** Big-endian unsigned integer of any length. */
export function readUintBE(bytes: Uint8Array): bigint {
  let value = 0n
  for (const byte of bytes) value = (value << 8n) | BigInt(byte)
  return value
}

/** Lowercase hex without 0x. */
export function toHexString(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex')
}
