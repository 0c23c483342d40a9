import { type Hex, hexToBytes } from 'viem'
import { encodePath } from '../encodePath.js'
import { chunkTransaction } from '../signTransaction.js'
import type { SendCommand } from '../types.js'

/**
 * SIGN ETH TRANSACTION in store mode (`E0 04 00|80 01`): the path and the transaction, chunked as
 * for signing, kept by the app for the generic parser. It answers 9000 and shows nothing.
 */
export async function storeTransaction(
  send: SendCommand,
  path: string,
  serializedTransaction: Hex,
): Promise<void> {
  const chunks = chunkTransaction(encodePath(path), hexToBytes(serializedTransaction))
  for (const [index, chunk] of chunks.entries())
    await send(0x04, index === 0 ? 0x00 : 0x80, 0x01, chunk)
}
