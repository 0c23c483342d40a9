import { bytesToHex } from 'viem/utils'
import type { DigestSignature } from '../../common/signing.js'

/** `r ‖ s ‖ v` with `v` = 27 + recovery, hex without `0x`: the firmware's message signature layout. */
export function messageSignatureHex({ r, s, recovery }: DigestSignature): string {
  return bytesToHex(new Uint8Array([...r, ...s, 27 + recovery])).slice(2)
}
