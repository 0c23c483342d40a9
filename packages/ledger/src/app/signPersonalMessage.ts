import { concat, type Hex, hexToBytes, numberToBytes } from 'viem'
import { encodePath } from './encodePath.js'
import * as ins from './ins.js'
import { readSignature } from './readSignature.js'
import type { EthereumAppSignature, SendCommand } from './types.js'

/** hw-app-eth fills personal-message APDUs to 150 bytes; the app takes any size up to 255. */
const chunkSize = 150

/**
 * SIGN ETH PERSONAL MESSAGE (`E0 08 00|80 00`): `path || length (u32) || message`, the message
 * before EIP-191 prefixing, in APDUs of 150 bytes.
 */
export async function signPersonalMessage(
  send: SendCommand,
  path: string,
  message: Hex,
): Promise<EthereumAppSignature> {
  const bytes = hexToBytes(message)
  const head = concat([encodePath(path), numberToBytes(bytes.length, { size: 4 })])
  // An empty message is the head alone; hw-app-eth 7.9 sends nothing for it, then fails reading
  // the answer (`signPersonalMessage` in `src/Eth.ts`).
  const firstSize = chunkSize - head.length
  const first = concat([head, bytes.subarray(0, firstSize)])
  let response = await send(ins.signPersonalMessage, 0x00, 0x00, first)
  for (let offset = firstSize; offset < bytes.length; offset += chunkSize)
    response = await send(
      ins.signPersonalMessage,
      0x80,
      0x00,
      bytes.subarray(offset, offset + chunkSize),
    )
  return readSignature(response)
}
