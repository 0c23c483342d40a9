import type { SignTypedDataRequest } from '@airlock/core'
import { typedData } from '@airlock/fixtures/arbitraries'
import fc from 'fast-check'
import {
  concat,
  getTypesForEIP712Domain,
  hashDomain,
  hashStruct,
  hashTypedData,
  keccak256,
} from 'viem'
import { describe, expect, test } from 'vitest'
import { prepareTypedData, toJsonSafe } from './prepareTypedData.js'

const path = "m/44'/60'/0'/0/0"

/** What core's account does before the signer sees typed data: `types.EIP712Domain` made explicit. */
function normalizeTypedData(definition: {
  domain?: object
  types: object
}): SignTypedDataRequest['typedData'] {
  const domain = definition.domain ?? {}
  return {
    ...definition,
    domain,
    types: { EIP712Domain: getTypesForEIP712Domain({ domain }), ...definition.types },
  } as never
}

const order = {
  domain: {
    name: 'Exchange',
    chainId: 1n,
    verifyingContract: '0x000000000000000000000000000000000000dEaD',
  },
  primaryType: 'Order',
  types: {
    Order: [
      { name: 'maker', type: 'Party' },
      { name: 'amounts', type: 'uint256[]' },
      { name: 'delta', type: 'int256' },
      { name: 'salt', type: 'bytes' },
    ],
    Party: [
      { name: 'wallet', type: 'address' },
      { name: 'nonce', type: 'uint64' },
    ],
  },
  message: {
    maker: { wallet: '0x000000000000000000000000000000000000dEaD', nonce: 2n ** 60n },
    amounts: [1n, 2n ** 255n],
    delta: -(2n ** 200n),
    salt: new Uint8Array([1, 2, 3]),
  },
} as const

describe('prepareTypedData', () => {
  test('bigints become decimal strings, bytes hex, nested too; both hashes are set', () => {
    const normalized = normalizeTypedData(order)
    const request = prepareTypedData({ path, typedData: normalized })
    expect(request).toMatchInlineSnapshot(`
      {
        "data": {
          "domain": {
            "chainId": "1",
            "name": "Exchange",
            "verifyingContract": "0x000000000000000000000000000000000000dEaD",
          },
          "message": {
            "amounts": [
              "1",
              "57896044618658097711785492504343953926634992332820282019728792003956564819968",
            ],
            "delta": "-1606938044258990275541962092341162602522202993782792835301376",
            "maker": {
              "nonce": "1152921504606846976",
              "wallet": "0x000000000000000000000000000000000000dEaD",
            },
            "salt": "0x010203",
          },
          "primaryType": "Order",
          "types": {
            "EIP712Domain": [
              {
                "name": "name",
                "type": "string",
              },
              {
                "name": "chainId",
                "type": "uint256",
              },
              {
                "name": "verifyingContract",
                "type": "address",
              },
            ],
            "Order": [
              {
                "name": "maker",
                "type": "Party",
              },
              {
                "name": "amounts",
                "type": "uint256[]",
              },
              {
                "name": "delta",
                "type": "int256",
              },
              {
                "name": "salt",
                "type": "bytes",
              },
            ],
            "Party": [
              {
                "name": "wallet",
                "type": "address",
              },
              {
                "name": "nonce",
                "type": "uint64",
              },
            ],
          },
        },
        "domain_separator_hash": "0x0e4787e779768e93b3a443cadb73388b3a83fc763307a1784066c84f60c64700",
        "message_hash": "0x2410b787e7033e75be103657ae1f007bc080d347a5872dbf65e8213c06c216d1",
        "metamask_v4_compat": true,
        "path": "m/44'/60'/0'/0/0",
      }
    `)
    expect(() => JSON.stringify(request)).not.toThrow()
  })

  test('the hashes are viem’s, and together they make the EIP-712 digest', () => {
    fc.assert(
      fc.property(typedData, (definition) => {
        const normalized = normalizeTypedData(definition)
        const request = prepareTypedData({ path, typedData: normalized })
        const types = normalized.types as never
        expect(request.domain_separator_hash).toBe(
          hashDomain({ domain: normalized.domain as never, types }),
        )
        expect(request.message_hash).toBe(
          hashStruct({ data: normalized.message as never, primaryType: 'Mail' as never, types }),
        )
        expect(
          keccak256(
            concat([
              '0x1901',
              request.domain_separator_hash as never,
              request.message_hash as never,
            ]),
          ),
        ).toBe(hashTypedData(normalized as never))
        expect(JSON.parse(JSON.stringify(request))).toEqual(request)
      }),
      { numRuns: 30 },
    )
  })

  test('primaryType EIP712Domain sends no message hash (Connect refuses one)', () => {
    const normalized = normalizeTypedData({
      domain: order.domain,
      primaryType: 'EIP712Domain',
      types: {},
    } as never)
    const request = prepareTypedData({ path, typedData: normalized })
    expect(request.message_hash).toBeUndefined()
    expect('message_hash' in request).toBe(false)
  })

  test('never sends an empty EIP712Domain for a non-empty domain', () => {
    expect(() =>
      prepareTypedData({
        path,
        typedData: { ...order, types: { ...order.types, EIP712Domain: [] } } as never,
      }),
    ).toThrowError(/the device would hash an empty domain/)
  })
})

describe('toJsonSafe', () => {
  test('converts integers, bytes, arrays and objects', () => {
    expect(
      toJsonSafe({ a: [1n, -2n, { b: 3 }], c: new Uint8Array([255]), d: 'x', e: true, f: null }),
    ).toEqual({
      a: ['1', '-2', { b: '3' }],
      c: '0xff',
      d: 'x',
      e: true,
      f: null,
    })
  })
})
