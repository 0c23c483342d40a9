import { sha224 } from '@noble/hashes/sha2'
import { bytesToHex } from '@noble/hashes/utils'
import { describe, expect, test } from 'vitest'
import { computeSchemaHash } from './computeSchemaHash.js'

const sha224Hex = (text: string) => bytesToHex(sha224(new TextEncoder().encode(text)))

describe('computeSchemaHash', () => {
  test('Ledger’s keys of Permit2 PermitSingle and EIP-2612 Permit', () => {
    expect(
      computeSchemaHash({
        EIP712Domain: [
          { name: 'name', type: 'string' },
          { name: 'chainId', type: 'uint256' },
          { name: 'verifyingContract', type: 'address' },
        ],
        PermitSingle: [
          { name: 'details', type: 'PermitDetails' },
          { name: 'spender', type: 'address' },
          { name: 'sigDeadline', type: 'uint256' },
        ],
        PermitDetails: [
          { name: 'token', type: 'address' },
          { name: 'amount', type: 'uint160' },
          { name: 'expiration', type: 'uint48' },
          { name: 'nonce', type: 'uint48' },
        ],
      }),
    ).toBe('4d593149e876e739220f3b5ede1b38a0213d76c4705b1547c4323df3')
  })

  test('sorts type names and each field’s keys, keeps the order of fields', () => {
    const json = '{"A":[{"name":"y","type":"uint8"},{"name":"x","type":"bool"}],"B":[]}'
    expect(
      computeSchemaHash({
        B: [],
        A: [
          { type: 'uint8', name: 'y' },
          { type: 'bool', name: 'x' },
        ],
      }),
    ).toBe(sha224Hex(json))
    expect(
      computeSchemaHash({
        A: [
          { name: 'x', type: 'bool' },
          { name: 'y', type: 'uint8' },
        ],
        B: [],
      }),
    ).not.toBe(sha224Hex(json))
  })

  test('drops only the first space, as `.replace(" ", "")` does', () => {
    expect(computeSchemaHash({ 'A B': [{ name: 'c d', type: 'uint8' }] })).toBe(
      sha224Hex('{"AB":[{"name":"c d","type":"uint8"}]}'),
    )
  })
})
