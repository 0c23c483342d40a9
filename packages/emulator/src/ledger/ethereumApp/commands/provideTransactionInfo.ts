import type { Apdu } from '../../apdu/apdu.js'
import { StatusWord } from '../../apdu/statusWords.js'
import type { LedgerDevice } from '../../device.js'
import { ApduStatusError } from '../../errors.js'
import { receiveTlvChunk } from '../genericParser/session.js'
import { malformed } from '../genericParser/tlv.js'
import { parseTransactionInfo } from '../genericParser/transactionInfo.js'
import {
  selectMatchingContext,
  setCurrentInfo,
  showEmptyCallsBefore,
} from '../genericParser/txContexts.js'

/**
 * PROVIDE TRANSACTION INFO (E0 26, cmd_tx_info.c): only while a transaction is stored (0x6980
 * otherwise). The struct must verify against the CALLDATA certificate and match one of the
 * review's calls, the stored transaction or an inner call a CALLDATA field named, by contract,
 * selector and chain id (`find_matching_tx_ctx`), else 0x6A80; that call's fields come next. The
 * contract is the implementation when an accepted proxy info names the call's `to` as its proxy.
 */
export function provideTransactionInfo(device: LedgerDevice, apdu: Apdu): Uint8Array {
  const session = device.genericParser.session
  if (!session) throw new ApduStatusError(StatusWord.commandNotAllowed, 'No stored transaction')
  const payload = receiveTlvChunk(device.genericParser, apdu)
  if (!payload) return new Uint8Array()
  const info = parseTransactionInfo(payload, device.pkiCertificate)
  if (!selectMatchingContext(session.calls, info, device.genericParser.proxy)) {
    throw malformed('Transaction info does not match the transaction')
  }
  showEmptyCallsBefore(session.calls)
  setCurrentInfo(session.calls, info)
  return new Uint8Array()
}
