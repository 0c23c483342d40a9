import { bytesToHex } from 'viem'
import type { Apdu } from '../../apdu/apdu.js'
import { StatusWord } from '../../apdu/statusWords.js'
import type { LedgerDevice } from '../../device.js'
import { ApduStatusError } from '../../errors.js'
import { receiveTlvChunk } from '../genericParser/session.js'
import { malformed } from '../genericParser/tlv.js'
import { parseTransactionInfo } from '../genericParser/transactionInfo.js'

/**
 * PROVIDE TRANSACTION INFO (E0 26, cmd_tx_info.c): only while a transaction is stored (0x6980
 * otherwise). The struct must verify against the CALLDATA certificate and match the stored
 * transaction's contract, selector and chain id (`find_matching_tx_ctx`), else 0x6A80.
 */
export function provideTransactionInfo(device: LedgerDevice, apdu: Apdu): Uint8Array {
  const session = device.genericParser.session
  if (!session) throw new ApduStatusError(StatusWord.commandNotAllowed, 'No stored transaction')
  const payload = receiveTlvChunk(device.genericParser, apdu)
  if (!payload) return new Uint8Array()
  const info = parseTransactionInfo(payload, device.pkiCertificate)
  const { tx } = session
  const selector = bytesToHex(tx.data.subarray(0, 4))
  if (
    bytesToHex(info.contract) !== tx.to?.toLowerCase() ||
    bytesToHex(info.selector) !== selector ||
    info.chainId !== tx.chainId
  ) {
    throw malformed('Transaction info does not match the transaction')
  }
  session.info = info
  return new Uint8Array()
}
