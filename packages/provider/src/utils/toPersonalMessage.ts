import { InvalidRequestError } from '@airlock/core'
import { isHex, type SignableMessage } from 'viem'

/**
 * The message of a `personal_sign` request: hex data is signed as raw bytes; any other string as
 * its UTF-8 bytes, as MetaMask does.
 */
export function toPersonalMessage(data: unknown): SignableMessage {
  if (typeof data !== 'string')
    throw new InvalidRequestError({ reason: 'the message must be a hex or UTF-8 string' })
  if (isHex(data) && data.length % 2 === 0) return { raw: data }
  return data
}
