import { UnknownDeviceError } from '@airlock/core'
import { bytesToHex } from 'viem'
import type { EthereumAppSignature } from './types.js'

/** Reads `v || r || s` from the answer to a signing command (the status word follows). */
export function readSignature(response: Uint8Array): EthereumAppSignature {
  if (response.length < 65)
    throw new UnknownDeviceError({
      details: `the device answered ${response.length} bytes, not a signature`,
    })
  return {
    v: response[0]!,
    r: bytesToHex(response.subarray(1, 33)),
    s: bytesToHex(response.subarray(33, 65)),
  }
}
