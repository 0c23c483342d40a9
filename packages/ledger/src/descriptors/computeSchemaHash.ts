import { bytesToHex, stringToBytes } from 'viem'
import { sha224 } from './sha224.js'

/** EIP-712 `types`, EIP712Domain included. */
export type TypedDataTypes = Record<string, readonly { name: string; type: string }[]>

/**
 * The schema hash under which Ledger's list keeps a message's filters: hex SHA-224 (no 0x) of the
 * JSON of `types` with the type names sorted and each field's keys sorted (fields keep their order),
 * with the first space removed. A port of `getSchemaHashForMessage` in `@ledgerhq/evm-tools`
 * (`src/message/EIP712/index.ts`), whose `.replace(" ", "")` drops only the first space; JSON has
 * no space outside strings, so only a type or field name with a space is affected.
 */
export function computeSchemaHash(types: TypedDataTypes): string {
  const json = JSON.stringify(sortObjectAlphabetically(types)).replace(' ', '')
  return bytesToHex(sha224(stringToBytes(json))).slice(2)
}

/** `sortObjectAlphabetically` of `@ledgerhq/evm-tools`: keys sorted, arrays' items sorted in turn. */
function sortObjectAlphabetically(object: Record<string, unknown>): Record<string, unknown> {
  const sorted: Record<string, unknown> = {}
  for (const key of Object.keys(object).sort()) {
    const value = object[key]
    sorted[key] = Array.isArray(value)
      ? value.map((item) => sortObjectAlphabetically(item as Record<string, unknown>))
      : value
  }
  return sorted
}
