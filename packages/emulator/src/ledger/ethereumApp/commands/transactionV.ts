import { readUintBE } from '../../apdu/bytes.js'
import type { DeviceSignature } from '../../keys/sign.js'
import type { DecodedTransaction } from '../transaction.js'

/**
 * The `v` byte the app returns (app-ethereum `io_seproxyhal_touch_tx_ok`): typed transactions get
 * the bare parity; legacy ones `chainId * 2 + 35 + parity` computed from the top 4 bytes of the
 * chain id the app parsed, truncated to one byte, or `27 + parity` before EIP-155.
 */
export function transactionV(tx: DecodedTransaction, signature: DeviceSignature): number {
  if (tx.type !== 'legacy') return signature.parity
  const extra = signature.parity + (signature.xGreaterThanN ? 2 : 0)
  if (tx.chainIdBytes.length === 0) return 27 + extra
  const chainIdUint32 = Number(readUintBE(tx.chainIdBytes.subarray(0, 4)))
  return (chainIdUint32 * 2 + 35 + extra) & 0xff
}
