import { hexToBytes } from 'viem'
import type { LedgerCalldataDescriptor } from '../clearSigning/types.js'

// PARAM_TYPE_CALLDATA (gtp_field.h), the FIELD's PARAM_TYPE tag (gtp_field.c).
const calldataParamType = 0x09
const paramTypeTag = 0x02

/**
 * Whether a descriptor shows a nested call (a CALLDATA field: Safe `execTransaction`, multicall,
 * batch) without the references that say where the inner calls are (descriptors written before
 * Airlock kept them). App 1.22.0 expects the inner calls' TRANSACTION INFO and fields after such a
 * field (gtp_param_calldata.c `process_nested_calldata` pushes one context per inner call), which
 * Airlock cannot find then: such a call is reported blind before anything goes to the device.
 */
export function showsUnreadNestedCall(descriptor: LedgerCalldataDescriptor): boolean {
  return descriptor.fields.some(
    (field) => !field.calldata && paramTypeOf(hexToBytes(field.payload)) === calldataParamType,
  )
}

// The FIELD's top-level entries are single-byte tags; lengths may be DER (`81 xx`, `82 xx xx`).
function paramTypeOf(field: Uint8Array): number | undefined {
  let offset = 0
  while (offset + 2 <= field.length) {
    const tag = field[offset]!
    let length = field[offset + 1]!
    let start = offset + 2
    if (length >= 0x80) {
      const size = length & 0x7f
      length = 0
      for (let i = 0; i < size; i++) length = length * 256 + (field[start + i] ?? 0)
      start += size
    }
    if (tag === paramTypeTag) return length === 1 ? field[start] : undefined
    offset = start + length
  }
  return undefined
}
