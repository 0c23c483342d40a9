/**
 * SHA-224 (FIPS 180-4): SHA-256's compression with its own initial values, truncated to 28 bytes.
 *
 * Written here because Ledger keys its EIP-712 filters by a SHA-224 of the types, and neither viem
 * nor WebCrypto has one: `@noble/hashes/sha2` does, but a bundler puts the whole module (SHA-512
 * too, which account discovery uses) in the chunk a first typed-data signature loads, 5.4 kB gz
 * against this file's 0.6. It only finds a lookup key: the device computes the schema hash itself
 * and checks Ledger's signature over it. `sha224.test.ts` compares it with @noble/hashes.
 */
export function sha224(data: Uint8Array): Uint8Array {
  // Padding: 0x80, zeros, then the length in bits as a big-endian u64, to a multiple of 64 bytes.
  const blocks = new Uint8Array(Math.ceil((data.length + 9) / 64) * 64)
  blocks.set(data)
  blocks[data.length] = 0x80
  const view = new DataView(blocks.buffer)
  view.setUint32(blocks.length - 8, Math.floor(data.length / 0x20000000))
  view.setUint32(blocks.length - 4, data.length * 8)

  const state: State = [...initialValues]
  const w = new Uint32Array(64)
  for (let block = 0; block < blocks.length; block += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(block + t * 4)
    for (let t = 16; t < 64; t++) {
      const a = w[t - 15]!
      const b = w[t - 2]!
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3)
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10)
      w[t] = w[t - 16]! + s0 + w[t - 7]! + s1
    }
    let [a, b, c, d, e, f, g, h] = state
    for (let t = 0; t < 64; t++) {
      const t1 =
        (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[t]! + w[t]!) | 0
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0
      h = g
      g = f
      f = e
      e = (d + t1) | 0
      d = c
      c = b
      b = a
      a = (t1 + t2) | 0
    }
    const working: State = [a, b, c, d, e, f, g, h]
    for (let i = 0; i < 8; i++) state[i] = (state[i]! + working[i]!) | 0
  }

  const digest = new Uint8Array(28)
  const out = new DataView(digest.buffer)
  for (let i = 0; i < 7; i++) out.setUint32(i * 4, state[i]!)
  return digest
}

/** The eight 32-bit words of the hash state. */
type State = [number, number, number, number, number, number, number, number]

function rotr(word: number, bits: number): number {
  return (word >>> bits) | (word << (32 - bits))
}

/** SHA-224's initial hash value (FIPS 180-4, 5.3.2). */
const initialValues: State = [
  0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4,
]

/** The SHA-224/256 round constants (FIPS 180-4, 4.2.2). */
const k = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]
