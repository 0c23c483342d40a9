import { type Chain, defineChain } from 'viem'

/**
 * A local copy of Ethereum: chain id 1, so the Ledger clear-signs the tokens and permits it has
 * metadata for on mainnet, served by the Hardhat node of `pnpm chain` at `rpcUrl` (never a public
 * RPC). A signature made here is valid on Ethereum mainnet too: sign with test accounts only.
 */
export function localEthereum(rpcUrl: string): Chain {
  return defineChain({
    id: 1,
    name: 'Local Ethereum (chain 1)',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  })
}
