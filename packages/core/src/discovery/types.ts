import type { Address, Hex } from 'viem'
import type { DerivationPath } from '../path/parsePath.js'
import type { PathScheme } from '../path/schemes.js'
import type { DeviceCallOptions } from '../signer/types.js'

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
