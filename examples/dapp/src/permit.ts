import { type Address, type PublicClient, parseAbi, parseUnits } from 'viem'
import { usdc } from './tokens.js'

/** How much the demo's permit lets the spender take. */
export const permitAmount = parseUnits('1', usdc.decimals)

/**
 * An EIP-2612 permit on USDC (chain 1): what a dApp asks a wallet to sign before a gasless
 * approval, and typed data a Ledger clear-signs with Ledger's EIP-712 filters for USDC.
 */
export function permit({
  owner,
  spender,
  nonce,
  chainId,
}: {
  owner: Address
  spender: Address
  nonce: bigint
  chainId: number
}) {
  return {
    domain: { name: 'USD Coin', version: '2', chainId, verifyingContract: usdc.address },
    types: {
      Permit: [
        { name: 'owner', type: 'address' },
        { name: 'spender', type: 'address' },
        { name: 'value', type: 'uint256' },
        { name: 'nonce', type: 'uint256' },
        { name: 'deadline', type: 'uint256' },
      ],
    },
    primaryType: 'Permit',
    message: { owner, spender, value: permitAmount, nonce, deadline: 1_900_000_000n },
  } as const
}

/** The owner's next permit nonce on USDC, so the signed permit can be submitted. */
export function permitNonce(client: PublicClient, owner: Address): Promise<bigint> {
  return client.readContract({
    address: usdc.address,
    abi: parseAbi(['function nonces(address owner) view returns (uint256)']),
    functionName: 'nonces',
    args: [owner],
  })
}
