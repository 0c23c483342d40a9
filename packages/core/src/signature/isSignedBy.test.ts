import { secp256k1 } from '@noble/curves/secp256k1'
import fc from 'fast-check'
import { type Hex, isAddressEqual, numberToHex, recoverAddress, toHex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { isSignedBy, secp256k1Order as n } from './isSignedBy.js'
import { verifyDeviceSignature } from './verifyDeviceSignature.js'

type Candidate = { r: Hex; s: Hex; yParity: 0 | 1 }

const privateKey = fc.bigInt({ min: 1n, max: n - 1n }).map((key) => numberToHex(key, { size: 32 }))
const hash = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => toHex(bytes))
const hex32 = (value: bigint) => numberToHex(value, { size: 32 })

/** A valid signature and ways to break it, each a candidate for the same key and hash. */
const mutation = fc.oneof(
  fc.constant('none' as const),
  fc.constant('parity' as const),
  fc.constant('highS' as const),
  fc.constant('rPlusN' as const),
  fc.constant('sZero' as const),
  fc.constant('rZero' as const),
  fc.constant('sIsN' as const),
  fc.record({ flip: fc.constantFrom('r' as const, 's' as const), bit: fc.nat(255) }),
)

function mutate(
  signature: { r: bigint; s: bigint; recovery: number },
  how: typeof mutation extends fc.Arbitrary<infer m> ? m : never,
): Candidate {
  let { r, s } = signature
  let yParity = signature.recovery as 0 | 1
  if (how === 'parity') yParity = (1 - yParity) as 0 | 1
  else if (how === 'highS') s = n - s
  else if (how === 'rPlusN') r = r + n < 2n ** 256n ? r + n : r
  else if (how === 'sZero') s = 0n
  else if (how === 'rZero') r = 0n
  else if (how === 'sIsN') s = n
  else if (how !== 'none') {
    const mask = 1n << BigInt(how.bit)
    if (how.flip === 'r') r ^= mask
    else s ^= mask
  }
  return { r: hex32(r), s: hex32(s), yParity }
}

/** The reference: viem recovers the signer and compares addresses. */
async function recovers(candidate: Candidate, digest: Hex, address: Hex): Promise<boolean> {
  try {
    const recovered = await recoverAddress({ hash: digest, signature: candidate })
    return isAddressEqual(recovered, address)
  } catch {
    return false
  }
}

const settings = { numRuns: 300 }

describe('isSignedBy accepts exactly what viem recoverAddress accepts', () => {
  test('the signer’s key, valid and mutated signatures', async () => {
    await fc.assert(
      fc.asyncProperty(privateKey, hash, mutation, async (key, digest, how) => {
        const { address, publicKey } = privateKeyToAccount(key)
        const signature = secp256k1.sign(digest.slice(2), key.slice(2))
        const candidate = mutate(signature, how)
        const expected = await recovers(candidate, digest, address)
        expect(await isSignedBy({ signature: candidate, hash: digest, address, publicKey })).toBe(
          expected,
        )
        if (how === 'none') expect(expected).toBe(true)
      }),
      settings,
    )
  })

  test('another key', async () => {
    await fc.assert(
      fc.asyncProperty(privateKey, privateKey, hash, async (key, other, digest) => {
        fc.pre(key !== other)
        const { address, publicKey } = privateKeyToAccount(other)
        const signature = secp256k1.sign(digest.slice(2), key.slice(2))
        const candidate = mutate(signature, 'none')
        expect(await isSignedBy({ signature: candidate, hash: digest, address, publicKey })).toBe(
          false,
        )
        expect(await recovers(candidate, digest, address)).toBe(false)
      }),
      settings,
    )
  })

  test('a public key that is not the address’s is refused', async () => {
    const key = hex32(7n)
    const digest = hex32(42n)
    const signature = mutate(secp256k1.sign(digest.slice(2), key.slice(2)), 'none')
    const { publicKey } = privateKeyToAccount(key)
    const { address } = privateKeyToAccount(hex32(8n))
    expect(await isSignedBy({ signature, hash: digest, address, publicKey })).toBe(false)
  })
})

test('verifyDeviceSignature decides the same with and without the public key', async () => {
  await fc.assert(
    fc.asyncProperty(privateKey, hash, mutation, async (key, digest, how) => {
      const { address, publicKey } = privateKeyToAccount(key)
      const signature = mutate(secp256k1.sign(digest.slice(2), key.slice(2)), how)
      const outcome = (promise: Promise<unknown>) =>
        promise.then(
          (value) => ({ value }),
          (error: Error) => ({ error: error.name }),
        )
      expect(
        await outcome(verifyDeviceSignature({ address, hash: digest, signature, publicKey })),
      ).toEqual(await outcome(verifyDeviceSignature({ address, hash: digest, signature })))
    }),
    { numRuns: 200 },
  )
})
