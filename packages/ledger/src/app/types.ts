import type { Hex } from 'viem'

/**
 * Sends one Ethereum-app command, `E0 ins p1 p2 data`, and resolves with the answer (status word
 * last). Any status but 0x9000 rejects with hw-transport's `TransportStatusError`.
 */
export type SendCommand = (
  ins: number,
  p1: number,
  p2: number,
  data: Uint8Array,
) => Promise<Uint8Array>

/** A signature as the Ethereum app answers it: its one `v` byte (see `driver/toYParity`), `r`, `s`. */
export type EthereumAppSignature = { v: number; r: Hex; s: Hex }
