import type { TypedDataDefinition } from 'viem'

/**
 * The most characters a typed-data value may take for Airlock to call it shown in clear. The Core
 * firmware sets no limit and pages through a value of any length (trezor-firmware
 * core/src/apps/ethereum/sign_typed_data.py `_validate_value`, layout.py `confirm_typed_value`):
 * a 20 kB string is a hundred pages no one reads, so past this it is reported blind.
 */
export const maxShownTypedValueLength = 1024

type Field = { name: string; type: string }

/**
 * Why the Core models would not show this typed data as the text it is, or `undefined` when they
 * do: a string with characters the fonts draw as a placeholder glyph (anything but printable ASCII
 * and line breaks, core/embed/rust/src/ui/display/font.rs), or a string or bytes value longer than
 * `maxShownTypedValueLength` characters as shown (bytes as hex).
 */
export function findTypedValueNotShown(typedData: TypedDataDefinition): string | undefined {
  const types = typedData.types as unknown as Record<string, readonly Field[] | undefined>
  const domain = findInStruct(types, 'EIP712Domain', typedData.domain, 'EIP712Domain')
  if (domain || typedData.primaryType === 'EIP712Domain') return domain
  const primaryType = typedData.primaryType as string
  return findInStruct(types, primaryType, typedData.message, primaryType)
}

function findInStruct(
  types: Record<string, readonly Field[] | undefined>,
  name: string,
  value: unknown,
  path: string,
): string | undefined {
  if (!value || typeof value !== 'object') return undefined
  for (const field of types[name] ?? []) {
    const found = findInValue(
      types,
      field.type,
      (value as Record<string, unknown>)[field.name],
      `${path}.${field.name}`,
    )
    if (found) return found
  }
  return undefined
}

function findInValue(
  types: Record<string, readonly Field[] | undefined>,
  type: string,
  value: unknown,
  path: string,
): string | undefined {
  const array = /^(.*)\[\d*\]$/.exec(type)
  if (array) {
    if (!Array.isArray(value)) return undefined
    for (const [index, item] of value.entries()) {
      const found = findInValue(types, array[1]!, item, `${path}[${index}]`)
      if (found) return found
    }
    return undefined
  }
  if (types[type]) return findInStruct(types, type, value, path)
  if (type === 'string' && typeof value === 'string') {
    if (value.length > maxShownTypedValueLength) return tooLong(path, value.length)
    const unshown = [...value].filter((char) => char !== '\n' && !isPrintableAscii(char))
    if (unshown.length > 0)
      return `${path}: the device shows ${unshown.length} of its characters as a placeholder glyph (only printable ASCII is drawn)`
  }
  if (type === 'bytes') {
    const length =
      typeof value === 'string'
        ? value.replace(/^0x/i, '').length
        : value instanceof Uint8Array
          ? value.length * 2
          : 0
    if (length > maxShownTypedValueLength) return tooLong(path, length)
  }
  return undefined
}

function tooLong(path: string, length: number): string {
  return `${path}: ${length} characters, which the device pages through; Airlock counts up to ${maxShownTypedValueLength} as shown`
}

function isPrintableAscii(char: string): boolean {
  const code = char.charCodeAt(0)
  return code >= 0x20 && code <= 0x7e
}
