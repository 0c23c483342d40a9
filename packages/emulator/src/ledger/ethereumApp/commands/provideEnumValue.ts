import type { Apdu } from '../../apdu/apdu.js'
import type { LedgerDevice } from '../../device.js'
import { parseEnumValue } from '../genericParser/enumValue.js'
import { receiveTlvChunk } from '../genericParser/session.js'

/**
 * PROVIDE ENUM VALUE (E0 24, cmd_enum_value.c): a signed enum entry for a later ENUM field,
 * verified against the CALLDATA certificate (0x6A80 otherwise).
 */
export function provideEnumValue(device: LedgerDevice, apdu: Apdu): Uint8Array {
  const payload = receiveTlvChunk(device.genericParser, apdu)
  if (!payload) return new Uint8Array()
  device.genericParser.enums.push(parseEnumValue(payload, device.pkiCertificate))
  return new Uint8Array()
}
