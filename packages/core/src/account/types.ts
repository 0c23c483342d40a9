import type { LocalAccount, NonceManager } from 'viem'
import type { DerivationPath } from '../path/parsePath.js'
import type { PathScheme } from '../path/schemes.js'
import type { DeviceSource, HardwareSigner } from '../signer/types.js'

/** A viem `LocalAccount` whose key lives on a hardware device. */
export type HardwareAccount<source extends DeviceSource = DeviceSource> = LocalAccount<source> & {
  /** Always refuses: devices do not sign blind hashes. */
  sign: NonNullable<LocalAccount['sign']>
  signAuthorization: NonNullable<LocalAccount['signAuthorization']>
  /** The derivation path of this account on the device. */
  path: DerivationPath
  /** The signer this account talks through. */
  signer: HardwareSigner
  /**
   * Shows the address on the device for the user to compare, and throws
   * `DeviceAddressMismatchError` if the device derives another one.
   */
  verifyAddress: (options?: { chainId?: number; signal?: AbortSignal }) => Promise<void>
}

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
