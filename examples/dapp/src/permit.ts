import type { Address } from 'viem'

/** An EIP-2612 permit for a demo token: what a dApp asks a wallet to sign before a gasless approval. */
export function permit({
  owner,
  spender,
  chainId,
}: {
  owner: Address
  spender: Address
  chainId: number
}) {
  return {
    domain: {
      name: 'Airlock Demo Token',
      version: '1',
      chainId,
      verifyingContract: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    },
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
    message: {
      owner,
      spender,
      value: 1_000_000_000_000_000_000n,
      nonce: 0n,
      deadline: 1_900_000_000n,
    },
  } as const
}
