import { type Address, createPublicClient, erc20Abi, formatEther, http, parseAbi } from 'viem'
import { localEthereum } from './localEthereum.js'
import { counterAddress, formatToken, usdc } from './tokens.js'

/** The node this page talks to: `?rpc=<url>`, or the Hardhat node of `pnpm chain`. */
export const rpcUrl = new URL(location.href).searchParams.get('rpc') ?? 'http://127.0.0.1:8545'

/** The local copy of Ethereum (chain 1) at `rpcUrl`. */
export const chain = localEthereum(rpcUrl)

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
    return `${chain.name} at ${rpcUrl}, block ${block}`
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

/** What `address` holds of USDC, e.g. `1000000 USDC`. */
export async function describeUsdcBalance(address: Address): Promise<string> {
  const units = await publicClient.readContract({
    address: usdc.address,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [address],
  })
  return formatToken(units, usdc)
}

/** What `address` holds, ether and USDC, e.g. `10000 ETH · 1000000 USDC`. */
export async function describeBalance(address: Address): Promise<string> {
  const [wei, usdcBalance] = await Promise.all([
    publicClient.getBalance({ address }),
    describeUsdcBalance(address),
  ])
  return `${formatEth(wei)} · ${usdcBalance}`
}

/** The Counter's count (contracts/Counter.sol). */
export function readCount(): Promise<bigint> {
  return publicClient.readContract({
    address: counterAddress,
    abi: parseAbi(['function count() view returns (uint256)']),
    functionName: 'count',
  })
}
