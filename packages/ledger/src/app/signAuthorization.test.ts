import { bytesToHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { encodeAuthorization } from './signAuthorization.js'

describe('encodeAuthorization', () => {
  test('one APDU: path, TLV length, TLV (app-ethereum auth_7702.c tags 00..03)', () => {
    const apdus = encodeAuthorization("m/44'/60'/0'/0/0", {
      address: '0x4Cd241E8d1510e30b2076397afc7508Ae59C66c9',
      chainId: 1,
      nonce: 7,
    })
    expect(apdus.map(({ p1, data }) => ({ p1, data: bytesToHex(data) }))).toMatchInlineSnapshot(`
      [
        {
          "data": "0x058000002c8000003c800000000000000000000000002d00010101144cd241e8d1510e30b2076397afc7508ae59c66c90208000000000000000103080000000000000007",
          "p1": 1,
        },
      ]
    `)
    const data = apdus[0]!.data
    const tlv = data.subarray(21 + 2)
    expect((data[21]! << 8) | data[22]!).toBe(tlv.length)
    expect(Array.from(tlv.subarray(0, 3))).toEqual([0x00, 0x01, 0x01])
  })

  test('chain id 0 (any chain) and the largest nonce', () => {
    const [apdu] = encodeAuthorization("m/44'/60'/0'/0/0", {
      address: `0x${'00'.repeat(20)}`,
      chainId: 0,
      nonce: Number.MAX_SAFE_INTEGER,
    })
    expect(bytesToHex(apdu!.data.subarray(-20))).toBe('0x020800000000000000000308001fffffffffffff')
  })
})
