import { type PathElement, parseDataPath, resolveDataPath } from './dataPath.js'
import { malformed, readTlv, tlvByTag, tlvUint } from './tlv.js'

/** TypeFamily (doc/tlv_structs.md). */
export const TypeFamily = {
  uint: 1,
  int: 2,
  ufixed: 3,
  fixed: 4,
  address: 5,
  bool: 6,
  bytes: 7,
  string: 8,
} as const

/** A VALUE struct: where a field's value comes from and how it is typed. */
export type ValueReference = {
  readonly typeFamily: number
  readonly typeSize: number | undefined
  readonly source:
    | { readonly kind: 'calldata'; readonly path: readonly PathElement[] }
    | { readonly kind: 'container'; readonly container: number }
    | { readonly kind: 'constant'; readonly bytes: Uint8Array }
}

/** What a value reads from: the current transaction and its signer. */
export type ValueContext = {
  readonly args: Uint8Array
  readonly from: Uint8Array
  readonly to: Uint8Array
  readonly amount: bigint
  readonly chainId: bigint
}

/** Parses a VALUE struct (gtp_value.c). */
export function parseValue(bytes: Uint8Array): ValueReference {
  const tags = tlvByTag(readTlv(bytes), [0x00, 0x01, 0x02, 0x03, 0x04, 0x05])
  const first = (tag: number) => tags.get(tag)?.[0]
  const typeFamily = Number(tlvUint(first(0x01), 1))
  const sizeEntry = first(0x02)
  const typeSize = sizeEntry ? Number(tlvUint(sizeEntry, 1)) : undefined
  if (typeSize !== undefined && (typeSize < 1 || typeSize > 32)) throw malformed('Bad type size')
  const path = first(0x03)
  const container = first(0x04)
  const constant = first(0x05)
  // The last source tag wins in the app (each handler overwrites `source`); descriptors carry one.
  let source: ValueReference['source'] | undefined
  if (path) source = { kind: 'calldata', path: parseDataPath(path.value) }
  if (container) source = { kind: 'container', container: Number(tlvUint(container, 1)) }
  if (constant) {
    if (constant.value.length > 32) throw malformed('Constant too long')
    source = { kind: 'constant', bytes: constant.value }
  }
  if (!source) throw malformed('Value without a source')
  return { typeFamily, typeSize, source }
}

/** `value_get`: the values a reference reads, or `undefined` where the app fails. */
export function readValue(ref: ValueReference, context: ValueContext): Uint8Array[] | undefined {
  const { source } = ref
  if (source.kind === 'calldata') return resolveDataPath(source.path, context.args)
  if (source.kind === 'constant') return [source.bytes]
  switch (source.container) {
    case 0:
      return [context.from]
    case 1:
      return [context.to]
    case 2:
      return [toBytes(context.amount, 32)]
    case 3:
      return [toBytes(context.chainId, 8)]
    default:
      return undefined
  }
}

/** Big-endian bytes of `value` on `size` bytes. */
export function toBytes(value: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size)
  let rest = value
  for (let i = size - 1; i >= 0; i--) {
    out[i] = Number(rest & 0xffn)
    rest >>= 8n
  }
  return out
}
