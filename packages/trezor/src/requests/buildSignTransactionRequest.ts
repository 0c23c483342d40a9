import {
  describeValue,
  InvalidRequestError,
  type SignTransactionRequest,
  UnsupportedByDeviceError,
} from '@airlock/core'
import {
  type Hex,
  hexToBigInt,
  numberToHex,
  serializeTransaction,
  type TransactionSerializable,
} from 'viem'
import type {
  TrezorEip1559Transaction,
  TrezorLegacyTransaction,
  TrezorTransaction,
} from '../types.js'

export type BuildSignTransactionRequestParameters = Pick<
  SignTransactionRequest,
  'transaction' | 'serializedTransaction'
>

/**
 * Connect takes `chainId` as a JS number (@trezor/connect 9.7.3
 * lib/types/api/ethereum/index.d.ts:19 and :62, `TNumber`).
 */
export const maxTrezorChainId = Number.MAX_SAFE_INTEGER

/**
 * Connect adds the EIP-155 offset to the firmware's `v` in floating point, `v += 2 * chain_id + 35`
 * (@trezor/connect 9.7.3 lib/api/ethereum/ethereumSignTx.js:27-28, `processTxRequest`), then
 * re-parses it with @ethereumjs/tx (:55-76, `serializeEthereumTx`). Above this chain id the sum is
 * inexact: the parity is lost, or, after the user approved, the call fails with "Common chain ID …
 * not matching the derived chain ID".
 */
export const maxTrezorLegacyChainId = (2 ** 53 - 36) / 2

/**
 * Builds the `ethereumSignTransaction` transaction for a signing request, chosen by its type, and
 * checks that viem serializes the request to exactly the bytes the account will broadcast: what
 * Connect cannot express (another chain's serializer, extra fields) is refused, never signed.
 */
export function buildSignTransactionRequest(
  parameters: BuildSignTransactionRequestParameters,
): TrezorTransaction {
  const { transaction, serializedTransaction } = parameters
  const request = buildByType(transaction)
  assertSerializableByConnect(request)
  const reserialized = serializeTransaction(fromTrezorTransaction(request))
  if (reserialized.toLowerCase() !== serializedTransaction.toLowerCase())
    throw new UnsupportedByDeviceError({
      operation: 'sign this transaction exactly as serialized',
      reason:
        "Trezor Connect takes the transaction's fields, not its bytes, and those fields serialize differently from the account's serializer (a chain-specific format or an extra field). Nothing was sent to the device.",
    })
  return request
}

function buildByType(transaction: SignTransactionRequest['transaction']): TrezorTransaction {
  const type = transaction.type as string
  switch (type) {
    case 'legacy':
      return buildLegacy(transaction)
    case 'eip1559':
      return buildEip1559(transaction)
    case 'eip2930':
      throw new UnsupportedByDeviceError({
        operation: 'sign EIP-2930 (access list) transactions',
        reason:
          'Trezor Connect 9.7 signs only legacy and EIP-1559 transactions. Send the access list in an EIP-1559 transaction.',
      })
    case 'eip7702':
      throw new UnsupportedByDeviceError({
        operation: 'sign EIP-7702 transactions',
        reason:
          'Trezor Connect 9.7 has no API for EIP-7702 transactions or authorizations (firmware support is experimental).',
      })
    case 'eip4844':
      throw new UnsupportedByDeviceError({
        operation: 'sign EIP-4844 blob transactions',
        reason: 'no Trezor firmware signs blob transactions',
      })
    default:
      throw new InvalidRequestError({
        reason: `unknown transaction type ${describeValue(type)}: refusing to sign it`,
      })
  }
}

const maxUint64 = 2n ** 64n - 1n
const maxUint256 = 2n ** 256n - 1n

/**
 * After the device signs, Connect re-serializes the transaction with @ethereumjs/tx
 * (@trezor/connect 9.7.3 lib/api/ethereum/ethereumSignTx.js:55-76 `serializeEthereumTx`), which
 * throws for a gas limit above 2^64-1 (@ethereumjs/tx 10.1.3 dist/esm/util/internal.js:132) or a
 * gas limit times fee above 2^256-1 (legacy/tx.js:78, 1559/tx.js:56). Refuse those before the user
 * is asked to approve.
 */
function assertSerializableByConnect(request: TrezorTransaction) {
  const gas = hexToBigInt(request.gasLimit as Hex)
  const fee = hexToBigInt(
    ('maxFeePerGas' in request ? request.maxFeePerGas : request.gasPrice) as Hex,
  )
  if (gas > maxUint64)
    throw new UnsupportedByDeviceError({
      operation: `sign a transaction with gas limit ${gas}`,
      reason: 'Trezor Connect 9.7 accepts gas limits up to 2**64-1 (@ethereumjs/tx)',
    })
  if (gas * fee > maxUint256)
    throw new UnsupportedByDeviceError({
      operation: 'sign a transaction whose maximum fee exceeds 2**256-1',
      reason: 'Trezor Connect 9.7 refuses gas limit * fee above 2**256-1 (@ethereumjs/tx)',
    })
}

function buildLegacy(transaction: TransactionSerializable): TrezorLegacyTransaction {
  const chainId = checkedChainId(transaction.chainId, maxTrezorLegacyChainId, 'legacy')
  return {
    to: recipient(transaction),
    value: quantity(transaction.value),
    gasPrice: quantity(transaction.gasPrice),
    gasLimit: quantity(transaction.gas),
    nonce: quantity(transaction.nonce),
    ...data(transaction.data),
    chainId,
  }
}

// Connect re-serializes the signed transaction with an @ethereumjs Common that, for chain 61
// (Ethereum Classic), stops at Petersburg: an EIP-1559 transaction there fails after the user
// approved it (@trezor/connect 9.7.3 lib/api/ethereum/ethereumSignTx.js:43-49 `getCommonForChain`).
const chainsWithoutEip1559 = new Set([61])

function buildEip1559(transaction: TransactionSerializable): TrezorEip1559Transaction {
  const chainId = checkedChainId(transaction.chainId, maxTrezorChainId, 'eip1559')
  if (chainsWithoutEip1559.has(chainId))
    throw new UnsupportedByDeviceError({
      operation: `sign EIP-1559 transactions for chain ${chainId}`,
      reason: `Trezor Connect 9.7 treats chain ${chainId} as a chain without EIP-1559 and fails after the device signs. Use a legacy transaction.`,
    })
  const accessList = transaction.accessList ?? []
  return {
    to: recipient(transaction),
    value: quantity(transaction.value),
    gasLimit: quantity(transaction.gas),
    nonce: quantity(transaction.nonce),
    ...data(transaction.data),
    chainId,
    maxFeePerGas: quantity(transaction.maxFeePerGas),
    maxPriorityFeePerGas: quantity(transaction.maxPriorityFeePerGas),
    ...(accessList.length > 0
      ? {
          accessList: accessList.map(({ address, storageKeys }) => ({
            address,
            storageKeys: [...storageKeys],
          })),
        }
      : {}),
  }
}

function checkedChainId(
  chainId: number | undefined,
  max: number,
  type: 'legacy' | 'eip1559',
): number {
  if (chainId === undefined)
    throw new UnsupportedByDeviceError({
      operation: 'sign transactions without a chain id',
      reason: 'Trezor firmware signs only replay-protected (EIP-155) transactions',
    })
  if (!Number.isSafeInteger(chainId) || chainId <= 0)
    throw new InvalidRequestError({
      reason: `"chainId" must be an integer in range 1..2**53-1, got ${describeValue(chainId)}`,
    })
  if (chainId > max)
    throw new UnsupportedByDeviceError({
      operation: `sign ${type} transactions for chain ${chainId}`,
      reason:
        type === 'legacy'
          ? `Trezor Connect 9.7 computes the legacy v = 2 * chainId + 35 in floating point, exact only up to chain id ${max} (2**52-18). Use an EIP-1559 transaction.`
          : `Trezor Connect 9.7 passes chain ids as JS numbers, so the largest is ${max} (2**53-1).`,
    })
  return chainId
}

function recipient(transaction: TransactionSerializable): string | null {
  if (transaction.to) return transaction.to
  // trezor-firmware core/src/apps/ethereum/sign_tx.py refuses "Contract creation without data".
  if (!transaction.data || transaction.data === '0x')
    throw new UnsupportedByDeviceError({
      operation: 'sign a contract creation without init code',
      reason: 'Trezor firmware requires data when "to" is empty',
    })
  return null
}

function quantity(value: bigint | number | undefined): string {
  return numberToHex(value ?? 0)
}

function data(value: Hex | undefined): { data?: string } {
  return value && value !== '0x' ? { data: value.toLowerCase() } : {}
}

/** The viem transaction a Connect request stands for: what the device will hash and sign. */
export function fromTrezorTransaction(request: TrezorTransaction): TransactionSerializable {
  const common = {
    chainId: request.chainId,
    nonce: Number(hexToBigInt(request.nonce as Hex)),
    gas: hexToBigInt(request.gasLimit as Hex),
    to: (request.to ?? undefined) as Hex | undefined,
    value: hexToBigInt(request.value as Hex),
    data: request.data as Hex | undefined,
  }
  if ('maxFeePerGas' in request)
    return {
      ...common,
      type: 'eip1559',
      maxFeePerGas: hexToBigInt(request.maxFeePerGas as Hex),
      maxPriorityFeePerGas: hexToBigInt(request.maxPriorityFeePerGas as Hex),
      accessList: (request.accessList ?? []).map(({ address, storageKeys }) => ({
        address: address as Hex,
        storageKeys: storageKeys as Hex[],
      })),
    }
  return { ...common, type: 'legacy', gasPrice: hexToBigInt(request.gasPrice as Hex) }
}
