import type { SendCommand } from '../types.js'
import { sendTlvPayload } from './sendTlvPayload.js'

/**
 * PROVIDE TRANSACTION FIELD DESCRIPTION (`E0 28`): one FIELD of the descriptor, in order; the
 * TRANSACTION_INFO signed their SHA3-256.
 */
export function provideFieldDescription(send: SendCommand, payload: Uint8Array): Promise<void> {
  return sendTlvPayload(send, 0x28, payload)
}
