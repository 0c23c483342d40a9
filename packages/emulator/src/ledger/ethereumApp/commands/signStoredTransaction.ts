import { bytesToHex, formatEther, hexToBytes, keccak256 } from 'viem'
import { runReview } from '../../../common/review.js'
import type { EmulatorScreen } from '../../../common/types.js'
import type { Apdu } from '../../apdu/apdu.js'
import { StatusWord } from '../../apdu/statusWords.js'
import { type LedgerDevice, resetContext } from '../../device.js'
import { ApduStatusError } from '../../errors.js'
import { encodeSignature, signDigest } from '../../keys/sign.js'
import { type GenericParserSession, startSession } from '../genericParser/session.js'
import { malformed } from '../genericParser/tlv.js'
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
  device.genericParser.session = startSession(path, bytes, tx)
  return new Uint8Array()
}

/**
 * SIGN TX start flow (P2 02, no data): the fields received must hash to the TRANSACTION INFO's
 * FIELDS_HASH (0x6A80), then the review (ui_gcs.c) and the signature of the stored transaction.
 */
export async function startStoredFlow(device: LedgerDevice, apdu: Apdu): Promise<Uint8Array> {
  const session = device.genericParser.session
  if (!session) throw new ApduStatusError(StatusWord.commandNotAllowed, 'No stored transaction')
  if (apdu.data.length !== 0) throw malformed('Start flow with data')
  const { info } = session
  const digest = session.fieldsHash.clone().digest()
  if (!info || bytesToHex(digest) !== bytesToHex(info.fieldsHash)) {
    throw malformed('Fields do not match the transaction info')
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
 * creator (or "a smart contract"), the fields, the network when it is not the app's (Ethereum),
 * and the max fees.
 */
export function genericParserScreens(session: GenericParserSession): EmulatorScreen[] {
  const { info, tx } = session
  const network = networkFor(tx.chainId)
  const screens: EmulatorScreen[] = [
    { title: 'Review transaction to', value: info?.operationType ?? '' },
    { title: 'Interaction with', value: info?.creatorName ?? 'a smart contract' },
    ...session.screens,
  ]
  if (tx.chainId !== 1n) screens.push({ title: 'Network', value: network.name })
  screens.push({
    title: 'Max fees',
    value: `${formatEther(tx.maxFeePerGas * tx.gas)} ${network.ticker}`,
  })
  return screens
}
