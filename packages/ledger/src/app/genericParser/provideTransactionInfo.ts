import type { SendCommand } from '../types.js'
import { sendTlvPayload } from './sendTlvPayload.js'

/** PROVIDE TRANSACTION INFO (`E0 26`): the signed TRANSACTION_INFO of an ERC-7730 descriptor. */
export function provideTransactionInfo(send: SendCommand, payload: Uint8Array): Promise<void> {
  return sendTlvPayload(send, 0x26, payload)
}
