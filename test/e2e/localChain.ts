/**
 * The test's view of the dApp's local Ethereum (chain 1, examples/dapp/chain): clients on the node
 * of globalSetup.ts, the reads the tests check the page's sends with, and the permit's submission.
 */
import {
  type Address,
  createPublicClient,
  createWalletClient,
  erc20Abi,
  type Hex,
  http,
  type PublicClient,
  parseAbi,
  parseSignature,
} from 'viem'
import { inject } from 'vitest'
import { localEthereum } from '../../examples/dapp/src/localEthereum.js'
import { counterAddress, usdc } from '../../examples/dapp/src/tokens.js'

export { counterAddress, usdc }

export const chain = localEthereum(inject('rpcUrl'))
export const publicClient: PublicClient = createPublicClient({
  chain,
  transport: http(inject('rpcUrl')),
})

export function usdcBalance(owner: Address): Promise<bigint> {
  return publicClient.readContract({
    address: usdc.address,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [owner],
  })
}

export function usdcAllowance(owner: Address, spender: Address): Promise<bigint> {
  return publicClient.readContract({
    address: usdc.address,
    abi: erc20Abi,
    functionName: 'allowance',
    args: [owner, spender],
  })
}

export const usdcPermitAbi = parseAbi([
  'function nonces(address owner) view returns (uint256)',
  'function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)',
])

/**
 * Submits a signed USDC permit from the spender, one of the node's unlocked accounts, and waits
 * for it to be mined: the token checks the signature against USDC's domain.
 */
export async function submitUsdcPermit(parameters: {
  owner: Address
  spender: Address
  value: bigint
  deadline: bigint
  signature: Hex
}): Promise<void> {
  const { owner, spender, value, deadline, signature } = parameters
  const { v, r, s } = parseSignature(signature)
  const wallet = createWalletClient({ account: spender, chain, transport: http(inject('rpcUrl')) })
  const hash = await wallet.writeContract({
    address: usdc.address,
    abi: usdcPermitAbi,
    functionName: 'permit',
    args: [owner, spender, value, deadline, Number(v), r, s],
  })
  const receipt = await publicClient.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success') throw new Error(`The permit reverted: ${hash}`)
}

export function usdcNonce(owner: Address): Promise<bigint> {
  return publicClient.readContract({
    address: usdc.address,
    abi: usdcPermitAbi,
    functionName: 'nonces',
    args: [owner],
  })
}

export function counterCount(): Promise<bigint> {
  return publicClient.readContract({
    address: counterAddress,
    abi: parseAbi(['function count() view returns (uint256)']),
    functionName: 'count',
  })
}
