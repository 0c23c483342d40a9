import type { SendCommand } from '../types.js'
import { sendTlvPayload } from './sendTlvPayload.js'

/** PROVIDE ENUM VALUE (`E0 24`): a signed name for one value of an enum field. */
export function provideEnumValue(send: SendCommand, payload: Uint8Array): Promise<void> {
  return sendTlvPayload(send, 0x24, payload)
}
