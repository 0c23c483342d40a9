import { hexToBytes } from 'viem'
import type { Apdu } from '../../apdu/apdu.js'
import { StatusWord } from '../../apdu/statusWords.js'
import type { LedgerDevice } from '../../device.js'
import { ApduStatusError } from '../../errors.js'
import { formatField } from '../genericParser/field.js'
import { receiveTlvChunk } from '../genericParser/session.js'

/**
 * PROVIDE TRANSACTION FIELD DESCRIPTION (E0 28, cmd_field.c): after a TRANSACTION INFO (0x6980
 * before). Each FIELD payload joins the SHA3-256 the info signed and adds its screens; a field
 * the app cannot format answers 0x6A80.
 */
export function provideFieldDescription(device: LedgerDevice, apdu: Apdu): Uint8Array {
  const session = device.genericParser.session
  if (!session) throw new ApduStatusError(StatusWord.commandNotAllowed, 'No stored transaction')
  if (!session.info) throw new ApduStatusError(StatusWord.commandNotAllowed, 'No transaction info')
  const payload = receiveTlvChunk(device.genericParser, apdu)
  if (!payload) return new Uint8Array()
  session.fieldsHash.update(payload)
  const { tx } = session
  const screens = formatField(payload, {
    args: tx.data.subarray(4),
    from: hexToBytes(device.keyring.derive(session.path).address),
    to: tx.to ? hexToBytes(tx.to) : new Uint8Array(20),
    amount: tx.value,
    chainId: session.info.chainId,
    tokens: device.tokens,
    enums: device.genericParser.enums,
    proxy: device.genericParser.proxy,
    selector: tx.data.subarray(0, 4),
  })
  session.screens.push(...screens)
  return new Uint8Array()
}
