import {
  type DerivationPath,
  discoverAccounts,
  type HardwareAccount,
  type HardwareSigner,
  type PathScheme,
  toHardwareAccount,
} from '@airlock/core'
import { type Address, isAddressEqual } from 'viem'
import type { DeviceAccountConfig } from '../config/types.js'
import { DeviceAccountNotFoundError } from '../errors.js'

// Cheapest first: bip44 and legacy read a page in one exchange, Ledger Live one per account.
const searchedSchemes: readonly PathScheme[] = ['bip44', 'legacy', 'ledgerLive']

/** The viem account of one configured device account, its address read from the device. */
export async function resolveDeviceAccount(
  signer: HardwareSigner,
  account: DeviceAccountConfig,
  searchLimit: number,
): Promise<HardwareAccount> {
  if ('index' in account)
    return toHardwareAccount(signer, {
      index: account.index,
      scheme: account.scheme ?? (account.device === 'ledger' ? 'ledgerLive' : 'bip44'),
    })
  if ('path' in account) return toHardwareAccount(signer, { path: account.path as DerivationPath })
  const path = await findAccountPath(signer, account.address, searchLimit)
  return toHardwareAccount(signer, { path })
}

/**
 * The path of `address` among the first `searchLimit` accounts of each scheme, as hardhat-ledger
 * searches, bounded so that a wrong address ends with an error, not an endless scan.
 */
export async function findAccountPath(
  signer: HardwareSigner,
  address: Address,
  searchLimit: number,
): Promise<DerivationPath> {
  for (const scheme of searchedSchemes) {
    const accounts = await discoverAccounts(signer, { scheme, limit: searchLimit })
    const found = accounts.find((account) => isAddressEqual(account.address, address))
    if (found) return found.path
  }
  throw new DeviceAccountNotFoundError({ address, device: signer.name, searchLimit })
}
