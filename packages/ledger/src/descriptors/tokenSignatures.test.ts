import { secp256k1 } from '@noble/curves/secp256k1'
import { sha256 } from '@noble/hashes/sha2'
import { describe, expect, test } from 'vitest'
import { isSignedByLedger, ledgerProductionCalKey } from '../../scripts/verifyTokenSignatures.js'
import { erc20IndexLoaders } from './data/erc20Index.js'
import { parseTokenSignatures } from './parseTokenSignatures.js'
import type { TokenDescriptor } from './types.js'

async function loadAllTokens(): Promise<TokenDescriptor[]> {
  const buckets = await Promise.all(
    Object.entries(erc20IndexLoaders).map(async ([chainId, loadIndex]) => {
      const { erc20SignaturesLoaders } = await loadIndex()
      return Promise.all(
        Object.entries(erc20SignaturesLoaders).map(async ([digit, load]) => {
          const tokens = parseTokenSignatures((await load()).erc20Signatures)
          expect(tokens.length).toBeGreaterThan(0)
          for (const token of tokens) {
            expect(token.chainId).toBe(Number(chainId))
            expect(token.address.slice(2, 3).toLowerCase()).toBe(digit)
          }
          return tokens
        }),
      )
    }),
  )
  return buckets.flat(2)
}

describe('committed ERC-20 descriptors', () => {
  test('every record of every chain verifies against Ledger’s production key', async () => {
    const tokens = await loadAllTokens()
    expect(Object.keys(erc20IndexLoaders)).toHaveLength(19)
    expect(tokens.length).toBeGreaterThan(1000)
    const unverified = tokens.filter((token) => !isSignedByLedger(token.payload))
    expect(unverified.map((token) => `${token.chainId} ${token.ticker}`)).toEqual([])
  })

  test('a change to the ticker, address, decimals or chain id breaks the signature', async () => {
    const usdc = (await loadAllTokens()).find((token) => token.ticker === 'USDC')!
    const tickerLength = usdc.payload[0]!
    for (const index of [1, 1 + tickerLength, 21 + tickerLength + 3, 25 + tickerLength + 3]) {
      const tampered = usdc.payload.slice()
      tampered[index]! ^= 1
      expect(isSignedByLedger(tampered)).toBe(false)
    }
    const otherKey = secp256k1.getPublicKey(secp256k1.utils.randomPrivateKey(), false)
    expect(isSignedByLedger(usdc.payload, otherKey)).toBe(false)
    expect(isSignedByLedger(usdc.payload, ledgerProductionCalKey)).toBe(true)
  })
})

describe('isSignedByLedger', () => {
  const privateKey = secp256k1.utils.randomPrivateKey()
  const publicKey = secp256k1.getPublicKey(privateKey, false)
  const ticker = new TextEncoder().encode('TST')
  const fields = new Uint8Array([
    ...ticker,
    ...new Uint8Array(20).fill(0xaa),
    0,
    0,
    0,
    18,
    0,
    0,
    0,
    1,
  ])
  const signedPayload = (digest: Uint8Array) => {
    const signature = secp256k1.sign(digest, privateKey, { prehash: false }).toDERRawBytes()
    return new Uint8Array([ticker.length, ...fields, ...signature])
  }

  test('checks SHA-256 of ticker ‖ address ‖ decimals ‖ chainId, without the length byte', () => {
    expect(isSignedByLedger(signedPayload(sha256(fields)), publicKey)).toBe(true)
    const withLengthByte = new Uint8Array([ticker.length, ...fields])
    expect(isSignedByLedger(signedPayload(sha256(withLengthByte)), publicKey)).toBe(false)
  })

  test('refuses a payload without a signature or with a malformed one', () => {
    expect(isSignedByLedger(new Uint8Array([ticker.length, ...fields]), publicKey)).toBe(false)
    expect(
      isSignedByLedger(new Uint8Array([ticker.length, ...fields, 0x30, 0x02]), publicKey),
    ).toBe(false)
  })
})
