import { type DeviceSignature, UnknownDeviceError } from '@airlock/core'
import { toPrefixedHex } from './toPrefixedHex.js'

export type ParseTransactionSignatureParameters = {
  /** `ethereumSignTransaction`'s `{ v, r, s }`, hex strings. */
  signature: { v: string; r: string; s: string }
  type: 'legacy' | 'eip1559'
  chainId: number
}

/**
 * Turns `ethereumSignTransaction`'s `v` into `yParity`. EIP-1559 `v` is the parity. Legacy `v` is
 * the full EIP-155 value, `2 * chainId + 35 + parity`: the firmware sends the parity alone above
 * chain id 2147483629 (trezor-firmware core/src/apps/ethereum/sign_tx.py `MAX_CHAIN_ID`) and Connect
 * adds the offset back (@trezor/connect 9.7.3 lib/api/ethereum/ethereumSignTx.js:27-28
 * `processTxRequest`).
 */
export function parseTransactionSignature(
  parameters: ParseTransactionSignatureParameters,
): DeviceSignature {
  const { signature, type, chainId } = parameters
  const v = toBigInt(signature.v)
  let parity: bigint | undefined
  if (v === 0n || v === 1n) parity = v
  else if (type === 'legacy' && v !== undefined) parity = v - 2n * BigInt(chainId) - 35n
  if (parity !== 0n && parity !== 1n)
    throw new UnknownDeviceError({
      details: `the device returned v = ${signature.v} for a ${type} transaction on chain ${chainId}`,
    })
  return {
    r: toPrefixedHex(signature.r),
    s: toPrefixedHex(signature.s),
    yParity: Number(parity) as 0 | 1,
  }
}

/**
 * Parses a 65-byte `r || s || v` signature as `ethereumSignMessage` (no `0x`) and
 * `ethereumSignTypedData` (with `0x`) return it; `v` is 27/28 or 0/1.
 */
export function parseRecoverableSignature(signature: string): DeviceSignature {
  const hex = toPrefixedHex(signature).slice(2)
  const v = /^[0-9a-f]{130}$/.test(hex) ? Number.parseInt(hex.slice(128), 16) : undefined
  const yParity = v === 27 || v === 0 ? 0 : v === 28 || v === 1 ? 1 : undefined
  if (yParity === undefined)
    throw new UnknownDeviceError({
      details: `the device returned a malformed signature: ${signature.slice(0, 140)}`,
    })
  return { r: `0x${hex.slice(0, 64)}`, s: `0x${hex.slice(64, 128)}`, yParity }
}

function toBigInt(value: string): bigint | undefined {
  const hex = toPrefixedHex(value)
  return /^0x[0-9a-f]{1,64}$/.test(hex) ? BigInt(hex) : undefined
}
