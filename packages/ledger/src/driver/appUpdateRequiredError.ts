import { UnsupportedByDeviceError } from '@airlock/core'
import { ledgerAppVersions } from './toLedgerCapabilities.js'

/** The Ethereum app each feature needs, as a Ledger user looks for it in Ledger Live. */
export const ledgerAppRequirements = {
  typedTransactions: `Ethereum app ${ledgerAppVersions.typedTransactions}`,
  typedData: `Ethereum app ${ledgerAppVersions.signTypedDataHashed}`,
  eip7702Transactions: `Ethereum app ${ledgerAppVersions.eip7702} (EIP-7702 transactions are not signed on Nano S)`,
  eip7702Authorizations: `Ethereum app ${ledgerAppVersions.eip7702} (not on Nano S)`,
} as const

/** `UnsupportedByDeviceError` for what a newer Ethereum app does, with Ledger Live's remedy. */
export function appUpdateRequiredError(parameters: {
  operation: string
  minimumVersion: string
  reason?: string | undefined
  cause?: unknown
}): UnsupportedByDeviceError {
  return new UnsupportedByDeviceError({
    ...parameters,
    metaMessages: [
      `In Ledger Live (My Ledger), update the device to ${parameters.minimumVersion} or later, then try again.`,
    ],
  })
}
