import { eip712IndexLoaders } from './data/eip712Index.js'
import { shortenTypedDataFiltersKey } from './shortenTypedDataFiltersKey.js'
import { type TypedDataForFilters, typedDataFiltersKey } from './typedDataFiltersKey.js'
import type { TypedDataFilters } from './types.js'

/**
 * Ledger's signed EIP-712 filters for this message (v1 for Ethereum app versions before 1.11.1, v2
 * from then on), which let the app clear-sign it, or undefined when Ledger's list has none. Keyed,
 * as Ledger keys them, by the domain's chain id and verifying contract and the schema hash of
 * `types` (see typedDataFiltersKey); `primaryType` and the values play no part. Loads the chain's
 * small index and the one message's module; never goes to the network.
 */
export async function findTypedDataFilters(
  typedData: TypedDataForFilters,
): Promise<TypedDataFilters | undefined> {
  const key = typedDataFiltersKey(typedData)
  if (key === undefined) return undefined
  const chainId = key.slice(0, key.indexOf(':'))
  if (!Object.hasOwn(eip712IndexLoaders, chainId)) return undefined
  const { typedDataFiltersLoaders } = await eip712IndexLoaders[Number(chainId)]!()
  const indexKey = shortenTypedDataFiltersKey(key)
  if (!Object.hasOwn(typedDataFiltersLoaders, indexKey)) return undefined
  const { typedDataFilters } = await typedDataFiltersLoaders[indexKey]!()
  return typedDataFilters.key === key ? structuredClone(typedDataFilters) : undefined
}
