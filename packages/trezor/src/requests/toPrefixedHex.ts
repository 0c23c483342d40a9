import type { Hex } from 'viem'

/** Connect's hex strings (with or without `0x`, any case) as viem's lowercase `0x…`. */
export function toPrefixedHex(value: string): Hex {
  return `0x${value.trim().replace(/^0x/i, '').toLowerCase()}`
}
