import { UnknownDeviceError } from '@airlock/core'
import { bytesToHex, concat, type Hex, numberToBytes } from 'viem'
import { encodePath } from './encodePath.js'
import * as ins from './ins.js'
import type { SendCommand } from './types.js'

export type GetAddressOptions = {
  /** Show the address on the device and wait for the user to confirm it. */
  display: boolean
  /** Also return the chain code (for deriving child keys off the device). */
  chainCode: boolean
  /** The chain shown beside the address. */
  chainId?: number | undefined
}

export type GetAddressResult = {
  publicKey: Hex
  /** As the app writes it: `0x` and 40 hex digits, checksummed. */
  address: string
  chainCode: Hex | undefined
}

/**
 * GET ETH PUBLIC ADDRESS (`E0 02 display chainCode path [chainId u64]`), answered
 * `len || publicKey || len || address (ASCII) || [chainCode]`.
 */
export async function getAddress(
  send: SendCommand,
  path: string,
  { display, chainCode, chainId }: GetAddressOptions,
): Promise<GetAddressResult> {
  const data = concat([
    encodePath(path),
    ...(chainId === undefined ? [] : [numberToBytes(chainId, { size: 8 })]),
  ])
  const response = await send(
    ins.getPublicKey,
    display ? 0x01 : 0x00,
    chainCode ? 0x01 : 0x00,
    data,
  )
  const keyEnd = 1 + (response[0] ?? 0)
  const addressEnd = keyEnd + 1 + (response[keyEnd] ?? 0)
  // The answer ends with the 2-byte status word.
  if (keyEnd === 1 || response.length < addressEnd + (chainCode ? 32 : 0) + 2)
    throw new UnknownDeviceError({
      details: `the app answered ${response.length} bytes to GET_PUBLIC_KEY, too few for its own lengths`,
    })
  return {
    publicKey: bytesToHex(response.subarray(1, keyEnd)),
    address: `0x${new TextDecoder().decode(response.subarray(keyEnd + 1, addressEnd))}`,
    chainCode: chainCode ? bytesToHex(response.subarray(addressEnd, addressEnd + 32)) : undefined,
  }
}
