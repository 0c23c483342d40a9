import { bytesToHex, getAddress } from 'viem'
import type { TokenDescriptor } from './types.js'

/** Bytes of the INS 0x0A payload after the ticker: address (20), decimals (4), chain id (4). */
const fixedFieldsLength = 20 + 4 + 4

/**
 * The tokens of one of Ledger's `erc20-signatures.json` blobs: base64 of records
 * `u32 length ‖ payload`, each payload the data of the Ethereum app's INS 0x0A.
 */
export function parseTokenSignatures(base64: string): TokenDescriptor[] {
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0))
  const view = new DataView(bytes.buffer)
  const tokens: TokenDescriptor[] = []
  let offset = 0
  while (offset < bytes.length) {
    if (offset + 4 > bytes.length) throw new Error(`Truncated token record at byte ${offset}`)
    const length = view.getUint32(offset)
    offset += 4
    const payload = bytes.slice(offset, offset + length)
    const tickerLength = payload[0] ?? 0
    if (payload.length !== length || length < 1 + tickerLength + fixedFieldsLength)
      throw new Error(`Truncated token record at byte ${offset - 4}`)
    const address = payload.subarray(1 + tickerLength, 21 + tickerLength)
    const numbers = new DataView(payload.buffer, 21 + tickerLength, 8)
    tokens.push({
      chainId: numbers.getUint32(4),
      address: getAddress(bytesToHex(address)),
      ticker: new TextDecoder().decode(payload.subarray(1, 1 + tickerLength)),
      decimals: numbers.getUint32(0),
      payload,
    })
    offset += length
  }
  return tokens
}
