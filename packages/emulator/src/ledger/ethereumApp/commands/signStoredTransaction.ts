import { formatEther, hexToBytes, keccak256 } from 'viem'
import { runReview } from '../../../common/review.js'
import type { EmulatorScreen } from '../../../common/types.js'
import type { Apdu } from '../../apdu/apdu.js'
import { StatusWord } from '../../apdu/statusWords.js'
import { type LedgerDevice, resetContext } from '../../device.js'
import { ApduStatusError } from '../../errors.js'
import { encodeSignature, signDigest } from '../../keys/sign.js'
import { type GenericParserSession, startSession } from '../genericParser/session.js'
import { malformed } from '../genericParser/tlv.js'
import { fieldsComplete, showEmptyCallsAfter } from '../genericParser/txContexts.js'
import { networkFor } from '../networks.js'
import type { DecodedTransaction } from '../transaction.js'
import { transactionV } from './transactionV.js'

/**
 * SIGN TX in store mode (P2 01), once the whole transaction arrived: the app keeps it for the
 * generic parser and answers 9000 without a review (logic_sign_tx.c `finalize_parsing`). A
 * transaction without calldata cannot be stored (0x6A80). Blind signing is not checked here: the
 * review that follows shows the descriptor's fields, or nothing is signed.
 */
export function storeTransaction(
  device: LedgerDevice,
  path: readonly number[],
  bytes: Uint8Array,
  tx: DecodedTransaction,
): Uint8Array {
  if (!tx.to || tx.data.length < 4) throw malformed('No calldata to store')
  const from = hexToBytes(device.keyring.derive(path).address)
  device.genericParser.session = startSession(path, bytes, tx, from)
  return new Uint8Array()
}

/**
 * SIGN TX start flow (P2 02, no data; cmd_sign_tx.c): the current call's fields must hash to its
 * TRANSACTION INFO's FIELDS_HASH (0x6A80), plain transfers left after it are shown, and no inner
 * call may remain undescribed (0x6980); then the review (ui_gcs.c) and the signature of the stored
 * transaction.
 */
export async function startStoredFlow(device: LedgerDevice, apdu: Apdu): Promise<Uint8Array> {
  const session = device.genericParser.session
  if (!session) throw new ApduStatusError(StatusWord.commandNotAllowed, 'No stored transaction')
  if (apdu.data.length !== 0) throw malformed('Start flow with data')
  const { calls } = session
  if (!fieldsComplete(calls)) throw malformed('Fields do not match the transaction info')
  showEmptyCallsAfter(calls)
  if (calls.contexts.length !== 1) {
    throw new ApduStatusError(StatusWord.commandNotAllowed, 'Inner calls left undescribed')
  }
  const screens = genericParserScreens(session)
  resetContext(device)
  if (!(await runReview(device, 'transaction', screens))) {
    throw new ApduStatusError(StatusWord.rejectedByUser, 'Transaction rejected')
  }
  const signature = signDigest(device, session.path, hexToBytes(keccak256(session.bytes)))
  return encodeSignature(transactionV(session.tx, signature), signature)
}

/**
 * The review `ui_gcs` builds: "Review transaction to <operation>", "Interaction with" the
 * creator (or "a smart contract"), the field table (in a batch of several inner calls, each
 * call's "Transaction type" after a "Review transaction" "n of m" page), the network when it is
 * not the app's (Ethereum), and the max fees.
 */
export function genericParserScreens(session: GenericParserSession): EmulatorScreen[] {
  const { tx, calls } = session
  const info = calls.current?.info
  const network = networkFor(tx.chainId)
  const screens: EmulatorScreen[] = [
    { title: 'Review transaction to', value: info?.operationType ?? '' },
    { title: 'Interaction with', value: info?.creatorName ?? 'a smart contract' },
  ]
  let call = 0
  for (const entry of calls.entries) {
    if (entry.startsIntent && calls.batchCount > 1) {
      call++
      screens.push({ title: 'Review transaction', value: `${call} of ${calls.batchCount}` })
    }
    screens.push({ title: entry.title, value: entry.value })
  }
  if (tx.chainId !== 1n) screens.push({ title: 'Network', value: network.name })
  screens.push({
    title: 'Max fees',
    value: `${formatEther(tx.maxFeePerGas * tx.gas)} ${network.ticker}`,
  })
  return screens
}
