import type { DeviceSource, HardwareSigner } from '../signer/types.js'
import type { HardwareAccount, ToHardwareAccountParameters } from './types.js'

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
  const { buildHardwareAccount } = await import('./internal/buildHardwareAccount.js')
  return buildHardwareAccount(signer, parameters)
}
