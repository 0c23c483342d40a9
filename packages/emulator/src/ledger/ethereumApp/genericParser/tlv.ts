import { StatusWord } from '../../apdu/statusWords.js'
import { ApduStatusError } from '../../errors.js'

/** One TLV entry: the tag, its value, and the raw bytes (tag, length and value) the app hashes. */
export type TlvEntry = {
  readonly tag: number
  readonly value: Uint8Array
  readonly raw: Uint8Array
}

/**
 * Reads a payload of the app's TLV structures (app-ethereum `tlv_library`): tags and lengths are
 * DER-style integers (one byte below 0x80, else `0x8n` followed by n big-endian bytes), so the
 * signature tag 0xFF is written `81 FF`. Throws 0x6A80 on a truncated entry.
 */
export function readTlv(bytes: Uint8Array): TlvEntry[] {
  const entries: TlvEntry[] = []
  let offset = 0
  while (offset < bytes.length) {
    const start = offset
    const tag = readDerInteger(bytes, offset)
    offset = tag.next
    const length = readDerInteger(bytes, offset)
    offset = length.next
    const end = offset + length.value
    if (end > bytes.length) throw malformed('TLV value past the end')
    entries.push({
      tag: tag.value,
      value: bytes.subarray(offset, end),
      raw: bytes.subarray(start, end),
    })
    offset = end
  }
  return entries
}

/** The entries by tag, refusing a repeated tag unless `multiple` allows it (ENFORCE_UNIQUE_TAG). */
export function tlvByTag(
  entries: readonly TlvEntry[],
  known: readonly number[],
  multiple: readonly number[] = [],
): Map<number, TlvEntry[]> {
  const byTag = new Map<number, TlvEntry[]>()
  for (const entry of entries) {
    if (!known.includes(entry.tag)) throw malformed(`Unknown TLV tag 0x${entry.tag.toString(16)}`)
    const list = byTag.get(entry.tag) ?? []
    if (list.length > 0 && !multiple.includes(entry.tag)) throw malformed('Repeated TLV tag')
    list.push(entry)
    byTag.set(entry.tag, list)
  }
  return byTag
}

/** An unsigned integer of at most `size` bytes (`get_uintN_t_from_tlv_data`). */
export function tlvUint(entry: TlvEntry | undefined, size: number): bigint {
  if (!entry || entry.value.length === 0 || entry.value.length > size) {
    throw malformed('Bad integer')
  }
  let value = 0n
  for (const byte of entry.value) value = (value << 8n) | BigInt(byte)
  return value
}

/** A signed 16-bit integer (ARRAY and SLICE bounds). */
export function tlvInt16(entry: TlvEntry): number {
  const value = Number(tlvUint(entry, 2))
  return entry.value.length === 2 && value >= 0x8000 ? value - 0x10000 : value
}

/** `str_cpy_explicit_trunc`: the bytes as text, cut at `capacity - 1` characters. */
export function tlvText(entry: TlvEntry, capacity: number): string {
  return new TextDecoder().decode(entry.value.subarray(0, capacity - 1))
}

/** 0x6A80, as the app answers a TLV payload its parser refuses. */
export function malformed(why: string): ApduStatusError {
  return new ApduStatusError(StatusWord.incorrectData, why)
}

function readDerInteger(bytes: Uint8Array, offset: number): { value: number; next: number } {
  const first = bytes[offset]
  if (first === undefined) throw malformed('TLV truncated')
  if (first < 0x80) return { value: first, next: offset + 1 }
  const size = first & 0x7f
  if (size === 0 || size > 4 || offset + 1 + size > bytes.length) throw malformed('Bad TLV length')
  let value = 0
  for (let i = 1; i <= size; i++) value = value * 256 + bytes[offset + i]!
  return { value, next: offset + 1 + size }
}
