import { malformed, readTlv, type TlvEntry, tlvByTag, tlvInt16, tlvUint } from './tlv.js'

/** One step of a DATA_PATH (doc/tlv_structs.md). */
export type PathElement =
  | { readonly type: 'tuple'; readonly offset: number }
  | {
      readonly type: 'array'
      readonly weight: number
      readonly start?: number
      readonly end?: number
    }
  | { readonly type: 'ref' }
  | { readonly type: 'leaf'; readonly leaf: number }
  | { readonly type: 'slice'; readonly start?: number; readonly end?: number }

// PATH_MAX_SIZE (gtp_data_path.h), MAX_VALUE_COLLECTION_SIZE, MAX_ARRAYS (gtp_data_path.c).
const maxPathSize = 16
const maxCollectionSize = 16
const maxArrays = 8
const chunkSize = 32
const staticLeaf = 0x03
const dynamicLeaf = 0x04

/** Parses a DATA_PATH struct (gtp_data_path.c `handle_data_path_struct`). */
export function parseDataPath(bytes: Uint8Array): PathElement[] {
  const elements: PathElement[] = []
  for (const entry of readTlv(bytes)) {
    if (entry.tag === 0x00) continue
    if (elements.length >= maxPathSize) throw malformed('Data path too long')
    elements.push(parseElement(entry))
  }
  return elements
}

function parseElement(entry: TlvEntry): PathElement {
  switch (entry.tag) {
    case 0x01:
      return { type: 'tuple', offset: Number(tlvUint(entry, 2)) }
    case 0x02: {
      const args = tlvByTag(readTlv(entry.value), [0x01, 0x02, 0x03])
      const start = args.get(0x02)?.[0]
      const end = args.get(0x03)?.[0]
      return {
        type: 'array',
        weight: Number(tlvUint(args.get(0x01)?.[0], 1)),
        ...(start ? { start: tlvInt16(start) } : {}),
        ...(end ? { end: tlvInt16(end) } : {}),
      }
    }
    case 0x03:
      if (entry.value.length !== 0) throw malformed('REF with a value')
      return { type: 'ref' }
    case 0x04:
      return { type: 'leaf', leaf: Number(tlvUint(entry, 1)) }
    case 0x05: {
      const args = tlvByTag(readTlv(entry.value), [0x01, 0x02])
      const start = args.get(0x01)?.[0]
      const end = args.get(0x02)?.[0]
      return {
        type: 'slice',
        ...(start ? { start: tlvInt16(start) } : {}),
        ...(end ? { end: tlvInt16(end) } : {}),
      }
    }
    default:
      throw malformed('Unknown data path element')
  }
}

/**
 * The values a data path reaches in `args` (the calldata after its selector), as `data_path_get`
 * walks it: offsets in 32-byte chunks, an ARRAY without bounds visits every element (depth first),
 * a missing chunk fails. Returns `undefined` where the app's walk fails.
 */
export function resolveDataPath(
  path: readonly PathElement[],
  args: Uint8Array,
): Uint8Array[] | undefined {
  const chunk = (index: number) =>
    (index + 1) * chunkSize <= args.length
      ? args.subarray(index * chunkSize, (index + 1) * chunkSize)
      : undefined
  const u16At = (index: number) => {
    const c = chunk(index)
    return c ? (c[30]! << 8) | c[31]! : undefined
  }
  const values: Uint8Array[] = []
  const passesRemaining: number[] = []
  let depth = 0
  do {
    let index = 0
    let offset = 0
    let refOffset = 0
    for (const element of path) {
      if (element.type === 'tuple') {
        refOffset = offset
        offset += element.offset
      } else if (element.type === 'ref') {
        const raw = u16At(offset)
        if (raw === undefined || raw % chunkSize !== 0) return undefined
        offset = raw / chunkSize + refOffset
      } else if (element.type === 'array') {
        if (index >= maxArrays) return undefined
        const size = u16At(offset)
        if (size === undefined) return undefined
        const start = element.start === undefined ? 0 : wrap(element.start, size)
        const end = element.end === undefined ? size : wrap(element.end, size)
        if (end <= start) return undefined
        const passes = end - start
        offset += 1
        if (index === depth) {
          passesRemaining[index] = passes
          depth += 1
        }
        const at = start + (passes - passesRemaining[index]!)
        refOffset = offset
        offset += at * element.weight
        index += 1
      } else if (element.type === 'leaf') {
        if (values.length >= maxCollectionSize) return undefined
        let length: number
        if (element.leaf === staticLeaf) length = chunkSize
        else if (element.leaf === dynamicLeaf) {
          const size = u16At(offset)
          if (size === undefined) return undefined
          length = size
          offset += 1
        } else return undefined
        const bytes = new Uint8Array(length)
        for (let i = 0; i * chunkSize < length; i++) {
          const c = chunk(offset + i)
          if (!c) return undefined
          bytes.set(c.subarray(0, Math.min(chunkSize, length - i * chunkSize)), i * chunkSize)
        }
        values.push(bytes)
      } else {
        const last = values.at(-1)
        if (!last) return undefined
        const start = element.start === undefined ? 0 : wrap(element.start, last.length)
        const end = element.end === undefined ? last.length : wrap(element.end, last.length)
        if (start >= end || end > last.length) return undefined
        values[values.length - 1] = last.subarray(start, end)
      }
    }
    while (depth > 0) {
      passesRemaining[depth - 1]! -= 1
      if (passesRemaining[depth - 1]! > 0) break
      depth -= 1
    }
  } while (depth > 0)
  return values
}

// Negative bounds count from the end (uint16 arithmetic in the app).
function wrap(bound: number, size: number): number {
  return (bound < 0 ? size + bound : bound) & 0xffff
}
