import { type Address, isAddressEqual } from 'viem'
import type { LedgerEip7702Delegate, LedgerEip7702Setting } from '../types.js'

/** The Ethereum app's built-in delegates (app-ethereum `whitelist_7702.c`), valid on every chain. */
export const builtInEip7702Whitelist: readonly LedgerEip7702Delegate[] = [
  { name: 'Simple7702Account', address: '0x4Cd241E8d1510e30b2076397afc7508Ae59C66c9' },
  { name: 'Calibur', address: '0x000000009B1D0aF20D8C6d0A44e162d11F9b8f00' },
  { name: 'RainbowCalibur', address: '0x612373D7003d694220f7800Eeaf8E3924c0951D3' },
]

/**
 * The whitelisted delegate for an authorization, as `get_delegate_name` matches it: same address and
 * either side's chain id 0 (all chains) or equal chain ids. `undefined` when refused.
 */
export function findDelegate(
  setting: LedgerEip7702Setting,
  address: Address,
  chainId: bigint,
): LedgerEip7702Delegate | undefined {
  if (setting === false) return undefined
  const whitelist = setting === true ? builtInEip7702Whitelist : setting.whitelist
  return whitelist.find((entry) => {
    const entryChain = BigInt(entry.chainId ?? 0)
    const chainMatches = chainId === 0n || entryChain === 0n || entryChain === chainId
    return chainMatches && isAddressEqual(entry.address, address)
  })
}
