import type { Hex } from 'viem'
import type { PreparedTokenDescriptor, TransactionCall } from './prepareTokenDescriptor.js'

/** Whether the device shows a request in clear or only as data or hashes, and why. */
export type Display = { display: 'clear' | 'blind'; reason: string }

/**
 * How the Ethereum app shows a transaction with what Airlock sends offline: without data, the
 * amount and recipient; a `transfer`/`approve` with its token's descriptor, the amount with ticker
 * and decimals; any other data only as blind signing (which the app refuses while it is off).
 */
export function transactionDisplay(
  transaction: TransactionCall,
  token: PreparedTokenDescriptor | undefined,
): Display {
  if (token) return { display: 'clear', reason: `${token.call} with Ledger's token descriptor` }
  if (!hasData(transaction.data))
    return { display: 'clear', reason: transaction.to ? 'a transfer without data' : 'no data' }
  return {
    display: 'blind',
    reason: transaction.to
      ? `contract data (${transaction.data!.slice(0, 10)}) the device cannot decode without a plugin or descriptor`
      : 'contract creation code',
  }
}

/** hw-app-eth's resolution with `clearSigning`: what Ledger's services gave the device. */
export type ClearSigningResolution = {
  erc20Tokens?: readonly unknown[]
  nfts?: readonly unknown[]
  externalPlugin?: readonly unknown[]
  plugin?: readonly unknown[]
}

/** As `transactionDisplay`, after Ledger's services resolved descriptors or a plugin for the data. */
export function resolvedDisplay(
  transaction: TransactionCall,
  resolution: ClearSigningResolution | null | undefined,
): Display {
  if (!hasData(transaction.data)) return transactionDisplay(transaction, undefined)
  const found = ['erc20Tokens', 'nfts', 'externalPlugin', 'plugin'] as const
  if (found.some((key) => (resolution?.[key]?.length ?? 0) > 0))
    return { display: 'clear', reason: "Ledger's services provided a descriptor or plugin" }
  return transactionDisplay(transaction, undefined)
}

function hasData(data: Hex | undefined): boolean {
  return !!data && data !== '0x'
}
