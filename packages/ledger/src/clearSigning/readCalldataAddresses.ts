import {
  type Address,
  bytesToHex,
  getAddress,
  type Hex,
  hexToBigInt,
  hexToBytes,
  numberToHex,
} from 'viem'
import type { CalldataValueReference } from './types.js'

const chunkSize = 32

/**
 * The addresses a value reference reads in a transaction, as the app's `value_get` walks the
 * calldata (offsets in 32-byte words after the selector; an ARRAY without bounds visits each
 * element). Used to pick the ERC-20 descriptors a field's amounts need. `[]` where the path does
 * not resolve: the device would then show the amount without a ticker.
 */
export function readCalldataAddresses(
  reference: CalldataValueReference,
  transaction: { to: Address; data: Hex; from?: Address | undefined },
): Address[] {
  return toAddresses(readCalldataValues(reference, transaction))
}

/**
 * The values a reference reads in a transaction, as `readCalldataAddresses` walks them: 32-byte
 * words from the calldata (the bytes themselves at a DYNAMIC_LEAF), the address for TO and FROM,
 * the value and chain id where the transaction gives them, the bytes of a constant.
 */
export function readCalldataValues(
  reference: CalldataValueReference,
  transaction: {
    to: Address
    data: Hex
    from?: Address | undefined
    value?: bigint | undefined
    chainId?: number | undefined
  },
): Uint8Array[] {
  if (reference.type === 'constant') return [hexToBytes(reference.value)]
  const path = reference.binary_path
  if (path.type === 'CONTAINER') {
    if (path.value === 'TO') return [hexToBytes(transaction.to)]
    if (path.value === 'FROM' && transaction.from) return [hexToBytes(transaction.from)]
    if (path.value === 'VALUE' && transaction.value !== undefined)
      return [hexToBytes(numberToHex(transaction.value, { size: 32 }))]
    if (path.value === 'CHAIN_ID' && transaction.chainId !== undefined)
      return [hexToBytes(numberToHex(transaction.chainId, { size: 8 }))]
    return []
  }
  const args = hexToBytes(transaction.data).subarray(4)
  const word = (index: number) =>
    (index + 1) * chunkSize <= args.length
      ? args.subarray(index * chunkSize, (index + 1) * chunkSize)
      : undefined
  const u16At = (index: number) => {
    const w = word(index)
    return w ? (w[30]! << 8) | w[31]! : undefined
  }
  const values: Uint8Array[] = []
  const remaining: number[] = []
  let depth = 0
  do {
    let arrays = 0
    let offset = 0
    let refOffset = 0
    for (const element of path.elements) {
      if (element.type === 'TUPLE') {
        refOffset = offset
        offset += element.offset
      } else if (element.type === 'REF') {
        const raw = u16At(offset)
        if (raw === undefined || raw % chunkSize !== 0) return []
        offset = raw / chunkSize + refOffset
      } else if (element.type === 'ARRAY') {
        const size = u16At(offset)
        if (size === undefined) return []
        const start = bound(element.start, size, 0)
        const end = bound(element.end, size, size)
        if (end <= start) return []
        offset += 1
        if (arrays === depth) {
          remaining[arrays] = end - start
          depth += 1
        }
        refOffset = offset
        offset += (start + (end - start - remaining[arrays]!)) * element.weight
        arrays += 1
      } else if (element.type === 'LEAF') {
        const w = word(offset)
        if (!w) return []
        if (element.leaf_type === 'DYNAMIC_LEAF') {
          const bytes = dynamicAt(args, offset)
          if (!bytes) return []
          values.push(bytes)
        } else if (element.leaf_type === 'STATIC_LEAF') values.push(w)
        else return []
      }
    }
    while (depth > 0) {
      remaining[depth - 1]! -= 1
      if (remaining[depth - 1]! > 0) break
      depth -= 1
    }
  } while (depth > 0)
  return values
}

// A DYNAMIC_LEAF: a length word, then that many bytes.
function dynamicAt(args: Uint8Array, offset: number): Uint8Array | undefined {
  const start = (offset + 1) * chunkSize
  const lengthWord = args.subarray(offset * chunkSize, start)
  const length = Number(hexToBigInt(bytesToHex(lengthWord)))
  if (!Number.isSafeInteger(length) || start + length > args.length) return undefined
  return args.subarray(start, start + length)
}

function bound(value: number | undefined, size: number, otherwise: number): number {
  if (value === undefined) return otherwise
  return value < 0 ? size + value : value
}

function toAddresses(values: readonly Uint8Array[]): Address[] {
  return values.map((bytes) =>
    getAddress(bytesToHex(bytes.subarray(Math.max(0, bytes.length - 20)))),
  )
}
