import type { DeviceCapabilities, SignableTransactionType } from '@airlock/core'
import { appUpdateRequiredError, ledgerAppRequirements } from './appUpdateRequiredError.js'

/** A signing request whose support depends on the app version and model. */
export type CapabilityCheck =
  | { operation: 'signTransaction'; type: SignableTransactionType }
  | { operation: 'signTypedData' }
  | { operation: 'signAuthorization' }

/**
 * Throws `UnsupportedByDeviceError` when `capabilities` rule the request out, so that none of its
 * bytes reach a device that would refuse or misread them. Messages, addresses and extended public
 * keys need no check: every Ethereum app has them.
 */
export function refuseUnsupported(capabilities: DeviceCapabilities, check: CapabilityCheck): void {
  const missing =
    check.operation === 'signTransaction'
      ? !capabilities.transactionTypes.includes(check.type) && {
          operation: `sign ${check.type} transactions`,
          minimumVersion:
            check.type === 'eip7702'
              ? ledgerAppRequirements.eip7702Transactions
              : ledgerAppRequirements.typedTransactions,
        }
      : check.operation === 'signTypedData'
        ? !capabilities.signTypedData && {
            operation: 'sign EIP-712 typed data',
            minimumVersion: ledgerAppRequirements.typedData,
          }
        : !capabilities.signAuthorization && {
            operation: 'sign EIP-7702 authorizations',
            minimumVersion: ledgerAppRequirements.eip7702Authorizations,
          }
  if (missing)
    throw appUpdateRequiredError({
      ...missing,
      reason: `the device runs Ethereum app ${capabilities.version}${capabilities.model ? ` on ${capabilities.model}` : ''}`,
    })
}
