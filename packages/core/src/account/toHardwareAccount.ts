import type { NonceManager } from 'viem'
import type { DerivationPath } from '../path/parsePath.js'
import type { PathScheme } from '../path/schemes.js'
import type { DeviceSource, HardwareSigner } from '../signer/types.js'
import type { HardwareAccount } from './types.js'

export type ToHardwareAccountParameters = (
  | { path: DerivationPath; index?: undefined; scheme?: undefined }
  | { index: number; scheme: PathScheme; path?: undefined }
) & {
  nonceManager?: NonceManager | undefined
  /**
   * Allow legacy transactions without a chain id, which can be replayed on every chain.
   * @default false
   */
  allowReplayableTransactions?: boolean | undefined
}

/**
 * Reads the address for a path from the device and returns a viem `LocalAccount` that signs on it.
 * Every signature the device returns is recovered and checked against this account before it is
 * returned.
 */
export async function toHardwareAccount<source extends DeviceSource = DeviceSource>(
  signer: HardwareSigner & { source: source },
  parameters: ToHardwareAccountParameters,
): Promise<HardwareAccount<source>> {
  // The account and its signing pipeline load with the first account, once a device is in use,
  // not with the dApp's first page.
  const { createHardwareAccount } = await import('./createHardwareAccount.js')
  return createHardwareAccount(signer, parameters)
}
