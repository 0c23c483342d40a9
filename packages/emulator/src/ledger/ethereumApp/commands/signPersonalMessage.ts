import { bytesToHex, hashMessage, hexToBytes } from 'viem'
import { runReview } from '../../../common/review.js'
import { type Apdu, parsePath } from '../../apdu/apdu.js'
import { concatBytes } from '../../apdu/bytes.js'
import { StatusWord } from '../../apdu/statusWords.js'
import { type LedgerDevice, resetContext } from '../../device.js'
import { ApduStatusError } from '../../errors.js'
import { encodeSignature, signDigest } from '../../keys/sign.js'
import type { LedgerModel } from '../../types.js'

/**
 * SIGN ETH PERSONAL MESSAGE (E0 08): first chunk P1 00 `path || length (4) || message chunk`,
 * then P1 80 chunks. Answers `v (27 + parity) || r || s` once the whole message arrived.
 */
export async function signPersonalMessage(device: LedgerDevice, apdu: Apdu): Promise<Uint8Array> {
  if (apdu.p1 === 0x00) {
    const { path, rest } = parsePath(apdu.data)
    if (rest.length < 4) throw new ApduStatusError(StatusWord.incorrectData, 'Missing length')
    const expected = new DataView(rest.buffer, rest.byteOffset).getUint32(0)
    device.message = { path, expected, bytes: rest.slice(4) }
  } else if (apdu.p1 === 0x80 && device.message) {
    device.message.bytes = concatBytes(device.message.bytes, apdu.data)
  } else {
    throw new ApduStatusError(StatusWord.rejectedByUser, 'No message in progress')
  }
  const { path, bytes, expected } = device.message
  if (bytes.length < (expected ?? 0)) return new Uint8Array()
  resetContext(device)
  if (bytes.length > (expected ?? 0)) {
    throw new ApduStatusError(StatusWord.incorrectData, 'Message longer than announced')
  }
  const screens = [{ title: 'Message', value: displayMessage(bytes, device.model) }]
  if (!(await runReview(device, 'message', screens))) {
    throw new ApduStatusError(StatusWord.rejectedByUser, 'Message rejected')
  }
  const digest = hexToBytes(hashMessage({ raw: bytes }))
  const signature = signDigest(device, path, digest)
  return encodeSignature(27 + signature.parity, signature)
}

/**
 * What the app shows (cmd_sign_message.c `final_process`): the text when every byte is `isprint` or
 * `isspace` in the C locale (0x20-0x7E, 0x09-0x0D), else `0x` and lowercase hex of every byte. A
 * byte of 0x80 or more (any non-ASCII UTF-8) makes the whole message hex. Nano models show each
 * whitespace character as a space.
 */
export function displayMessage(bytes: Uint8Array, model: LedgerModel): string {
  if (!bytes.every(isPrintableOrSpace)) return bytesToHex(bytes)
  const text = new TextDecoder().decode(bytes)
  return model === 'stax' || model === 'flex' ? text : text.replace(/[\t\n\v\f\r]/g, ' ')
}

function isPrintableOrSpace(byte: number): boolean {
  return (byte >= 0x20 && byte <= 0x7e) || (byte >= 0x09 && byte <= 0x0d)
}
