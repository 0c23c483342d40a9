import { bytesToHex, hexToBytes, keccak256 } from 'viem'
import { recordErrorScreen, runReview } from '../../../common/review.js'
import { type Apdu, parsePath } from '../../apdu/apdu.js'
import { concatBytes } from '../../apdu/bytes.js'
import { StatusWord } from '../../apdu/statusWords.js'
import { type LedgerDevice, resetContext } from '../../device.js'
import { ApduStatusError } from '../../errors.js'
import { encodeSignature, signDigest } from '../../keys/sign.js'
import { appVersionAtLeast } from '../appVersion.js'
import { finishReview } from '../eip712/review.js'

/**
 * SIGN ETH EIP 712 (E0 0C). P2 00 (hashed): `path || domain hash || message hash`, refused with
 * 0x6A80 while blind signing is off. P2 01 (full): `path`, signs the hash the device computed from
 * the struct definitions and implementations it received, after the review the filters (or the
 * settings) allowed. Answers `v (27 + parity) || r || s`.
 */
export async function signTypedData(device: LedgerDevice, apdu: Apdu): Promise<Uint8Array> {
  if (apdu.p1 !== 0x00) throw new ApduStatusError(StatusWord.wrongP1P2, 'Bad P1')
  if (apdu.p2 === 0x00) return signHashed(device, apdu)
  if (apdu.p2 === 0x01 && device.model !== 'nanoS') return signFull(device, apdu)
  throw new ApduStatusError(StatusWord.wrongP1P2, 'Bad P2')
}

// Blind signing is required since app 1.12.0 ("blind-signing friction to EIP-712 v0").
async function signHashed(device: LedgerDevice, apdu: Apdu): Promise<Uint8Array> {
  resetContext(device)
  if (!device.blindSigning && appVersionAtLeast(device, '1.12.0')) {
    recordErrorScreen(device, 'typed-data', {
      title: 'Blind signing',
      value: 'Enable blind signing in Settings',
    })
    throw new ApduStatusError(StatusWord.incorrectData, 'Blind signing is off')
  }
  const { path, rest } = parsePath(apdu.data)
  if (rest.length < 64) throw new ApduStatusError(StatusWord.incorrectData, 'Missing hashes')
  const domainHash = rest.subarray(0, 32)
  const messageHash = rest.subarray(32, 64)
  const screens = [
    { title: 'Blind signing', value: 'This message cannot be clear-signed' },
    { title: 'Domain hash', value: bytesToHex(domainHash) },
    { title: 'Message hash', value: bytesToHex(messageHash) },
  ]
  return approveAndSign(device, path, domainHash, messageHash, screens)
}

// handle_eip712_sign (commands_712.c:280-318): 0x6980 without a session, 0x6A80 while the
// message is incomplete, 0x6A88 when filtering is on and the message info (since 1.22.0) or some
// announced filters are missing.
async function signFull(device: LedgerDevice, apdu: Apdu): Promise<Uint8Array> {
  const session = device.eip712
  if (!session) throw new ApduStatusError(StatusWord.commandNotAllowed, 'No typed data')
  if (!session.domainHash || !session.messageHash || session.stack.length > 0) {
    throw new ApduStatusError(StatusWord.incorrectData, 'Typed data incomplete')
  }
  if (session.filteringMode === 'full') {
    const info = session.messageInfo
    const missingInfo = !info && appVersionAtLeast(device, '1.22.0')
    if (missingInfo || session.filterPaths.size < (info?.filtersCount ?? 0)) {
      throw new ApduStatusError(StatusWord.referencedDataNotFound, 'EIP-712 filters missing')
    }
  }
  const { path } = parsePath(apdu.data)
  const screens = finishReview(device, session)
  resetContext(device)
  return approveAndSign(device, path, session.domainHash, session.messageHash, screens)
}

async function approveAndSign(
  device: LedgerDevice,
  path: readonly number[],
  domainHash: Uint8Array,
  messageHash: Uint8Array,
  screens: readonly { title: string; value: string }[],
): Promise<Uint8Array> {
  if (!(await runReview(device, 'typed-data', screens))) {
    throw new ApduStatusError(StatusWord.rejectedByUser, 'Typed data rejected')
  }
  const digest = hexToBytes(
    keccak256(concatBytes(Uint8Array.of(0x19, 0x01), domainHash, messageHash)),
  )
  const signature = signDigest(device, path, digest)
  return encodeSignature(27 + signature.parity, signature)
}
