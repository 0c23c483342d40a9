import {
  type HardwareAccount,
  type ToHardwareAccountParameters,
  toHardwareAccount,
} from '@airlock/core'
import { type CreateTrezorSignerParameters, createTrezorSigner } from './createTrezorSigner.js'

export type ToTrezorAccountParameters = CreateTrezorSignerParameters & ToHardwareAccountParameters

/**
 * The one-call way to a viem account on a Trezor: creates the signer and reads the account's
 * address. `account.signer` is the signer, for discovery, status events and `close()`.
 */
export async function toTrezorAccount(
  parameters: ToTrezorAccountParameters,
): Promise<HardwareAccount<'trezor'>> {
  return toHardwareAccount(createTrezorSigner(parameters), parameters)
}
