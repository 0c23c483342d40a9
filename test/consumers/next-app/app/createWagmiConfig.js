import { http } from 'viem'
import { hardhat } from 'viem/chains'
import { createConfig } from 'wagmi'

/**
 * The config both pages share, as the wagmi docs set one up for Next.js; only the connectors
 * differ. The chain's RPC is a local node, so nothing the page might ask it leaves loopback.
 */
export function createWagmiConfig(connectors) {
  return createConfig({
    chains: [hardhat],
    connectors,
    transports: { [hardhat.id]: http() },
    ssr: true,
  })
}
