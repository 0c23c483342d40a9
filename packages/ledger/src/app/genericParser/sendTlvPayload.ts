import { maxPayload } from '../apdu.js'
import type { SendCommand } from '../types.js'

/**
 * Sends a TLV payload the way the app's `tlv_from_apdu` reads it (PROVIDE TRANSACTION INFO, FIELD
 * DESCRIPTION, ENUM VALUE): `length (2, BE) || payload` in APDUs of at most 255 bytes, the first
 * with P1 01, the rest with P1 00.
 */
export async function sendTlvPayload(send: SendCommand, ins: number, payload: Uint8Array) {
  const framed = new Uint8Array(2 + payload.length)
  framed[0] = payload.length >> 8
  framed[1] = payload.length & 0xff
  framed.set(payload, 2)
  for (let offset = 0; offset < framed.length; offset += maxPayload)
    await send(ins, offset === 0 ? 0x01 : 0x00, 0x00, framed.subarray(offset, offset + maxPayload))
}
