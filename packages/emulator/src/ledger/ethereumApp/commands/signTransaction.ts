import { hexToBytes, keccak256 } from 'viem'
import { recordErrorScreen, runReview } from '../../../common/review.js'
import type { EmulatorScreen } from '../../../common/types.js'
import { type Apdu, parsePath } from '../../apdu/apdu.js'
import { concatBytes } from '../../apdu/bytes.js'
import { StatusWord } from '../../apdu/statusWords.js'
import { type LedgerDevice, resetContext } from '../../device.js'
import { ApduStatusError } from '../../errors.js'
import { encodeSignature, signDigest } from '../../keys/sign.js'
import { appVersionAtLeast } from '../appVersion.js'
import { clearSignedScreens } from '../clearSigning.js'
import { erc20Plugin } from '../erc20Plugin.js'
import {
  type DecodedTransaction,
  decodeTransaction,
  expectedTransactionLength,
} from '../transaction.js'
import { pluginTransactionScreens, transactionScreens } from '../transactionScreens.js'
import { startStoredFlow, storeTransaction } from './signStoredTransaction.js'
import { transactionV } from './transactionV.js'

/**
 * SIGN ETH TRANSACTION (E0 04): P1 00 `path || RLP chunk`, then P1 80 chunks of at most 255 bytes.
 * Intermediate chunks answer 9000 with no data; the last one answers `v || r || s`. P2 01 stores
 * the transaction for the generic parser instead, P2 02 then starts its review
 * (signStoredTransaction.ts).
 */
export async function signTransaction(device: LedgerDevice, apdu: Apdu): Promise<Uint8Array> {
  if (apdu.p2 === 0x02) return startStoredFlow(device, apdu)
  if (apdu.p2 !== 0x00 && apdu.p2 !== 0x01)
    throw new ApduStatusError(StatusWord.wrongP1P2, 'Bad P2')
  if (apdu.p1 === 0x00) {
    // A first chunk while a transaction is stored resets the app's context (`handle_first_sign_chunk`
    // with appState SIGNING_TX): the stored one can no longer be started.
    if (device.genericParser.session) resetContext(device)
    resetTransactionOnly(device)
    const { path, rest } = parsePath(apdu.data)
    device.transaction = { path, bytes: rest.slice() }
    device.genericParser.storing = apdu.p2 === 0x01
  } else if (apdu.p1 === 0x80 && device.transaction) {
    device.transaction.bytes = concatBytes(device.transaction.bytes, apdu.data)
  } else {
    throw new ApduStatusError(StatusWord.rejectedByUser, 'No transaction in progress')
  }
  const { path, bytes } = device.transaction
  const expected = guarded(device, () => expectedTransactionLength(bytes))
  if (expected === undefined || bytes.length < expected) return new Uint8Array()
  const tx = guarded(device, () => {
    if (bytes.length > expected) {
      throw new ApduStatusError(StatusWord.incorrectData, 'Data after the transaction')
    }
    return decodeTransaction(bytes)
  })
  // Type 4 arrived in app 1.17.0; 1.16.0 answers it APDU_RESPONSE_TX_TYPE_NOT_SUPPORTED
  // (src_features/signTx/cmd_signTx.c).
  if (tx.type === 'eip7702' && (device.model === 'nanoS' || !appVersionAtLeast(device, '1.17.0'))) {
    resetContext(device)
    throw new ApduStatusError(StatusWord.unsupportedTransactionType, 'No EIP-7702 transactions')
  }
  if (device.genericParser.storing) {
    device.transaction = undefined
    return guarded(device, () => storeTransaction(device, path, bytes, tx))
  }
  const screens = guarded(device, () => reviewScreens(device, path, tx))
  resetContext(device)
  if (!(await runReview(device, 'transaction', screens))) {
    throw new ApduStatusError(StatusWord.rejectedByUser, 'Transaction rejected')
  }
  const signature = signDigest(device, path, hexToBytes(keccak256(bytes)))
  return encodeSignature(transactionV(tx, signature), signature)
}

// An external plugin the host set wins over the internal ones (src/plugins/eth_plugin_handler.c:178-203);
// then the ERC-20 plugin, for `transfer`/`approve` to any contract; then the generic flow.
function reviewScreens(
  device: LedgerDevice,
  path: readonly number[],
  tx: DecodedTransaction,
): EmulatorScreen[] {
  const external = clearSignedScreens(device, tx)
  const erc20 = external ? undefined : erc20Plugin(device.tokens, tx)
  const blind = erc20 ? erc20.kind === 'blind' : tx.data.length > 0 && !external
  if (blind && !device.blindSigning) {
    recordErrorScreen(device, 'transaction', {
      title: 'Blind signing',
      value: 'Enable blind signing in Settings',
    })
    throw new ApduStatusError(StatusWord.incorrectData, 'Blind signing is off')
  }
  if (!erc20) return transactionScreens(tx, external)
  const from = device.keyring.derive(path).address
  return pluginTransactionScreens(tx, from, erc20.kind === 'clear' ? erc20.screens : 'blind')
}

function guarded<T>(device: LedgerDevice, f: () => T): T {
  try {
    return f()
  } catch (error) {
    resetContext(device)
    throw error
  }
}

function resetTransactionOnly(device: LedgerDevice): void {
  device.transaction = undefined
}
