import { describeValue, InvalidRequestError } from '@airlock/core'
import {
  type AccessList,
  type Address,
  checksumAddress,
  type Hex,
  hexToBigInt,
  isAddress,
  isHex,
  maxUint256,
  numberToHex,
  type RpcTransactionRequest,
  type SignedAuthorizationList,
  type TransactionRequest,
} from 'viem'

export type ParseTransactionRequestReturnType = TransactionRequest & {
  from: Address
  chainId?: number | undefined
}

// EIP-2718 type numbers. Blob transactions (3) are never signed on a device.
const transactionTypes = {
  0: 'legacy',
  1: 'eip2930',
  2: 'eip1559',
  4: 'eip7702',
} as const

/**
 * Parses a JSON-RPC transaction request (hex quantities, as in `eth_sendTransaction`) into viem's
 * `TransactionRequest`, validating every field. Unknown or blob types are refused, never sent as
 * another type, and so is a field the transaction's type has no place for (`gasPrice` in a type 2):
 * nothing the app asked for is dropped.
 */
export function parseTransactionRequest(request: unknown): ParseTransactionRequestReturnType {
  if (!request || typeof request !== 'object')
    throw new InvalidRequestError({ reason: 'the transaction must be an object' })
  const rpc = request as RpcTransactionRequest & {
    input?: unknown
    chainId?: unknown
    gasLimit?: unknown
    sidecars?: unknown
  }
  if (
    rpc.blobs !== undefined ||
    rpc.blobVersionedHashes !== undefined ||
    rpc.maxFeePerBlobGas !== undefined ||
    rpc.sidecars !== undefined
  )
    throw new InvalidRequestError({ reason: 'blob transactions cannot be signed on the device' })
  if (rpc.from === undefined) throw new InvalidRequestError({ reason: '"from" is required' })
  if (rpc.data !== undefined && rpc.input !== undefined && rpc.data !== rpc.input)
    throw new InvalidRequestError({ reason: '"data" and "input" differ' })
  // Some apps say `gasLimit`, as ethers does in its own objects: the same field as `gas`.
  if (rpc.gas !== undefined && rpc.gasLimit !== undefined && rpc.gas !== rpc.gasLimit)
    throw new InvalidRequestError({ reason: '"gas" and "gasLimit" differ' })
  const typeNumber = small(rpc.type, 'type')
  const transaction = {
    from: address(rpc.from, 'from'),
    to: rpc.to === undefined || rpc.to === null ? undefined : address(rpc.to, 'to'),
    data: bytes(rpc.data ?? rpc.input, 'data'),
    value: quantity(rpc.value, 'value'),
    gas: quantity(rpc.gas ?? rpc.gasLimit, 'gas'),
    gasPrice: quantity(rpc.gasPrice, 'gasPrice'),
    maxFeePerGas: quantity(rpc.maxFeePerGas, 'maxFeePerGas'),
    maxPriorityFeePerGas: quantity(rpc.maxPriorityFeePerGas, 'maxPriorityFeePerGas'),
    nonce: small(rpc.nonce, 'nonce'),
    chainId: small(rpc.chainId, 'chainId'),
    type: type(typeNumber),
    accessList: rpc.accessList === undefined ? undefined : accessList(rpc.accessList),
    authorizationList:
      rpc.authorizationList === undefined ? undefined : authorizationList(rpc.authorizationList),
  }
  checkFieldsOfType(transaction, typeNumber)
  return Object.fromEntries(
    Object.entries(transaction).filter(([, value]) => value !== undefined),
  ) as ParseTransactionRequestReturnType
}

// The fee and list fields each EIP-2718 type carries.
const typeFields: Record<number, string[]> = {
  0: ['gasPrice'],
  1: ['gasPrice', 'accessList'],
  2: ['maxFeePerGas', 'maxPriorityFeePerGas', 'accessList'],
  4: ['maxFeePerGas', 'maxPriorityFeePerGas', 'accessList', 'authorizationList'],
}

/**
 * Refuses a field the transaction's type (given, or inferred as viem infers it) does not carry:
 * viem would drop it and sign the rest.
 */
function checkFieldsOfType(transaction: Record<string, unknown>, given: number | undefined) {
  const has = (field: string) => transaction[field] !== undefined
  const type =
    given ??
    (has('authorizationList')
      ? 4
      : has('maxFeePerGas') || has('maxPriorityFeePerGas')
        ? 2
        : has('gasPrice')
          ? Number(has('accessList'))
          : undefined)
  if (type === undefined) return
  for (const field of Object.values(typeFields).flat())
    if (has(field) && !typeFields[type]?.includes(field))
      throw new InvalidRequestError({ reason: `a type 0x${type} transaction has no "${field}"` })
  const { maxFeePerGas, maxPriorityFeePerGas, authorizationList } = transaction
  if (type === 4 && !(authorizationList as unknown[]).length)
    throw new InvalidRequestError({ reason: '"authorizationList" is empty' })
  if ((maxPriorityFeePerGas as bigint) > (maxFeePerGas as bigint))
    throw new InvalidRequestError({ reason: '"maxPriorityFeePerGas" is above "maxFeePerGas"' })
}

/**
 * An address in lower case, upper case or with a valid EIP-55 checksum; mixed case that fails the
 * checksum is a typo, not an address. Returned checksummed.
 */
function address(value: unknown, field: string): Address {
  if (typeof value !== 'string' || !isAddress(value, { strict: false }))
    throw new InvalidRequestError({
      reason: `"${field}" must be an address, got ${describeValue(value)}`,
    })
  const digits = value.slice(2)
  const checksummed = checksumAddress(value)
  if (digits !== digits.toLowerCase() && digits !== digits.toUpperCase() && value !== checksummed)
    throw new InvalidRequestError({
      reason: `"${field}" fails its EIP-55 checksum: ${value} (expected ${checksummed})`,
    })
  return checksummed
}

function bytes(value: unknown, field: string): Hex | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string' || !isHex(value) || value.length % 2 !== 0)
    throw new InvalidRequestError({
      reason: `"${field}" must be 0x-prefixed hex bytes, got ${describeValue(value)}`,
    })
  return value
}

function quantity(value: unknown, field: string): bigint | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]+$/.test(value))
    throw new InvalidRequestError({
      reason: `"${field}" must be a 0x-prefixed hex quantity, got ${describeValue(value)}`,
    })
  const parsed = hexToBigInt(value as Hex)
  if (parsed > maxUint256)
    throw new InvalidRequestError({ reason: `"${field}" is above 2^256 - 1: ${value}` })
  return parsed
}

function small(value: unknown, field: string): number | undefined {
  const parsed = quantity(value, field)
  if (parsed === undefined) return undefined
  if (parsed > BigInt(Number.MAX_SAFE_INTEGER))
    throw new InvalidRequestError({ reason: `"${field}" is too large: ${describeValue(value)}` })
  return Number(parsed)
}

function type(number: number | undefined): TransactionRequest['type'] {
  if (number === undefined) return undefined
  const name = transactionTypes[number as keyof typeof transactionTypes]
  if (!name)
    throw new InvalidRequestError({
      reason:
        number === 3
          ? 'blob transactions (type 0x3) cannot be signed on the device'
          : `unknown transaction type 0x${number.toString(16)}`,
    })
  return name
}

function accessList(value: unknown): AccessList {
  if (!Array.isArray(value))
    throw new InvalidRequestError({ reason: '"accessList" must be an array' })
  return value.map((item, index) => {
    const entry = (item ?? {}) as { address?: unknown; storageKeys?: unknown }
    if (!Array.isArray(entry.storageKeys))
      throw new InvalidRequestError({ reason: `"accessList[${index}].storageKeys" is missing` })
    return {
      address: address(entry.address, `accessList[${index}].address`),
      storageKeys: entry.storageKeys.map((key: unknown, i: number) => {
        if (typeof key !== 'string' || !isHex(key) || key.length !== 66)
          throw new InvalidRequestError({
            reason: `"accessList[${index}].storageKeys[${i}]" must be 32 bytes, got ${describeValue(key)}`,
          })
        return key
      }),
    }
  })
}

function authorizationList(value: unknown): SignedAuthorizationList {
  if (!Array.isArray(value))
    throw new InvalidRequestError({ reason: '"authorizationList" must be an array' })
  return value.map((item, index) => {
    const entry = (item ?? {}) as Record<string, unknown>
    const field = (name: string) => `authorizationList[${index}].${name}`
    return {
      address: address(entry.address, field('address')),
      chainId: small(entry.chainId, field('chainId')) ?? missing(field('chainId')),
      nonce: small(entry.nonce, field('nonce')) ?? missing(field('nonce')),
      r: word(entry.r, field('r')),
      s: word(entry.s, field('s')),
      yParity: small(entry.yParity, field('yParity')) ?? missing(field('yParity')),
    }
  })
}

function word(value: unknown, field: string): Hex {
  return numberToHex(quantity(value, field) ?? missing(field), { size: 32 })
}

function missing(field: string): never {
  throw new InvalidRequestError({ reason: `"${field}" is required` })
}
