import type { SignTypedDataRequest } from '@airlock/core'
import { bytesToHex, type Hex, hashDomain, hashStruct, size, stringToBytes } from 'viem'

type TypedData = SignTypedDataRequest['typedData']
type Fields = readonly { name: string; type: string }[]

/** Typed data as `@ledgerhq/hw-app-eth` takes it: JSON values, integers as decimal strings. */
export type Eip712Message = {
  domain: Record<string, unknown>
  types: Record<string, Fields>
  primaryType: string
  message: Record<string, unknown>
}

/** Converts viem typed data to hw-app-eth's JSON shape: bigints become decimal strings. */
export function toEip712Message(typedData: TypedData): Eip712Message {
  return toJson({
    domain: typedData.domain ?? {},
    types: typedData.types,
    primaryType: typedData.primaryType,
    message: typedData.message ?? {},
  }) as Eip712Message
}

/** The two hashes the app signs in hashed (v0) mode: the domain separator and `hashStruct(message)`. */
export function hashTypedDataParts(typedData: TypedData): {
  domainSeparator: Hex
  messageHash: Hex
} {
  const types = typedData.types as Record<string, Fields>
  return {
    domainSeparator: hashDomain({ domain: typedData.domain ?? {}, types } as never),
    messageHash: hashStruct({
      data: (typedData.message ?? {}) as Record<string, unknown>,
      primaryType: typedData.primaryType as string,
      types,
    }),
  }
}

/**
 * Why the app cannot take this payload in full mode, if it cannot: it reads array lengths in one
 * byte and value lengths in two (EIP712 SEND STRUCT IMPLEMENTATION).
 */
export function findFullModeObstacle(typedData: TypedData): string | undefined {
  const types = typedData.types as Record<string, Fields>
  const visit = (type: string, value: unknown, at: string): string | undefined => {
    const array = /^(.*)\[(\d*)\]$/.exec(type)
    if (array) {
      const items = Array.isArray(value) ? value : []
      if (items.length > 255) return `${at} has ${items.length} entries (the app takes at most 255)`
      for (const [i, item] of items.entries()) {
        const found = visit(array[1]!, item, `${at}[${i}]`)
        if (found) return found
      }
      return undefined
    }
    const fields = types[type]
    if (fields) {
      for (const field of fields) {
        const found = visit(
          field.type,
          (value as Record<string, unknown>)?.[field.name],
          `${at}.${field.name}`,
        )
        if (found) return found
      }
      return undefined
    }
    if (type !== 'string' && type !== 'bytes') return undefined
    const length =
      type === 'string'
        ? stringToBytes(String(value ?? '')).length
        : value instanceof Uint8Array
          ? value.length
          : size((value ?? '0x') as Hex)
    if (length > 0xffff) return `${at} is ${length} bytes long (the app takes at most 65535)`
    return undefined
  }
  return (
    visit('EIP712Domain', typedData.domain ?? {}, 'domain') ??
    visit(typedData.primaryType as string, typedData.message ?? {}, 'message')
  )
}

function toJson(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Uint8Array) return bytesToHex(value)
  if (Array.isArray(value)) return value.map(toJson)
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, toJson(entry)]))
  return value
}
