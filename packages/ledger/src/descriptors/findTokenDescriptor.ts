import type { Address } from 'viem'
import { erc20SignaturesLoaders } from './data/erc20Index.js'
import { parseTokenSignatures } from './parseTokenSignatures.js'
import type { TokenDescriptor } from './types.js'

/** Each chain's tokens by lowercase address, parsed on the first lookup on that chain. */
const tokensByChain = new Map<number, Promise<Map<string, TokenDescriptor>>>()

/**
 * Ledger's signed descriptor of an ERC-20 token, to send to the Ethereum app (INS 0x0A) before a
 * transaction that calls it, or undefined when Ledger's list has no such token on that chain.
 * Loads the chain's list on first use; never goes to the network.
 */
export async function findTokenDescriptor(
  chainId: number,
  address: Address,
): Promise<TokenDescriptor | undefined> {
  const tokens = await loadTokens(chainId)
  const token = tokens?.get(address.toLowerCase())
  return token && { ...token, payload: token.payload.slice() }
}

function loadTokens(chainId: number): Promise<Map<string, TokenDescriptor>> | undefined {
  if (!Object.hasOwn(erc20SignaturesLoaders, chainId)) return undefined
  let tokens = tokensByChain.get(chainId)
  if (!tokens) {
    tokens = erc20SignaturesLoaders[chainId]!().then(
      ({ erc20Signatures }) =>
        new Map(
          parseTokenSignatures(erc20Signatures)
            .filter((token) => token.chainId === chainId)
            .map((token) => [token.address.toLowerCase(), token]),
        ),
    )
    // A chunk that failed to load (offline page, new deployment) is tried again next time.
    tokens.catch(() => tokensByChain.delete(chainId))
    tokensByChain.set(chainId, tokens)
  }
  return tokens
}
