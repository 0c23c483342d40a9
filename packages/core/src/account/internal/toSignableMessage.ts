import { bytesToHex, type Hex, isHex, type SignableMessage, stringToHex } from 'viem'
import { InvalidRequestError } from '../../errors/request.js'

/**
 * The largest message sent to a device, in bytes. Devices show a message a screen at a time; no one
 * reviews 64 KiB on one (EIP-4361 sign-in messages are well under 2 KiB), and a Ledger takes minutes
 * to stream it.
 */
export const maxMessageSize = 64 * 1024

/** The bytes of an EIP-191 personal message, before prefixing. */
export function toMessageBytes(message: SignableMessage): Hex {
  return checkSize(toBytes(message))
}

function checkSize(bytes: Hex): Hex {
  const size = (bytes.length - 2) / 2
  if (size > maxMessageSize)
    throw new InvalidRequestError({
      reason: `the message is ${size} bytes; devices are sent at most ${maxMessageSize}`,
    })
  return bytes
}

function toBytes(message: SignableMessage): Hex {
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
