import type { SendCommand } from '../types.js'
import { sendTlvPayload } from './sendTlvPayload.js'

/**
 * PROVIDE PROXY INFO (`E0 2A`): Ledger's signed statement that a proxy runs an implementation's
 * code, so the implementation's descriptor applies to calls to the proxy.
 */
export function provideProxyInfo(send: SendCommand, payload: Uint8Array): Promise<void> {
  return sendTlvPayload(send, 0x2a, payload)
}
