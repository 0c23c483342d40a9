import { eip1559Transaction, legacyTransaction } from '@airlock/fixtures/arbitraries'
import fc from 'fast-check'
import { serializeTransaction, type TransactionSerializable } from 'viem'
import { describe, expect, test } from 'vitest'
import {
  buildSignTransactionRequest,
  fromTrezorTransaction,
  maxTrezorLegacyChainId,
} from './buildSignTransactionRequest.js'

const to = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

function build(transaction: TransactionSerializable, serialized?: `0x${string}`) {
  return buildSignTransactionRequest({
    transaction: transaction as never,
    serializedTransaction: serialized ?? serializeTransaction(transaction),
  })
}

describe('buildSignTransactionRequest', () => {
  test('legacy: hex quantities, numeric chain id, no empty data', () => {
    expect(
      build({
        type: 'legacy',
        chainId: 1,
        nonce: 0,
        gasPrice: 10n ** 9n,
        gas: 21000n,
        to,
        value: 1n,
      }),
    ).toMatchInlineSnapshot(`
      {
        "chainId": 1,
        "gasLimit": "0x5208",
        "gasPrice": "0x3b9aca00",
        "nonce": "0x0",
        "to": "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
        "value": "0x1",
      }
    `)
  })

  test('eip1559 with an access list', () => {
    expect(
      build({
        type: 'eip1559',
        chainId: 10,
        nonce: 7,
        maxFeePerGas: 100n,
        maxPriorityFeePerGas: 2n,
        gas: 50000n,
        to,
        data: '0xA9059CBB',
        accessList: [{ address: to, storageKeys: [`0x${'00'.repeat(31)}01`] }],
      }),
    ).toMatchInlineSnapshot(`
      {
        "accessList": [
          {
            "address": "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
            "storageKeys": [
              "0x0000000000000000000000000000000000000000000000000000000000000001",
            ],
          },
        ],
        "chainId": 10,
        "data": "0xa9059cbb",
        "gasLimit": "0xc350",
        "maxFeePerGas": "0x64",
        "maxPriorityFeePerGas": "0x2",
        "nonce": "0x7",
        "to": "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
        "value": "0x0",
      }
    `)
  })

  test('contract creation sends `to: null`', () => {
    expect(build({ type: 'eip1559', chainId: 1, data: '0x6000' }).to).toBe(null)
    expect(build({ type: 'legacy', chainId: 1, gasPrice: 1n, data: '0x6000' }).to).toBe(null)
  })

  test('the request serializes to exactly the account’s bytes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          legacyTransaction.filter((tx) => tx.chainId <= maxTrezorLegacyChainId),
          eip1559Transaction.filter((tx) => tx.chainId !== 61),
        ),
        (transaction) => {
          // Gas limits above 2^64-1 are refused (tested below).
          const tx = {
            ...transaction,
            gas: transaction.gas === undefined ? undefined : transaction.gas % 2n ** 64n,
          } as TransactionSerializable
          fc.pre(Boolean(tx.to) || Boolean(tx.data && tx.data !== '0x'))
          const request = build(tx)
          expect(serializeTransaction(fromTrezorTransaction(request))).toBe(
            serializeTransaction(tx),
          )
        },
      ),
      { numRuns: 200 },
    )
  })

  test.each([
    [{ type: 'eip2930', chainId: 1, gasPrice: 1n, to }, 'EIP-2930'],
    [
      {
        type: 'eip7702',
        chainId: 1,
        to,
        maxFeePerGas: 1n,
        authorizationList: [
          { address: to, chainId: 1, nonce: 0, r: '0x01', s: '0x01', yParity: 0 },
        ],
      },
      'EIP-7702',
    ],
    [{ type: 'eip4844', chainId: 1, to }, 'blob'],
  ])('refuses %o with UnsupportedByDeviceError', (transaction, what) => {
    expect(() =>
      buildSignTransactionRequest({
        transaction: transaction as never,
        serializedTransaction: '0x02',
      }),
    ).toThrowError(expect.objectContaining({ name: 'UnsupportedByDeviceError' }))
    expect(() =>
      buildSignTransactionRequest({
        transaction: transaction as never,
        serializedTransaction: '0x02',
      }),
    ).toThrowError(new RegExp(what))
  })

  test('unknown types are refused, never sent as legacy', () => {
    expect(() =>
      buildSignTransactionRequest({
        transaction: { type: 'deposit', chainId: 1, to } as never,
        serializedTransaction: '0x7e',
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidRequestError: The request is invalid and was not sent to the device.

      Fix the request and try again.

      Details: unknown transaction type "deposit": refusing to sign it
      Version: @airlock/core@0.1.0]
    `)
  })

  test('chain id limits name the limit', () => {
    expect(() =>
      build({ type: 'eip1559', chainId: 2 ** 53, to } as TransactionSerializable, '0x02'),
    ).toThrowError(/"chainId" must be an integer in range 1..2\*\*53-1/)
    expect(() =>
      build({ type: 'legacy', chainId: maxTrezorLegacyChainId + 1, gasPrice: 1n, to }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [UnsupportedByDeviceError: The device cannot sign legacy transactions for chain 4503599627370479.

      Use another signing method for this request.

      Details: Trezor Connect 9.7 computes the legacy v = 2 * chainId + 35 in floating point, exact only up to chain id 4503599627370478 (2**52-18). Use an EIP-1559 transaction.
      Version: @airlock/core@0.1.0]
    `)
    expect(build({ type: 'eip1559', chainId: 2 ** 53 - 1, to }).chainId).toBe(2 ** 53 - 1)
    expect(
      build({ type: 'legacy', chainId: maxTrezorLegacyChainId, to, gasPrice: 1n }).chainId,
    ).toBe(maxTrezorLegacyChainId)
  })

  test('EIP-1559 on Ethereum Classic (61), which Connect fails after signing, is refused before', () => {
    expect(() => build({ type: 'eip1559', chainId: 61, to, maxFeePerGas: 1n })).toThrowError(
      /Use a legacy transaction/,
    )
    expect(build({ type: 'legacy', chainId: 61, to, gasPrice: 1n }).chainId).toBe(61)
  })

  test('limits @ethereumjs/tx enforces after signing are refused before', () => {
    expect(() => build({ type: 'eip1559', chainId: 1, to, gas: 2n ** 64n })).toThrowError(
      /accepts gas limits up to 2\*\*64-1/,
    )
    expect(() =>
      build({ type: 'legacy', chainId: 1, to, gas: 2n ** 64n - 1n, gasPrice: 2n ** 200n }),
    ).toThrowError(/gas limit \* fee above 2\*\*256-1/)
    expect(build({ type: 'eip1559', chainId: 1, to, gas: 2n ** 64n - 1n }).gasLimit).toBe(
      '0xffffffffffffffff',
    )
  })

  test('replayable legacy transactions are refused', () => {
    expect(() => build({ type: 'legacy', gasPrice: 1n, to })).toThrowError(
      /signs only replay-protected \(EIP-155\) transactions/,
    )
  })

  test('contract creation without init code is refused up front', () => {
    expect(() => build({ type: 'eip1559', chainId: 1 })).toThrowError(
      /requires data when "to" is empty/,
    )
  })

  test('a serializer Connect cannot express is refused', () => {
    const transaction = { type: 'eip1559', chainId: 42220, to, maxFeePerGas: 1n } as const
    // e.g. a chain serializer that appends a field (Celo's feeCurrency) to the same envelope
    const serialized = serializeTransaction(transaction)
    expect(() => build(transaction, `${serialized}94${'11'.repeat(20)}`)).toThrowError(
      expect.objectContaining({
        name: 'UnsupportedByDeviceError',
        shortMessage: 'The device cannot sign this transaction exactly as serialized.',
      }),
    )
  })
})
