import { malformed, type TlvEntry } from './tlv.js'
import { readValue, type ValueContext, type ValueReference } from './value.js'

/** A field's VISIBLE values (doc/tlv_structs.md): always, must be one of, shown if not one of. */
export const visibility = { always: 0, mustBe: 1, ifNotIn: 2 } as const

/** A field's visibility and the constraint values it is checked against. */
export type Visibility = { readonly visible: number; readonly constraints: readonly Uint8Array[] }

/** `value_get` for a formatter: the values `ref` reads, or 0x6A80 where the app fails. */
export function readParamValues(ref: ValueReference, context: ValueContext): Uint8Array[] {
  const values = readValue(ref, context)
  if (!values) throw malformed('Value not found in the transaction')
  return values
}

/** The param struct's entry of `tag`, or 0x6A80 when it has none. */
export function requiredTag(tags: readonly TlvEntry[], tag: number): TlvEntry {
  const entry = tags.find((t) => t.tag === tag)
  if (!entry) throw malformed(`Missing tag 0x${tag.toString(16)}`)
  return entry
}

/** `buf_shrink_expand`: the last `size` bytes, left-padded with zeros when shorter. */
export function lastBytes(bytes: Uint8Array, size: number): Uint8Array {
  if (bytes.length >= size) return bytes.subarray(bytes.length - size)
  const out = new Uint8Array(size)
  out.set(bytes, size - bytes.length)
  return out
}
