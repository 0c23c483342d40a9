import type { DeviceCapabilities, SignableTransactionType } from '@airlock/core'
import { compareVersions } from '@airlock/core/utils'

export type ToLedgerCapabilitiesParameters = {
  /** The Ethereum app version from GET APP CONFIGURATION, e.g. `1.16.0`. */
  version: string
  /** The transport's `deviceModel.id` (`nanoS`, `nanoSP`, `nanoX`, `stax`, `europa`), if known. */
  model?: string | undefined
  /** Full EIP-712 already failed on this connection (the app answered 0x6D00). */
  fullTypedDataRefused?: boolean | undefined
}

/**
 * App versions that added each feature (app-ethereum CHANGELOG.md): typed transactions 1.9.0,
 * on-device EIP-712 1.10.0 (not on Nano S) with Ledger's filters v1, filters v2 (amounts with
 * their token, dates) 1.11.0, which hw-app-eth and Ledger Live send from 1.11.1; filters of fields in
 * empty arrays and the refusal of unfiltered EIP-712 while blind signing and verbose EIP-712 are
 * off 1.12.0; EIP-7702 authorizations (INS 0x34) and type-4 transactions 1.17.0 (`apdu_constants.h`,
 * CHANGELOG 1.17.0; not on Nano S): 1.16.x answers 0x6D00 and 0x6501.
 */
export const ledgerAppVersions = {
  typedTransactions: '1.9.0',
  signTypedDataHashed: '1.5.0',
  signTypedDataFull: '1.10.0',
  eip712FiltersV2: '1.11.1',
  eip712DiscardedFilters: '1.12.0',
  eip712FiltersRequired: '1.12.0',
  eip7702: '1.17.0',
} as const

/** What a Ledger can do, from its Ethereum app version and model. */
export function toLedgerCapabilities(
  parameters: ToLedgerCapabilitiesParameters,
): DeviceCapabilities {
  const { version, model, fullTypedDataRefused = false } = parameters
  const atLeast = (minimum: string) => compareVersions(version, minimum) >= 0
  const nanoS = model === 'nanoS'
  const eip7702 = !nanoS && atLeast(ledgerAppVersions.eip7702)
  const transactionTypes: SignableTransactionType[] = ['legacy']
  if (atLeast(ledgerAppVersions.typedTransactions)) transactionTypes.push('eip2930', 'eip1559')
  if (eip7702) transactionTypes.push('eip7702')
  return {
    model,
    version,
    transactionTypes,
    signMessage: true,
    signTypedData:
      !nanoS && !fullTypedDataRefused && atLeast(ledgerAppVersions.signTypedDataFull)
        ? 'full'
        : atLeast(ledgerAppVersions.signTypedDataHashed)
          ? 'hashed'
          : false,
    signAuthorization: eip7702,
    getExtendedPublicKey: true,
    displayAddress: true,
  }
}
