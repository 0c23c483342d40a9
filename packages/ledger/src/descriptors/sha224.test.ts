import { sha224 as nobleSha224 } from '@noble/hashes/sha2'
import { bytesToHex } from '@noble/hashes/utils'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { sha224 } from './sha224.js'

const hex = (bytes: Uint8Array) => bytesToHex(bytes)

describe('sha224', () => {
  test('FIPS 180-4 examples: "abc" and the two-block message', () => {
    const encode = (text: string) => new TextEncoder().encode(text)
    expect(hex(sha224(encode('abc')))).toBe(
      '23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7',
    )
    expect(hex(sha224(encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525',
    )
    expect(hex(sha224(new Uint8Array()))).toBe(
      'd14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f',
    )
  })

  test('agrees with @noble/hashes on every length around the block and padding edges', () => {
    for (let length = 0; length <= 200; length++) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 131 + length) & 0xff)
      expect(hex(sha224(data)), `length ${length}`).toBe(hex(nobleSha224(data)))
    }
  })

  test('agrees with @noble/hashes on random data', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (data) => {
        expect(hex(sha224(data))).toBe(hex(nobleSha224(data)))
      }),
    )
  })
})
