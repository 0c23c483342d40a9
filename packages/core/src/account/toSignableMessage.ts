import { bytesToHex, type Hex, isHex, type SignableMessage, stringToHex } from 'viem'
import { InvalidRequestError } from '../errors/request.js'

/** The bytes of an EIP-191 personal message, before prefixing. */
export function toMessageBytes(message: SignableMessage): Hex {
  if (typeof message === 'string') return stringToHex(message)
  if (message && typeof message === 'object' && 'raw' in message) {
    const { raw } = message
    if (raw instanceof Uint8Array) return bytesToHex(raw)
    if (typeof raw === 'string' && isHex(raw) && raw.length % 2 === 0)
      return raw.toLowerCase() as Hex
    throw new InvalidRequestError({
      reason: '"message.raw" must be a Uint8Array or an even-length 0x-prefixed hex string',
    })
  }
  throw new InvalidRequestError({
    reason: 'the message must be a string or { raw: Hex | Uint8Array }',
  })
}
