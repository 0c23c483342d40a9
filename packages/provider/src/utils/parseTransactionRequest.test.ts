import { InvalidRequestError } from '@airlock/core'
import { describe, expect, test } from 'vitest'
import { parseTransactionRequest } from './parseTransactionRequest.js'

const from = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const to = '0x000000000000000000000000000000000000dEaD'
const authorization = {
  address: to,
  chainId: '0x1',
  nonce: '0x0',
  r: '0x1',
  s: '0x2',
  yParity: '0x0',
}

function reason(request: Record<string, unknown>): string {
  try {
    parseTransactionRequest({ from, to, ...request })
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequestError)
    return (error as InvalidRequestError).details ?? ''
  }
  return expect.unreachable('expected a refusal')
}

describe('parseTransactionRequest', () => {
  test('refuses, with the reason, what viem would drop or choke on', () => {
    expect({
      feeCap: reason({ maxFeePerGas: `0x1${'0'.repeat(64)}` }),
      gasPriceInType2: reason({ type: '0x2', gasPrice: '0x5' }),
      gasPriceInType4: reason({ type: '0x4', gasPrice: '0x5', authorizationList: [authorization] }),
      feeCapInLegacy: reason({ type: '0x0', maxFeePerGas: '0x5' }),
      tipInEip2930: reason({ type: '0x1', maxPriorityFeePerGas: '0x5' }),
      mixedFees: reason({ gasPrice: '0x5', maxFeePerGas: '0x6' }),
      tipAboveCap: reason({ maxFeePerGas: '0x5', maxPriorityFeePerGas: '0x6' }),
      accessListInLegacy: reason({ type: '0x0', accessList: [] }),
      authorizationsInType2: reason({ type: '0x2', authorizationList: [authorization] }),
      emptyAuthorizations: reason({ type: '0x4', authorizationList: [] }),
      badChecksum: reason({ to: '0x000000000000000000000000000000000000dead'.replace('de', 'De') }),
      blobFee: reason({ maxFeePerBlobGas: '0x1' }),
      gasAndGasLimit: reason({ gas: '0x5208', gasLimit: '0x5209' }),
    }).toMatchInlineSnapshot(`
      {
        "accessListInLegacy": "a type 0x0 transaction has no "accessList"",
        "authorizationsInType2": "a type 0x2 transaction has no "authorizationList"",
        "badChecksum": ""to" fails its EIP-55 checksum: 0x000000000000000000000000000000000000Dead (expected 0x000000000000000000000000000000000000dEaD)",
        "blobFee": "blob transactions cannot be signed on the device",
        "emptyAuthorizations": ""authorizationList" is empty",
        "feeCap": ""maxFeePerGas" is above 2^256 - 1: 0x10000000000000000000000000000000000000000000000000000000000000000",
        "feeCapInLegacy": "a type 0x0 transaction has no "maxFeePerGas"",
        "gasAndGasLimit": ""gas" and "gasLimit" differ",
        "gasPriceInType2": "a type 0x2 transaction has no "gasPrice"",
        "gasPriceInType4": "a type 0x4 transaction has no "gasPrice"",
        "mixedFees": "a type 0x2 transaction has no "gasPrice"",
        "tipAboveCap": ""maxPriorityFeePerGas" is above "maxFeePerGas"",
        "tipInEip2930": "a type 0x1 transaction has no "maxPriorityFeePerGas"",
      }
    `)
  })

  test('accepts and normalises what is well formed', () => {
    expect(
      parseTransactionRequest({
        from: from.toLowerCase(),
        to: to.toUpperCase().replace('0X', '0x'),
        gasLimit: '0x5208',
        maxFeePerGas: `0x${'f'.repeat(64)}`,
        maxPriorityFeePerGas: '0x1',
        accessList: [{ address: to.toLowerCase(), storageKeys: [] }],
      }),
    ).toEqual({
      from,
      to,
      gas: 21_000n,
      maxFeePerGas: 2n ** 256n - 1n,
      maxPriorityFeePerGas: 1n,
      accessList: [{ address: to, storageKeys: [] }],
    })
    expect(parseTransactionRequest({ from, to, gasPrice: '0x5', accessList: [] })).toMatchObject({
      gasPrice: 5n,
      accessList: [],
    })
    expect(
      parseTransactionRequest({ from, to, authorizationList: [authorization] }).authorizationList,
    ).toHaveLength(1)
  })
})
