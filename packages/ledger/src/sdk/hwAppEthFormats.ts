import type { EthereumAppSignature } from '../app/types.js'

/** A path as hw-app-eth's `splitPath` takes it: `44'/60'/…`, without `m/`. */
export function toHwAppEthPath(path: string): string {
  return path.replace(/^m\//, '')
}

/** A signature as hw-app-eth returns it (hex without `0x`; `v` a number, or hex for transactions). */
export type HwAppEthSignature = { v: number | string; r: string; s: string }

/** hw-app-eth's signature as the Ethereum app answered it. */
export function fromHwAppEthSignature({ v, r, s }: HwAppEthSignature): EthereumAppSignature {
  return { v: typeof v === 'string' ? Number.parseInt(v, 16) : v, r: `0x${r}`, s: `0x${s}` }
}
