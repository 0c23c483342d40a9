import { fromRlp, type Hex, hexToBigInt } from 'viem'

/** What the device signed: a legacy transaction (with its EIP-155 chain id), anything typed, or a message. */
export type ToYParityParameters =
  | { kind: 'legacy'; chainId: bigint | undefined }
  | { kind: 'typed' }
  | { kind: 'message' }

/**
 * The y parity of a signature from the one `v` byte the Ethereum app returns
 * (app-ethereum `src/features/sign_tx/ui_common_sign_tx.c`):
 * - typed transactions and EIP-7702 authorizations: the bare parity, 0 or 1;
 * - legacy transactions: `u32 * 2 + 35 + parity` truncated to one byte, where `u32` is the first
 *   four bytes of the chain id as the app read it, or `27 + parity` without a chain id;
 * - personal messages and EIP-712: `27 + parity`.
 * The app adds 2 when R.x >= n (never in practice). The candidate that matches wins; otherwise the
 * low bit decides, and the account's recovery check rejects a wrong guess.
 */
export function toYParity(v: number, parameters: ToYParityParameters): 0 | 1 {
  const base =
    parameters.kind === 'typed'
      ? 0
      : parameters.kind === 'legacy' && parameters.chainId !== undefined
        ? chainIdAsUint32(parameters.chainId) * 2 + 35
        : 27
  for (const offset of [0, 2])
    for (const parity of [0, 1] as const) if (((base + offset + parity) & 0xff) === v) return parity
  // 27 and u32 * 2 + 35 are odd, so there the parity flips the low bit.
  return ((base & 1) === 0 ? v & 1 : (v + 1) & 1) as 0 | 1
}

/** The y parity of a transaction signature, reading the type and chain id from what the device signed. */
export function toTransactionYParity(v: number, serializedTransaction: Hex): 0 | 1 {
  const first = Number.parseInt(serializedTransaction.slice(2, 4), 16)
  if (first < 0xc0) return toYParity(v, { kind: 'typed' })
  const fields = fromRlp(serializedTransaction, 'hex') as Hex[]
  // EIP-155: rlp([nonce, gasPrice, gas, to, value, data, chainId, 0, 0]); pre-EIP-155 has six fields.
  const chainId = fields.length === 9 && fields[6] !== '0x' ? hexToBigInt(fields[6]!) : undefined
  return toYParity(v, { kind: 'legacy', chainId })
}

/**
 * The chain id as the Ethereum app reduces it for legacy `v`: its first four big-endian bytes
 * (app-ethereum `u32_from_BE(chainID, MIN(4, length))`; hw-app-eth `getChainIdAsUint32`).
 */
export function chainIdAsUint32(chainId: bigint): number {
  let hex = chainId.toString(16)
  if (hex.length % 2) hex = `0${hex}`
  return Number.parseInt(hex.slice(0, 8), 16)
}
