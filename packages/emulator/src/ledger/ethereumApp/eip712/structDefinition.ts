import { StatusWord } from '../../apdu/statusWords.js'
import { ApduStatusError } from '../../errors.js'
import type { Eip712Field, Eip712FieldKind } from './session.js'

const kinds: readonly Eip712FieldKind[] = [
  'custom',
  'int',
  'uint',
  'address',
  'bool',
  'string',
  'bytesN',
  'bytes',
]

/**
 * Parses a struct field definition: `typedesc (1: array bit 7, size bit 6, type 0..7) ||
 * [len || struct name] || [size] || [levels || (0 | 1 || n)*] || len || key name`.
 */
export function parseFieldDefinition(data: Uint8Array): Eip712Field {
  let offset = 0
  const next = () => {
    const byte = data[offset++]
    if (byte === undefined) throw new ApduStatusError(StatusWord.incorrectData, 'Short field')
    return byte
  }
  const take = (length: number) => {
    if (offset + length > data.length)
      throw new ApduStatusError(StatusWord.incorrectData, 'Short field')
    const bytes = data.subarray(offset, offset + length)
    offset += length
    return new TextDecoder().decode(bytes)
  }
  const typeDesc = next()
  const kind = kinds[typeDesc & 0x0f]
  if (!kind) throw new ApduStatusError(StatusWord.incorrectData, 'Unknown field type')
  const structName = kind === 'custom' ? take(next()) : ''
  const size = typeDesc & 0x40 ? next() : undefined
  const arrayLevels: (number | null)[] = []
  if (typeDesc & 0x80) {
    const levels = next()
    for (let i = 0; i < levels; i++) arrayLevels.push(next() === 1 ? next() : null)
  }
  const name = take(next())
  return { name, kind, structName, size, arrayLevels }
}

/** The Solidity-style type of a field, e.g. `uint256`, `Person[]`, `bytes32[2]`. */
export function fieldTypeName(field: Eip712Field): string {
  return baseTypeName(field) + field.arrayLevels.map((n) => `[${n ?? ''}]`).join('')
}

/** The type without array levels. */
export function baseTypeName(field: Eip712Field): string {
  switch (field.kind) {
    case 'custom':
      return field.structName
    case 'int':
    case 'uint':
      return `${field.kind}${(field.size ?? 32) * 8}`
    case 'bytesN':
      return `bytes${field.size ?? 32}`
    default:
      return field.kind
  }
}
