/** A network as the device names it, with the unit of its native currency. */
export type LedgerNetwork = { readonly name: string; readonly ticker: string }

const knownNetworks: Record<string, LedgerNetwork> = {
  '1': { name: 'Ethereum', ticker: 'ETH' },
  '10': { name: 'OP Mainnet', ticker: 'ETH' },
  '56': { name: 'BNB Chain', ticker: 'BNB' },
  '100': { name: 'Gnosis', ticker: 'xDAI' },
  '137': { name: 'Polygon', ticker: 'POL' },
  '8453': { name: 'Base', ticker: 'ETH' },
  '17000': { name: 'Holesky', ticker: 'ETH' },
  '42161': { name: 'Arbitrum One', ticker: 'ETH' },
  '43114': { name: 'Avalanche', ticker: 'AVAX' },
  '11155111': { name: 'Sepolia', ticker: 'ETH' },
}

/** The name the app gives `chainId`, or `undefined` for a chain it does not know. */
export function knownNetworkName(chainId: bigint): string | undefined {
  return knownNetworks[chainId.toString()]?.name
}

/** The network for a chain id; unknown chains show their id and the app's default unit. */
export function networkFor(chainId: bigint): LedgerNetwork {
  return knownNetworks[chainId.toString()] ?? { name: `Chain ID ${chainId}`, ticker: 'ETH' }
}
