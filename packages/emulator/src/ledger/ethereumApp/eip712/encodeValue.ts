import { bytesToHex, getAddress, hexToBytes, keccak256 } from 'viem'
import { readUintBE } from '../../apdu/bytes.js'
import { StatusWord } from '../../apdu/statusWords.js'
import { ApduStatusError } from '../../errors.js'
import type { Eip712Field } from './session.js'

/** An atomic value's 32-byte `encodeData` word and how the device displays it. */
export type EncodedValue = { readonly word: Uint8Array; readonly display: string }

/**
 * Encodes an atomic field value from the raw bytes the host sent (EIP712 SEND STRUCT IMPLEMENTATION):
 * integers left-padded (signed ones sign-extended when sent at full size), addresses and bools
 * left-padded, `bytesN` right-padded, `string` and `bytes` hashed.
 */
export function encodeAtomicValue(field: Eip712Field, raw: Uint8Array): EncodedValue {
  const bad = (why: string) => new ApduStatusError(StatusWord.incorrectData, why)
  switch (field.kind) {
    case 'uint':
    case 'int': {
      const size = field.size ?? 32
      if (raw.length > size) throw bad('Integer too long')
      const negative = field.kind === 'int' && raw.length === size && (raw[0]! & 0x80) !== 0
      const word = padLeft(raw, negative ? 0xff : 0x00)
      const unsigned = readUintBE(raw)
      const value = negative ? unsigned - (1n << BigInt(8 * size)) : unsigned
      return { word, display: value.toString() }
    }
    case 'address':
      if (raw.length > 20) throw bad('Address too long')
      return {
        word: padLeft(raw, 0),
        display: getAddress(bytesToHex(padLeft(raw, 0).subarray(12))),
      }
    case 'bool':
      if (raw.length > 1) throw bad('Bool too long')
      return { word: padLeft(raw, 0), display: raw[0] ? 'true' : 'false' }
    case 'bytesN': {
      if (raw.length > (field.size ?? 32)) throw bad('bytesN too long')
      const word = new Uint8Array(32)
      word.set(raw)
      return { word, display: bytesToHex(raw) }
    }
    case 'string':
      return { word: hexToBytes(keccak256(raw)), display: new TextDecoder().decode(raw) }
    case 'bytes':
      return { word: hexToBytes(keccak256(raw)), display: bytesToHex(raw) }
    default:
      throw bad('A struct is not an atomic value')
  }
}

function padLeft(raw: Uint8Array, fill: number): Uint8Array {
  const word = new Uint8Array(32).fill(fill)
  word.set(raw, 32 - raw.length)
  return word
}
