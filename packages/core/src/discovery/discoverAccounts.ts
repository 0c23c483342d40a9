import type { HardwareSigner } from '../signer/types.js'
import type { DiscoverAccountsParameters, DiscoveredAccount } from './types.js'

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
  const { readAccountPage } = await import('./internal/readAccountPage.js')
  return readAccountPage(signer, parameters)
}
