import { readSignature } from '../readSignature.js'
import type { EthereumAppSignature, SendCommand } from '../types.js'

/**
 * SIGN ETH TRANSACTION, start flow (`E0 04 00 02`, no data): the app checks the fields it received
 * against the TRANSACTION_INFO, shows them, and answers the stored transaction's `v || r || s`.
 */
export async function startTransactionReview(send: SendCommand): Promise<EthereumAppSignature> {
  return readSignature(await send(0x04, 0x00, 0x02, new Uint8Array()))
}
