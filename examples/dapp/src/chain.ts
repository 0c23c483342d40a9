import { type Chain, createPublicClient, defineChain, formatEther, http } from 'viem'
import { hardhat } from 'viem/chains'

/** The node this page talks to: `?rpc=<url>`, or the Hardhat node of `pnpm chain`. */
export const rpcUrl = new URL(location.href).searchParams.get('rpc') ?? 'http://127.0.0.1:8545'

/** Hardhat's chain (id 31337) at `rpcUrl`. */
export const chain: Chain = defineChain({ ...hardhat, rpcUrls: { default: { http: [rpcUrl] } } })

export const publicClient = createPublicClient({ chain, transport: http(rpcUrl) })

/** A funded account of the test mnemonic that is not one of the first pages: the default recipient. */
export const defaultRecipient = '0x14dC79964da2C08b23698B3D3cc7Ca32193d9955'

/** Describes the node, or says how to start it. */
export async function describeNode(): Promise<string> {
  try {
    const [chainId, block] = await Promise.all([
      publicClient.getChainId(),
      publicClient.getBlockNumber(),
    ])
    if (chainId !== chain.id)
      return `The node at ${rpcUrl} is chain ${chainId}, not ${chain.id}: sends will be refused.`
    return `Local chain ${chainId} at ${rpcUrl}, block ${block}`
  } catch {
    return `No node at ${rpcUrl}. Start one with \`pnpm --filter @airlock/example-dapp chain\`.`
  }
}

/** An ether amount for people: at most 4 decimals, cut rather than rounded. */
export function formatEth(wei: bigint): string {
  const [whole, fraction = ''] = formatEther(wei).split('.')
  const shown = fraction.slice(0, 4).replace(/0+$/, '')
  return `${whole}${shown ? `.${shown}` : ''} ETH`
}
