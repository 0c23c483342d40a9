import type { DeviceSignature } from '@airlock/core'
import type { EthereumAppSignature } from '../app/types.js'

/** The app's signature with `yParity` read from its `v` byte by `toParity` (see `toYParity`). */
export function toDeviceSignature(
  { v, r, s }: EthereumAppSignature,
  toParity: (v: number) => 0 | 1,
): DeviceSignature {
  return { r, s, yParity: toParity(v) }
}
