import type { Address } from 'viem'
import { erc20IndexLoaders } from './data/erc20Index.js'
import { parseTokenSignatures } from './parseTokenSignatures.js'
import type { TokenDescriptor } from './types.js'

/**
 * The tokens of one chain and address prefix by lowercase address, parsed on the first lookup, under
 * `<chainId>:<first hex digit>`.
 */
const tokensByBucket = new Map<string, Promise<Map<string, TokenDescriptor>>>()

/**
 * Ledger's signed descriptor of an ERC-20 token, to send to the Ethereum app (INS 0x0A) before a
 * transaction that calls it, or undefined when Ledger's list has no such token on that chain.
 * Loads the chain's small index and the descriptors of the tokens that share the address's first
 * hex digit, not the chain's whole list; never goes to the network.
 */
export async function findTokenDescriptor(
  chainId: number,
  address: Address,
): Promise<TokenDescriptor | undefined> {
  const tokens = await loadTokens(chainId, address.slice(2, 3).toLowerCase())
  const token = tokens?.get(address.toLowerCase())
  return token && { ...token, payload: token.payload.slice() }
}

function loadTokens(
  chainId: number,
  digit: string,
): Promise<Map<string, TokenDescriptor> | undefined> | undefined {
  if (!Object.hasOwn(erc20IndexLoaders, chainId)) return undefined
  const bucket = `${chainId}:${digit}`
  let tokens = tokensByBucket.get(bucket)
  if (!tokens) {
    tokens = erc20IndexLoaders[chainId]!().then(async ({ erc20SignaturesLoaders }) => {
      if (!Object.hasOwn(erc20SignaturesLoaders, digit)) return new Map()
      const { erc20Signatures } = await erc20SignaturesLoaders[digit]!()
      return new Map(
        parseTokenSignatures(erc20Signatures)
          .filter((token) => token.chainId === chainId)
          .map((token) => [token.address.toLowerCase(), token]),
      )
    })
    // A chunk that failed to load (offline page, new deployment) is tried again next time.
    tokens.catch(() => tokensByBucket.delete(bucket))
    tokensByBucket.set(bucket, tokens)
  }
  return tokens
}
