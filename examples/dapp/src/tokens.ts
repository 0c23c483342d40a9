import { type Address, formatUnits } from 'viem'

/** An ERC-20 the local chain has at its Ethereum mainnet address (chain/installContracts.ts). */
export type Token = { address: Address; symbol: string; decimals: number }

export const usdc = {
  address: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  symbol: 'USDC',
  decimals: 6,
} as const satisfies Token

export const usdt = {
  address: '0xdAC17F958D2ee523a2206206994597C13D831ec7',
  symbol: 'USDT',
  decimals: 6,
} as const satisfies Token

/**
 * contracts/Counter.sol: the page's own contract. Ledger has no metadata for it; the page bundles a
 * TEST-signed descriptor (src/counterDescriptors.generated.ts), which only a device trusting the test
 * PKI root accepts: elsewhere the call is blind-signed.
 */
export const counterAddress: Address = '0x000000000000000000000000000000000000c0DE'

/** A token amount for people, e.g. `1000000 USDC`. */
export function formatToken(amount: bigint, token: Token): string {
  return `${formatUnits(amount, token.decimals)} ${token.symbol}`
}
