import {
  type Hex,
  isHex,
  type SerializeTransactionFn,
  serializeTransaction,
  type TransactionSerializable,
} from 'viem'
import { describeValue } from '../errors/describeValue.js'
import { UnsupportedByDeviceError } from '../errors/device.js'
import { InvalidRequestError } from '../errors/request.js'
import type { SignableTransactionType } from '../signer/types.js'

export type SerializeUnsignedTransactionParameters = {
  transaction: TransactionSerializable
  serializer?: SerializeTransactionFn<any> | undefined
  /** Sign a legacy transaction without a chain id (replayable on every chain). */
  allowReplayable?: boolean | undefined
}

export type SerializeUnsignedTransactionReturnType = {
  type: SignableTransactionType
  serializedTransaction: Hex
}

const signableTypes: readonly string[] = [
  'legacy',
  'eip2930',
  'eip1559',
  'eip7702',
] satisfies SignableTransactionType[]
const maxUint256 = 2n ** 256n - 1n
/** go-ethereum's `txMaxSize` (core/txpool/legacypool): the largest transaction nodes relay. */
const maxTransactionSize = 128 * 1024
const maxUint64 = 2n ** 64n - 1n
const quantityFields = ['value', 'gas', 'gasPrice', 'maxFeePerGas', 'maxPriorityFeePerGas'] as const

/**
 * Validates a transaction and serializes it unsigned with the account's serializer. The type is read
 * from the serialized envelope, so what the device is told is what it signs; unknown and blob types
 * are refused, never sent as legacy.
 */
export async function serializeUnsignedTransaction(
  parameters: SerializeUnsignedTransactionParameters,
): Promise<SerializeUnsignedTransactionReturnType> {
  const { transaction, serializer = serializeTransaction, allowReplayable = false } = parameters
  assertTransactionFields(transaction, allowReplayable)

  let serializedTransaction: Hex
  try {
    serializedTransaction = (await serializer(transaction)) as Hex
  } catch (cause) {
    throw new InvalidRequestError({
      reason: `the transaction cannot be serialized: ${(cause as { shortMessage?: string }).shortMessage ?? (cause as Error).message}`,
      cause,
    })
  }
  if (!isHex(serializedTransaction) || serializedTransaction.length < 4)
    throw new InvalidRequestError({ reason: 'the serializer did not return a hex transaction' })
  const size = (serializedTransaction.length - 2) / 2
  if (size > maxTransactionSize)
    throw new InvalidRequestError({
      reason: `the transaction is ${size} bytes; nodes accept at most ${maxTransactionSize}, so it could never be sent`,
    })

  const type = envelopeType(serializedTransaction)
  const declared = transaction.type as string | undefined
  if (declared !== undefined && declared !== type)
    throw new InvalidRequestError({
      reason: `the transaction says type "${declared}" but serializes as ${type}`,
    })
  return { type, serializedTransaction }
}

function envelopeType(serialized: Hex): SignableTransactionType {
  const first = Number.parseInt(serialized.slice(2, 4), 16)
  if (first >= 0xc0) return 'legacy'
  if (first === 0x01) return 'eip2930'
  if (first === 0x02) return 'eip1559'
  if (first === 0x04) return 'eip7702'
  if (first === 0x03)
    throw new UnsupportedByDeviceError({
      operation: 'sign EIP-4844 blob transactions',
      reason: 'no Ledger or Trezor firmware signs blob transactions',
    })
  throw new InvalidRequestError({
    reason: `unknown transaction type 0x${first.toString(16).padStart(2, '0')}: refusing to sign it`,
  })
}

function assertTransactionFields(transaction: TransactionSerializable, allowReplayable: boolean) {
  if (typeof transaction !== 'object' || transaction === null)
    throw new InvalidRequestError({ reason: 'the transaction must be an object' })
  const tx = transaction as Record<string, unknown>
  const type = tx.type
  if (type !== undefined && !signableTypes.includes(type as string) && type !== 'eip4844')
    throw new InvalidRequestError({
      reason: `unknown transaction type ${describeValue(type)}: refusing to sign it (known: ${signableTypes.join(', ')})`,
    })
  if (
    type === 'eip4844' ||
    tx.blobs !== undefined ||
    tx.blobVersionedHashes !== undefined ||
    tx.sidecars !== undefined ||
    tx.maxFeePerBlobGas !== undefined
  )
    throw new UnsupportedByDeviceError({
      operation: 'sign EIP-4844 blob transactions',
      reason: 'no Ledger or Trezor firmware signs blob transactions',
    })
  if (tx.chainId === undefined) {
    if (!allowReplayable || (type !== undefined && type !== 'legacy'))
      throw new InvalidRequestError({
        reason:
          'the transaction has no chainId, so it could be replayed on every chain. Set chainId (or pass `chain` to the client).',
      })
  } else if (typeof tx.chainId !== 'number' || !Number.isInteger(tx.chainId) || tx.chainId <= 0)
    throw new InvalidRequestError({
      reason: `"chainId" must be a positive integer, got ${describeValue(tx.chainId)}`,
    })
  for (const field of quantityFields) assertQuantity(tx, field, maxUint256)
  assertQuantity(tx, 'nonce', maxUint64)
  if (
    tx.to !== undefined &&
    tx.to !== null &&
    !(typeof tx.to === 'string' && /^0x[0-9a-fA-F]{40}$/.test(tx.to))
  )
    throw new InvalidRequestError({
      reason: `"to" must be a 20-byte address, got ${describeValue(tx.to)}`,
    })
  assertBytes(tx.data, 'data')
  assertAccessList(tx.accessList)
  assertAuthorizationList(tx.authorizationList)
}

/**
 * Hex must be whole bytes: viem pads odd-length hex (`0xabc` becomes `0x0abc`), which would sign
 * something other than what the app asked for.
 */
function assertBytes(value: unknown, field: string, size?: number) {
  if (value === undefined) return
  const isBytes = typeof value === 'string' && isHex(value) && value.length % 2 === 0
  if (!isBytes || (size !== undefined && value.length !== 2 + 2 * size))
    throw new InvalidRequestError({
      reason: `"${field}" must be 0x-prefixed hex ${size === undefined ? 'bytes (an even number of digits)' : `of ${size} bytes`}, got ${describeValue(value)}`,
    })
}

function assertAccessList(accessList: unknown) {
  if (accessList === undefined) return
  if (!Array.isArray(accessList))
    throw new InvalidRequestError({ reason: '"accessList" must be an array' })
  accessList.forEach((entry: { address?: unknown; storageKeys?: unknown } | null, i) => {
    assertBytes(entry?.address ?? null, `accessList[${i}].address`, 20)
    if (!Array.isArray(entry?.storageKeys))
      throw new InvalidRequestError({ reason: `"accessList[${i}].storageKeys" must be an array` })
    entry.storageKeys.forEach((key, k) => {
      assertBytes(key, `accessList[${i}].storageKeys[${k}]`, 32)
    })
  })
}

function assertAuthorizationList(authorizationList: unknown) {
  if (authorizationList === undefined) return
  if (!Array.isArray(authorizationList))
    throw new InvalidRequestError({ reason: '"authorizationList" must be an array' })
  authorizationList.forEach((entry: Record<string, unknown> | null, i) => {
    assertBytes(entry?.address ?? null, `authorizationList[${i}].address`, 20)
    // Signature words are numbers (RPC returns them without leading zeros); viem trims them.
    for (const field of ['r', 's']) {
      const word = entry?.[field]
      if (typeof word !== 'string' || !/^0x[0-9a-fA-F]{1,64}$/.test(word))
        throw new InvalidRequestError({
          reason: `"authorizationList[${i}].${field}" must be a 0x-prefixed hex number of at most 32 bytes, got ${describeValue(word)}`,
        })
    }
  })
}

function assertQuantity(tx: Record<string, unknown>, field: string, max: bigint) {
  const value = tx[field]
  if (value === undefined) return
  const isInteger =
    typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value))
  if (!isInteger || BigInt(value as bigint | number) < 0n || BigInt(value as bigint | number) > max)
    throw new InvalidRequestError({
      reason: `"${field}" must be an integer in range 0..${max === maxUint64 ? '2**64-1' : '2**256-1'}, got ${describeValue(value)}`,
    })
}
