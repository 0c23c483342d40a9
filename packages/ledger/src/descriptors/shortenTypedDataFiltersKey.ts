/**
 * The key of a message in the lazy index, also its module's file name: chain id, the first 3 bytes
 * of the verifying contract and of the schema hash (`1-000000-4d5931`). Enough to tell Ledger's
 * messages apart (the generator checks); the loaded module's full key is compared before its
 * filters are used. Kept short because the index is loaded for every typed-data signature.
 */
export function shortenTypedDataFiltersKey(key: string): string {
  const [chainId, verifyingContract = '', schemaHash = ''] = key.split(':')
  return `${chainId}-${verifyingContract.slice(2, 8)}-${schemaHash.slice(0, 6)}`
}
