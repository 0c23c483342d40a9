import type { Address, Hex } from 'viem'
import { findTokenDescriptor } from '../descriptors/findTokenDescriptor.js'
import type { TokenDescriptor } from '../descriptors/types.js'

/** What the Ethereum app's ERC-20 handling decodes: `transfer(to, amount)` and `approve(spender, amount)`. */
const erc20Calls: Record<string, string> = { '0xa9059cbb': 'transfer', '0x095ea7b3': 'approval' }

/** The call a transaction makes, as far as the device can tell it without a plugin. */
export type TransactionCall = {
  chainId?: number | undefined
  to?: Address | null | undefined
  data?: Hex | undefined
  value?: bigint | undefined
}

/** A bundled token descriptor and how the device will show the call. */
export type PreparedTokenDescriptor = { token: TokenDescriptor; call: string }

/**
 * The Ledger-signed descriptor of the token a `transfer` or `approve` is sent to, when the bundle
 * has it: with it the app shows the amount with ticker and decimals; without it, only blind.
 */
export async function prepareTokenDescriptor(
  transaction: TransactionCall,
): Promise<PreparedTokenDescriptor | undefined> {
  const { chainId, to, data, value } = transaction
  // The app refuses a token call that also sends ether, blind signing on or off.
  if (!chainId || !to || !data || (value ?? 0n) > 0n) return undefined
  // selector, address word, amount word (68 bytes): what the app's ERC-20 handling parses.
  const call = data.length === 2 + 68 * 2 ? erc20Calls[data.slice(0, 10).toLowerCase()] : undefined
  if (!call) return undefined
  const token = await findTokenDescriptor(chainId, to)
  return token && { token, call: `${token.ticker} ${call}` }
}
