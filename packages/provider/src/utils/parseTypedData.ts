import { ChainIdMismatchError, describeValue, InvalidRequestError } from '@airlock/core'
import type { TypedDataDefinition } from 'viem'

export type ParseTypedDataParameters = {
  /** `eth_signTypedData_v4`'s second parameter: a JSON string or an object. */
  data: unknown
  /** The wallet's current chain. */
  chainId: number
}

/**
 * Parses `eth_signTypedData_v4` typed data and refuses it when `domain.chainId` is not the current
 * chain, as MetaMask does. `domain.chainId` may be a number, a decimal or a hex string.
 */
export function parseTypedData({ data, chainId }: ParseTypedDataParameters): TypedDataDefinition {
  let typedData: unknown = data
  if (typeof data === 'string')
    try {
      typedData = JSON.parse(data)
    } catch (cause) {
      throw new InvalidRequestError({ reason: 'the typed data is not valid JSON', cause })
    }
  if (!typedData || typeof typedData !== 'object' || Array.isArray(typedData))
    throw new InvalidRequestError({ reason: 'the typed data must be an object or a JSON string' })
  const { domain } = typedData as { domain?: { chainId?: unknown } }
  if (domain?.chainId === undefined) return typedData as TypedDataDefinition

  const actual = toChainId(domain.chainId)
  if (actual !== chainId) throw new ChainIdMismatchError({ expected: chainId, actual })
  return { ...typedData, domain: { ...domain, chainId: actual } } as TypedDataDefinition
}

function toChainId(value: unknown): number {
  const parsed =
    typeof value === 'number' && Number.isSafeInteger(value)
      ? value
      : typeof value === 'bigint'
        ? Number(value)
        : typeof value === 'string' && /^(0x[0-9a-fA-F]+|[0-9]+)$/.test(value)
          ? Number(value)
          : Number.NaN
  if (!Number.isSafeInteger(parsed) || parsed < 0)
    throw new InvalidRequestError({
      reason: `"domain.chainId" must be a chain id, got ${describeValue(value)}`,
    })
  return parsed
}
