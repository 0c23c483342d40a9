import type { Apdu } from '../../apdu/apdu.js'
import { readUintBE } from '../../apdu/bytes.js'
import { StatusWord } from '../../apdu/statusWords.js'
import type { LedgerDevice } from '../../device.js'
import { ApduStatusError } from '../../errors.js'
import { formatField } from '../genericParser/field.js'
import { receiveTlvChunk } from '../genericParser/session.js'
import {
  addEntry,
  fieldsComplete,
  isRoot,
  popTxContext,
  pushTxContext,
  showEmptyCallsAfter,
} from '../genericParser/txContexts.js'

/**
 * PROVIDE TRANSACTION FIELD DESCRIPTION (E0 28, cmd_field.c): after the current call's TRANSACTION
 * INFO (0x6980 before). Each FIELD payload joins the current call's SHA3-256 and adds its screens,
 * read from that call's calldata, `to`, amount and chain; a field the app cannot format answers
 * 0x6A80. A CALLDATA field appends the inner calls it names. Once an inner call's fields hash to
 * its info's, it is done and the call before it is current again.
 */
export function provideFieldDescription(device: LedgerDevice, apdu: Apdu): Uint8Array {
  const session = device.genericParser.session
  if (!session) throw new ApduStatusError(StatusWord.commandNotAllowed, 'No stored transaction')
  const { calls } = session
  const current = calls.current
  if (!current?.info) {
    throw new ApduStatusError(StatusWord.commandNotAllowed, 'No transaction info')
  }
  const payload = receiveTlvChunk(device.genericParser, apdu)
  if (!payload) return new Uint8Array()
  current.fieldsHash.update(payload)
  const screens = formatField(payload, {
    args: current.calldata?.args ?? new Uint8Array(),
    from: current.from,
    to: current.to,
    amount: readUintBE(current.amount),
    chainId: current.info.chainId,
    tokens: device.tokens,
    enums: device.genericParser.enums,
    proxy: device.genericParser.proxy,
    selector: current.calldata?.selector ?? new Uint8Array(4),
    nest: (inner) => {
      if (inner.length > 1) calls.batchCount += inner.length
      calls.currentBatchSize = inner.length
      for (const call of inner) pushTxContext(calls, call)
    },
  })
  for (const screen of screens) addEntry(calls, screen.title, screen.value)
  while (!isRoot(calls) && fieldsComplete(calls)) {
    showEmptyCallsAfter(calls)
    popTxContext(calls)
  }
  return new Uint8Array()
}
