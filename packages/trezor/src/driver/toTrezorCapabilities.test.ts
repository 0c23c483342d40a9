import { describe, expect, test } from 'vitest'
import { toTrezorCapabilities } from './toTrezorCapabilities.js'

const features = (internal_model: string, version: [number, number, number]) => ({
  internal_model,
  major_version: version[0],
  minor_version: version[1],
  patch_version: version[2],
})

describe('toTrezorCapabilities', () => {
  test('Safe 5', () => {
    expect(toTrezorCapabilities(features('T3T1', [2, 9, 1]))).toMatchInlineSnapshot(`
      {
        "displayAddress": true,
        "getExtendedPublicKey": true,
        "model": "T3T1",
        "signAuthorization": false,
        "signMessage": true,
        "signTypedData": "full",
        "transactionTypes": [
          "legacy",
          "eip1559",
        ],
        "version": "2.9.1",
      }
    `)
  })

  test('Model One signs typed data as hashes', () => {
    expect(toTrezorCapabilities(features('T1B1', [1, 13, 1])).signTypedData).toBe('hashed')
  })

  test('old firmware: no EIP-1559, no EIP-712', () => {
    const one = toTrezorCapabilities(features('T1B1', [1, 10, 3]))
    expect(one.transactionTypes).toEqual(['legacy'])
    expect(one.signTypedData).toBe(false)
    const t = toTrezorCapabilities(features('T2T1', [2, 4, 2]))
    expect(t.transactionTypes).toEqual(['legacy', 'eip1559'])
    expect(t.signTypedData).toBe(false)
    expect(toTrezorCapabilities(features('T2T1', [2, 4, 3])).signTypedData).toBe('full')
  })
})
