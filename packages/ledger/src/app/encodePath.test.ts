import { bytesToHex } from 'viem'
import { expect, test } from 'vitest'
import { encodePath } from './encodePath.js'

test('encodePath: count, then each index as a big-endian u32; paths are validated by core', () => {
  expect(bytesToHex(encodePath("m/44'/60'/1'/0/2"))).toBe(
    '0x058000002c8000003c800000010000000000000002',
  )
  expect(() => encodePath('m/x')).toThrowError(/Invalid derivation path/)
})
