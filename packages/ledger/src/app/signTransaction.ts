import { concat, fromRlp, type Hex, hexToBytes, toRlp } from 'viem'
import { maxPayload } from './apdu.js'
import { encodePath } from './encodePath.js'
import * as ins from './ins.js'
import { readSignature } from './readSignature.js'
import type { EthereumAppSignature, SendCommand } from './types.js'

/**
 * SIGN ETH TRANSACTION (`E0 04 00|80 00`): the path and the unsigned transaction, as viem
 * serialized it, in APDUs of at most 255 bytes; the first with P1 00, the rest with P1 80.
 */
export async function signTransaction(
  send: SendCommand,
  path: string,
  serializedTransaction: Hex,
): Promise<EthereumAppSignature> {
  const chunks = chunkTransaction(encodePath(path), hexToBytes(serializedTransaction))
  let response: Uint8Array = new Uint8Array()
  for (const [index, chunk] of chunks.entries())
    response = await send(ins.signTransaction, index === 0 ? 0x00 : 0x80, 0x00, chunk)
  return readSignature(response)
}

/**
 * The path and the unsigned transaction in APDU payloads of at most 255 bytes. An app that gets a
 * legacy transaction's trailing `chainId, 0, 0` fields alone in the last APDU signs it as
 * pre-EIP-155, one APDU early (LedgerHQ/app-ethereum#409), so, as hw-app-eth 7.9 does
 * (`safeChunkTransaction` in `src/utils.ts`), the chunk size shrinks until the last chunk is empty
 * or longer than those fields.
 */
export function chunkTransaction(path: Uint8Array, transaction: Uint8Array): Uint8Array[] {
  const payload = concat([path, transaction])
  const split = (size: number) =>
    Array.from({ length: Math.ceil(payload.length / size) }, (_, i) =>
      payload.subarray(i * size, (i + 1) * size),
    )
  if (payload.length <= maxPayload) return [payload]
  const isLegacy = transaction[0]! >= 0xc0
  if (!isLegacy) return split(maxPayload)
  const fields = fromRlp(transaction, 'bytes') as Uint8Array[]
  const trailing = toRlp(fields.slice(-3), 'bytes').length - 1
  for (let size = maxPayload; size > 0; size--) {
    const last = payload.length % size
    if (last === 0 || last > trailing) return split(size)
  }
  return split(maxPayload)
}
