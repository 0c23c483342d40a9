import { describe, expect, test } from 'vitest'
import { unreachedFilterPaths } from './unreachedFilterPaths.js'

const types = {
  EIP712Domain: [{ name: 'chainId', type: 'uint256' }],
  Leg: [
    { name: 'token', type: 'address' },
    { name: 'amount', type: 'uint256' },
  ],
  Order: [
    { name: 'maker', type: 'address' },
    { name: 'legs', type: 'Leg[]' },
    { name: 'matrix', type: 'uint8[2][]' },
  ],
}
const leg = { token: '0x0000000000000000000000000000000000000001', amount: 1n }
const order = (legs: unknown[]) => ({
  domain: { chainId: 1 },
  types,
  primaryType: 'Order',
  message: { maker: leg.token, legs, matrix: [[1, 2]] },
})
const paths = ['maker', 'legs.[].token', 'legs.[].amount', 'matrix.[].[]']

describe('unreachedFilterPaths', () => {
  test('every path of the primary type, through structs and arrays of arrays', () => {
    expect(unreachedFilterPaths(order([leg, leg]), paths, true)).toEqual([])
  })

  test('a path the message does not have, or another primary type', () => {
    expect(unreachedFilterPaths(order([leg]), [...paths, 'taker', 'legs.[].fee'], true)).toEqual([
      'taker',
      'legs.[].fee',
    ])
    expect(
      unreachedFilterPaths({ ...order([leg]), primaryType: 'Leg', message: leg }, paths, true),
    ).toEqual(paths)
    expect(
      unreachedFilterPaths({ ...order([leg]), primaryType: 'Missing' }, ['maker'], true),
    ).toEqual(['maker'])
  })

  test('fields in an empty array: sent as discarded from app 1.12.0, never before', () => {
    expect(unreachedFilterPaths(order([]), paths, true)).toEqual([])
    expect(unreachedFilterPaths(order([]), paths, false)).toEqual([
      'legs.[].token',
      'legs.[].amount',
    ])
  })

  test('a path naming a struct, not a field, is never sent', () => {
    expect(unreachedFilterPaths(order([leg]), ['legs', 'legs.[]'], true)).toEqual([
      'legs',
      'legs.[]',
    ])
  })
})
