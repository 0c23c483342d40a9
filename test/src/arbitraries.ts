import fc from 'fast-check'
import { type Hex, type TransactionSerializable, toHex } from 'viem'

const address = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((bytes) => toHex(bytes))
const bytes32 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => toHex(bytes))
const quantity = fc.bigInt({ min: 0n, max: 2n ** 128n })
/** Chain ids from 1 to beyond 2^32, where legacy `v` no longer fits a byte or a u32. */
export const chainId = fc.oneof(
  fc.integer({ min: 1, max: 200 }),
  fc.integer({ min: 1, max: 2 ** 31 }),
  fc.integer({ min: 2 ** 32 - 100, max: 2 ** 40 }),
)
const data = fc.option(
  fc.uint8Array({ minLength: 0, maxLength: 600 }).map((bytes) => toHex(bytes)),
  { nil: undefined },
)
const accessList = fc.array(
  fc.record({ address, storageKeys: fc.array(bytes32, { maxLength: 3 }) }),
  { maxLength: 3 },
)
const base = {
  chainId,
  nonce: fc.integer({ min: 0, max: 2 ** 31 }),
  gas: fc.option(quantity, { nil: undefined }),
  to: fc.option(address, { nil: undefined }),
  value: fc.option(quantity, { nil: undefined }),
  data,
}

const fees = { maxFeePerGas: quantity, maxPriorityFeePerGas: quantity }
/** The tip may not exceed the fee cap. */
function orderFees<tx extends { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint }>(tx: tx): tx {
  return tx.maxPriorityFeePerGas > tx.maxFeePerGas
    ? { ...tx, maxFeePerGas: tx.maxPriorityFeePerGas, maxPriorityFeePerGas: tx.maxFeePerGas }
    : tx
}

export const legacyTransaction = fc.record({
  ...base,
  type: fc.constant('legacy' as const),
  gasPrice: quantity,
})
export const eip2930Transaction = fc.record({
  ...base,
  type: fc.constant('eip2930' as const),
  gasPrice: quantity,
  accessList,
})
export const eip1559Transaction = fc
  .record({
    ...base,
    type: fc.constant('eip1559' as const),
    ...fees,
    accessList: fc.option(accessList, { nil: undefined }),
  })
  .map(orderFees)
export const eip7702Transaction = fc
  .record({
    ...base,
    to: address,
    type: fc.constant('eip7702' as const),
    ...fees,
    authorizationList: fc.array(
      fc.record({
        address,
        chainId: fc.integer({ min: 0, max: 2 ** 31 }),
        nonce: fc.integer({ min: 0, max: 2 ** 31 }),
        r: bytes32,
        s: bytes32,
        yParity: fc.constantFrom(0, 1),
      }),
      { minLength: 1, maxLength: 2 },
    ),
  })
  .map(orderFees)

export const transaction: fc.Arbitrary<TransactionSerializable> = fc.oneof(
  legacyTransaction,
  eip2930Transaction,
  eip1559Transaction,
  eip7702Transaction,
) as fc.Arbitrary<TransactionSerializable>

export const message = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }).map((raw) => ({ raw })),
  fc.uint8Array({ maxLength: 300 }).map((raw) => ({ raw: toHex(raw) as Hex })),
)

const atomicValue = {
  uint256: fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
  int64: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  uint8: fc.integer({ min: 0, max: 255 }),
  bool: fc.boolean(),
  address,
  string: fc.string({ maxLength: 200 }),
  bytes: fc.uint8Array({ maxLength: 200 }).map((b) => toHex(b)),
  bytes32,
}

/** Typed data with a nested struct, an array of structs and every kind of atomic type. */
export const typedData = fc
  .record({
    name: fc.string({ maxLength: 20 }),
    version: fc.constantFrom('1', '2'),
    chainId: fc.integer({ min: 1, max: 2 ** 40 }),
    verifyingContract: address,
    mail: fc.record({
      from: fc.record({ name: atomicValue.string, wallet: address }),
      to: fc.array(fc.record({ name: atomicValue.string, wallet: address }), { maxLength: 3 }),
      contents: atomicValue.string,
      amount: atomicValue.uint256,
      delta: atomicValue.int64,
      flag: atomicValue.bool,
      small: atomicValue.uint8,
      blob: atomicValue.bytes,
      digest: atomicValue.bytes32,
      tags: fc.array(atomicValue.uint256, { maxLength: 4 }),
    }),
  })
  .map(({ name, version, chainId, verifyingContract, mail }) => ({
    domain: { name, version, chainId, verifyingContract: verifyingContract as Hex },
    primaryType: 'Mail' as const,
    types: {
      Person: [
        { name: 'name', type: 'string' },
        { name: 'wallet', type: 'address' },
      ],
      Mail: [
        { name: 'from', type: 'Person' },
        { name: 'to', type: 'Person[]' },
        { name: 'contents', type: 'string' },
        { name: 'amount', type: 'uint256' },
        { name: 'delta', type: 'int64' },
        { name: 'flag', type: 'bool' },
        { name: 'small', type: 'uint8' },
        { name: 'blob', type: 'bytes' },
        { name: 'digest', type: 'bytes32' },
        { name: 'tags', type: 'uint256[]' },
      ],
    },
    message: mail,
  }))
