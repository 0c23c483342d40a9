import { getTypesForEIP712Domain, type TypedDataDomain } from 'viem'
import { computeSchemaHash, type TypedDataTypes } from './computeSchemaHash.js'

/** Typed data as viem takes it (`types.EIP712Domain` optional) or as a dApp sends it. */
export type TypedDataForFilters = {
  domain?: TypedDataDomain | undefined
  types: TypedDataTypes
  primaryType: string
  message?: unknown
}

/**
 * The key of Ledger's list for this message, `<chainId>:<verifyingContract lowercase>:<schemaHash>`,
 * or undefined without a chain id or verifying contract in the domain (Ledger keys those under
 * chain 0 or the zero address, and its list has none).
 *
 * The schema hash covers `types` with EIP712Domain, so typed data that leaves it out (as viem
 * allows) gets the one viem signs with: the domain's fields present, in the order name, version,
 * chainId, verifyingContract, salt — what a dApp sending EIP712Domain explicitly sends.
 */
export function typedDataFiltersKey(typedData: TypedDataForFilters): string | undefined {
  const { domain } = typedData
  const chainId = toDecimal(domain?.chainId)
  if (chainId === undefined || typeof domain?.verifyingContract !== 'string') return undefined
  const types = typedData.types.EIP712Domain
    ? typedData.types
    : { ...typedData.types, EIP712Domain: getTypesForEIP712Domain({ domain }) }
  return `${chainId}:${domain.verifyingContract.toLowerCase()}:${computeSchemaHash(types)}`
}

/** A chain id as the decimal Ledger's keys use; dApps may send it as a number, bigint or string. */
function toDecimal(chainId: unknown): string | undefined {
  if (typeof chainId !== 'number' && typeof chainId !== 'bigint' && typeof chainId !== 'string')
    return undefined
  try {
    return BigInt(chainId).toString()
  } catch {
    return undefined
  }
}
