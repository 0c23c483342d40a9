import { bytesToHex, hexToBytes } from 'viem'
import type { Apdu } from '../../apdu/apdu.js'
import { StatusWord } from '../../apdu/statusWords.js'
import type { LedgerDevice } from '../../device.js'
import { ApduStatusError } from '../../errors.js'
import { implementationBehind } from '../genericParser/proxyInfo.js'
import { receiveTlvChunk } from '../genericParser/session.js'
import { malformed } from '../genericParser/tlv.js'
import { parseTransactionInfo } from '../genericParser/transactionInfo.js'

/**
 * PROVIDE TRANSACTION INFO (E0 26, cmd_tx_info.c): only while a transaction is stored (0x6980
 * otherwise). The struct must verify against the CALLDATA certificate and match the stored
 * transaction's contract, selector and chain id (`find_matching_tx_ctx`), else 0x6A80. The contract
 * is the implementation when an accepted proxy info names the transaction's `to` as its proxy.
 */
export function provideTransactionInfo(device: LedgerDevice, apdu: Apdu): Uint8Array {
  const session = device.genericParser.session
  if (!session) throw new ApduStatusError(StatusWord.commandNotAllowed, 'No stored transaction')
  const payload = receiveTlvChunk(device.genericParser, apdu)
  if (!payload) return new Uint8Array()
  const info = parseTransactionInfo(payload, device.pkiCertificate)
  const { tx } = session
  const selector = bytesToHex(tx.data.subarray(0, 4))
  const to = tx.to ? hexToBytes(tx.to) : new Uint8Array(20)
  const implementation = implementationBehind(device.genericParser.proxy, {
    chainId: info.chainId,
    to,
    selector: info.selector,
  })
  if (
    bytesToHex(info.contract) !== bytesToHex(implementation ?? to) ||
    bytesToHex(info.selector) !== selector ||
    info.chainId !== tx.chainId
  ) {
    throw malformed('Transaction info does not match the transaction')
  }
  session.info = info
  return new Uint8Array()
}
