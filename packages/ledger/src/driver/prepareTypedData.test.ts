import type { SignTypedDataRequest } from '@airlock/core'
import { typedData as typedDataArbitrary } from '@airlock/fixtures/arbitraries'
import fc from 'fast-check'
import {
  concat,
  getTypesForEIP712Domain,
  hashTypedData,
  keccak256,
  type TypedDataDefinition,
} from 'viem'
import { describe, expect, test } from 'vitest'
import { findFullModeObstacle, hashTypedDataParts, toEip712Message } from './prepareTypedData.js'

/** Typed data with `types.EIP712Domain` explicit, as core hands it to drivers. */
function normalizeTypedData(typedData: TypedDataDefinition): SignTypedDataRequest['typedData'] {
  const domain = typedData.domain ?? {}
  return {
    ...typedData,
    domain,
    types: { ...typedData.types, EIP712Domain: getTypesForEIP712Domain({ domain }) },
  } as unknown as SignTypedDataRequest['typedData']
}

const withString = (value: string) =>
  normalizeTypedData({
    domain: { name: 'Airlock', chainId: 1 },
    types: { Note: [{ name: 'text', type: 'string' }] },
    primaryType: 'Note',
    message: { text: value },
  })

describe('hashTypedDataParts', () => {
  test('0x1901 || domain separator || message hash is the EIP-712 digest', () => {
    fc.assert(
      fc.property(typedDataArbitrary, (typedData) => {
        const normalized = normalizeTypedData(typedData as TypedDataDefinition)
        const { domainSeparator, messageHash } = hashTypedDataParts(normalized)
        expect(keccak256(concat(['0x1901', domainSeparator, messageHash]))).toBe(
          hashTypedData(normalized as TypedDataDefinition),
        )
      }),
      { numRuns: 30 },
    )
  })
})

describe('toEip712Message', () => {
  test('bigints become decimal strings, bytes hex', () => {
    const message = toEip712Message(
      normalizeTypedData({
        types: {
          T: [
            { name: 'n', type: 'int64' },
            { name: 'b', type: 'bytes' },
            { name: 'l', type: 'uint256[]' },
          ],
        },
        primaryType: 'T',
        message: { n: -5n, b: new Uint8Array([1, 2]), l: [2n ** 255n] },
      } as unknown as TypedDataDefinition),
    )
    expect(message.message).toEqual({ n: '-5', b: '0x0102', l: [(2n ** 255n).toString()] })
    expect(message.types.EIP712Domain).toEqual([])
  })
})

describe('findFullModeObstacle', () => {
  test.each([
    [0, undefined],
    // 254 + 2 = 256 bytes, which hw-app-eth 7.9 truncated; Airlock sends it in two APDUs.
    [254, undefined],
    [509, undefined],
    [65_535, undefined],
    [65_536, 'message.text is 65536 bytes long (the app takes at most 65535)'],
  ])('a %s-byte string: %s', (length, obstacle) => {
    expect(findFullModeObstacle(withString('a'.repeat(length)))).toBe(obstacle)
  })

  test('counts UTF-8 bytes, looks into nested structs, arrays and the domain', () => {
    expect(findFullModeObstacle(withString('é'.repeat(32_768)))).toMatch(/65536 bytes/)
    const nested = normalizeTypedData({
      domain: { name: 'x'.repeat(70_000) },
      types: {
        Inner: [{ name: 'data', type: 'bytes' }],
        Outer: [{ name: 'inner', type: 'Inner[][]' }],
      },
      primaryType: 'Outer',
      message: { inner: [[], [{ data: `0x${'ab'.repeat(70_000)}` }]] },
    })
    expect(findFullModeObstacle(nested)).toBe(
      'domain.name is 70000 bytes long (the app takes at most 65535)',
    )
    expect(findFullModeObstacle({ ...nested, domain: { name: 'x' } })).toBe(
      'message.inner[1][0].data is 70000 bytes long (the app takes at most 65535)',
    )
  })

  test('arrays longer than 255 entries', () => {
    const typedData = normalizeTypedData({
      types: { List: [{ name: 'items', type: 'uint8[]' }] },
      primaryType: 'List',
      message: { items: Array.from({ length: 256 }, () => 1) },
    })
    expect(findFullModeObstacle(typedData)).toBe(
      'message.items has 256 entries (the app takes at most 255)',
    )
  })
})
