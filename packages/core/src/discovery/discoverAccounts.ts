import type { Address, Hex } from 'viem'
import type { DerivationPath } from '../path/parsePath.js'
import type { PathScheme } from '../path/schemes.js'
import type { DeviceCallOptions, HardwareSigner } from '../signer/types.js'

export type DiscoveredAccount = {
  index: number
  path: DerivationPath
  address: Address
  publicKey: Hex
}

export type DiscoverAccountsParameters = DeviceCallOptions & {
  /** A preset scheme, or a function from account index to path. */
  scheme: PathScheme | ((index: number) => DerivationPath)
  /** @default 0 */
  offset?: number | undefined
  /** @default 5 */
  limit?: number | undefined
}

/**
 * Lists a page of accounts. For `bip44` and `legacy`, the accounts are children of one parent, so
 * the parent's extended public key is read once and the page derived locally: one device exchange
 * per page (per-account reads where the device cannot export one). `ledgerLive` accounts are hardened and cost one exchange each.
 */
export async function discoverAccounts(
  signer: HardwareSigner,
  parameters: DiscoverAccountsParameters,
): Promise<DiscoveredAccount[]> {
  // Discovery talks to a device, so its code loads with the first call, not with the dApp.
  const { discoverPage } = await import('./discoverPage.js')
  return discoverPage(signer, parameters)
}
