/** The app's type kinds (`TypeDesc`'s low 4 bits in EIP712 SEND STRUCT DEFINITION). */
export const typeKinds = {
  custom: 0,
  int: 1,
  uint: 2,
  address: 3,
  bool: 4,
  string: 5,
  bytesN: 6,
  bytes: 7,
} as const

export type FieldTypeKind = keyof typeof typeKinds

/** A field type as the app reads it: kind, size in bytes, and array levels as written. */
export type FieldType = {
  kind: FieldTypeKind
  /** The struct's name, for `custom`. */
  structName: string | undefined
  /** Bytes, for `intN`, `uintN` and `bytesN`. */
  size: number | undefined
  /** `T[2][]` is `[2, null]`: the first level written is the innermost. `null` is dynamic. */
  arrayLevels: (number | null)[]
}

/** Reads an EIP-712 type string (`uint256`, `Person[]`, `bytes32[2][]`). */
export function parseFieldType(type: string): FieldType {
  const match = /^([^[]+)((?:\[\d*\])*)$/.exec(type)
  if (!match) throw new Error(`not an EIP-712 type: ${type}`)
  const [, base, arrays] = match as unknown as [string, string, string]
  const arrayLevels = [...arrays.matchAll(/\[(\d*)\]/g)].map(([, n]) => (n ? Number(n) : null))
  const sized = /^(u?int|bytes)(\d+)$/.exec(base)
  if (sized) {
    const n = Number(sized[2])
    if (sized[1] === 'bytes') return { kind: 'bytesN', structName: undefined, size: n, arrayLevels }
    return { kind: sized[1] as 'int' | 'uint', structName: undefined, size: n / 8, arrayLevels }
  }
  if (base === 'int' || base === 'uint')
    return { kind: base, structName: undefined, size: 32, arrayLevels }
  if (base === 'address' || base === 'bool' || base === 'string' || base === 'bytes')
    return { kind: base, structName: undefined, size: undefined, arrayLevels }
  return { kind: 'custom', structName: base, size: undefined, arrayLevels }
}

/**
 * One field of EIP712 SEND STRUCT DEFINITION (P2 FF): `TypeDesc || [name] || [size] ||
 * [levels] || keyName`, with `TypeDesc` = array bit, size bit, 2 unused bits, 4-bit kind.
 */
export function encodeFieldDefinition(name: string, type: string): Uint8Array {
  const { kind, structName, size, arrayLevels } = parseFieldType(type)
  const text = new TextEncoder()
  const bytes: number[] = [
    (arrayLevels.length ? 0x80 : 0) | (size !== undefined ? 0x40 : 0) | typeKinds[kind],
  ]
  if (structName !== undefined) bytes.push(...lengthPrefixed(text.encode(structName)))
  if (size !== undefined) bytes.push(size)
  if (arrayLevels.length) {
    bytes.push(arrayLevels.length)
    for (const level of arrayLevels) bytes.push(...(level === null ? [0] : [1, level]))
  }
  bytes.push(...lengthPrefixed(text.encode(name)))
  return Uint8Array.from(bytes)
}

function lengthPrefixed(bytes: Uint8Array): number[] {
  return [bytes.length, ...bytes]
}
