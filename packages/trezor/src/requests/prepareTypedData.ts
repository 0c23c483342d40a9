import { InvalidRequestError, type SignTypedDataRequest } from '@airlock/core'
import { bytesToHex, hashDomain, hashStruct } from 'viem'
import type { TrezorSignTypedDataParameters } from '../types.js'

export type PrepareTypedDataParameters = Pick<SignTypedDataRequest, 'path' | 'typedData'>

/**
 * Builds the `ethereumSignTypedData` parameters: the typed data with every bigint as a decimal
 * string and bytes as hex (Connect shows the data with `JSON.stringify`, which throws on bigint:
 * @trezor/connect 9.7.3 lib/api/ethereum/api/ethereumSignTypedData.js:87), in
 * MetaMask's v4 encoding, and always with the domain and message hashes so that the Model One, which
 * signs only the hashes, gets the same request.
 */
export function prepareTypedData(
  parameters: PrepareTypedDataParameters,
): TrezorSignTypedDataParameters {
  const { path, typedData } = parameters
  const { primaryType } = typedData
  const types = typedData.types as unknown as Record<string, { name: string; type: string }[]>
  const domain = (typedData.domain ?? {}) as Record<string, unknown>
  if ((types.EIP712Domain ?? []).length === 0 && Object.keys(domain).length > 0)
    throw new InvalidRequestError({
      reason:
        'types.EIP712Domain is empty but the domain is not: the device would hash an empty domain',
    })
  const domainSeparatorHash = hashDomain({ domain: domain as never, types })
  const messageHash =
    primaryType === 'EIP712Domain'
      ? undefined
      : hashStruct({ data: typedData.message as never, primaryType: primaryType as string, types })
  return {
    path,
    data: {
      types: toJsonSafe(types) as TrezorSignTypedDataParameters['data']['types'],
      primaryType: primaryType as string,
      domain: toJsonSafe(domain) as Record<string, unknown>,
      message: toJsonSafe(typedData.message ?? {}) as Record<string, unknown>,
    },
    metamask_v4_compat: true,
    domain_separator_hash: domainSeparatorHash,
    // Connect refuses a message hash when the primary type is the domain itself
    // (@trezor/connect 9.7.3 lib/api/ethereum/api/ethereumSignTypedData.js:58-59).
    ...(messageHash ? { message_hash: messageHash } : {}),
  }
}

/** Integers (bigint or number) to decimal strings, bytes to hex, recursively. */
export function toJsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString(10)
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value).toString(10)
  if (value instanceof Uint8Array) return bytesToHex(value)
  if (Array.isArray(value)) return value.map(toJsonSafe)
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, toJsonSafe(entry)]))
  return value
}
