import { sha224 } from '@noble/hashes/sha2'
import type { Eip712Field } from './session.js'
import { fieldTypeName } from './structDefinition.js'

/**
 * The schema hash EIP-712 filters are signed for: SHA-224 of the `types` JSON without whitespace,
 * rebuilt from the struct definitions in the order the device received them
 * (`{"Name":[{"name":"key","type":"uint256"},...],...}`, schema_hash.c:20-66). hw-app-eth sends
 * the types sorted by name, so this is the hash CAL keys its filters with.
 */
export function computeSchemaHash(
  structs: ReadonlyMap<string, readonly Eip712Field[]>,
): Uint8Array {
  const entries = [...structs].map(([name, fields]) => {
    const members = fields.map(
      (field) => `{"name":"${field.name}","type":"${schemaTypeName(field)}"}`,
    )
    return `"${name}":[${members.join(',')}]`
  })
  return sha224(new TextEncoder().encode(`{${entries.join(',')}}`))
}

// format_hash_field_type.c: the type name, its size only when the definition carried one, then the
// array levels in the order received.
function schemaTypeName(field: Eip712Field): string {
  if (field.size !== undefined || field.kind === 'custom') return fieldTypeName(field)
  const levels = field.arrayLevels.map((n) => `[${n ?? ''}]`).join('')
  return field.kind === 'bytesN' ? `bytes${levels}` : `${field.kind}${levels}`
}
