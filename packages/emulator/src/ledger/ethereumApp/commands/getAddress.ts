import { runReview } from '../../../common/review.js'
import type { EmulatorScreen } from '../../../common/types.js'
import { type Apdu, parsePath } from '../../apdu/apdu.js'
import { concatBytes, readUintBE } from '../../apdu/bytes.js'
import { StatusWord } from '../../apdu/statusWords.js'
import { type LedgerDevice, resetContext } from '../../device.js'
import { ApduStatusError } from '../../errors.js'
import { networkFor } from '../networks.js'

/**
 * GET ETH PUBLIC ADDRESS (E0 02): P1 01 shows the address for confirmation, P2 01 appends the
 * chain code; optional 8-byte chain id after the path names the network on screen.
 * Answers `65 || pubkey || 40 || address as ASCII hex || [chain code]`.
 */
export async function getAddress(device: LedgerDevice, apdu: Apdu): Promise<Uint8Array> {
  // `handle_get_public_key` starts with `reset_app_context()`: a stored transaction and the
  // descriptors, tokens and enum values given for it are dropped.
  resetContext(device)
  if (apdu.p1 > 1 || apdu.p2 > 1) throw new ApduStatusError(StatusWord.wrongP1P2, 'Bad P1/P2')
  const { path, rest } = parsePath(apdu.data)
  const key = device.keyring.derive(path)
  if (apdu.p1 === 1) {
    const screens: EmulatorScreen[] = [{ title: 'Address', value: key.address }]
    if (rest.length >= 8) {
      screens.push({ title: 'Network', value: networkFor(readUintBE(rest.subarray(0, 8))).name })
    }
    if (!(await runReview(device, 'address', screens))) {
      throw new ApduStatusError(StatusWord.rejectedByUser, 'Address rejected')
    }
  }
  const address = new TextEncoder().encode(key.address.slice(2))
  return concatBytes(
    Uint8Array.of(key.publicKey.length),
    key.publicKey,
    Uint8Array.of(address.length),
    address,
    apdu.p2 === 1 ? key.chainCode : new Uint8Array(),
  )
}
