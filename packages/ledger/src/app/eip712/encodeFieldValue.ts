import { type Hex, hexToBytes, isHex, numberToBytes, stringToBytes } from 'viem'
import type { FieldType } from './fieldType.js'

/**
 * An atomic value as EIP712 SEND STRUCT IMPLEMENTATION carries it: integers big-endian in as few
 * bytes as they need (negative ones in two's complement over the type's size), `bool` one byte,
 * `address` 20 bytes, strings UTF-8, bytes as they are.
 */
export function encodeFieldValue(type: FieldType, value: unknown): Uint8Array {
  switch (type.kind) {
    case 'int':
    case 'uint': {
      const integer = toBigInt(value)
      const size = type.size ?? 32
      const unsigned = integer < 0n ? (1n << BigInt(size * 8)) + integer : integer
      return numberToBytes(unsigned)
    }
    case 'bool':
      return Uint8Array.of(value === true || value === 'true' || value === 1 ? 1 : 0)
    case 'address':
      return hexToBytes(value as Hex, { size: 20 })
    case 'string':
      return stringToBytes(String(value ?? ''))
    case 'bytes':
    case 'bytesN':
      return value instanceof Uint8Array ? value : hexToBytes((value ?? '0x') as Hex)
    default:
      throw new Error(`${type.structName} is a struct, not an atomic value`)
  }
}

function toBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value
  if (typeof value === 'number') return BigInt(value)
  if (typeof value === 'boolean') return value ? 1n : 0n
  if (typeof value === 'string' && (isHex(value) || /^-?\d+$/.test(value))) return BigInt(value)
  throw new Error(`not an integer: ${String(value)}`)
}
