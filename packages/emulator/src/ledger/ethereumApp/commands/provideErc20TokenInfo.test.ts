import { Buffer } from 'buffer'
import { hexToBytes } from 'viem'
import { describe, expect, test } from 'vitest'
import { erc20Payloads, polygonDai, usdc, usdt } from '../../_test/calFixtures.js'
import { calPublicKeyOf, signCalPayload } from '../../cal/calKey.js'
import { signErc20Descriptor } from '../../cal/erc20Descriptor.js'
import { createLedgerEmulator, type LedgerEmulator } from '../../createLedgerEmulator.js'

const real = erc20Payloads()
const usdcPayload = real[`1:${usdc.toLowerCase()}`]!
const testKey = '0x4242424242424242424242424242424242424242424242424242424242424242'

function provide(emulator: LedgerEmulator, payload: Uint8Array) {
  return emulator.transport.send(0xe0, 0x0a, 0x00, 0x00, Buffer.from(payload))
}

describe('real CAL descriptors, production key', () => {
  test('USDC, USDT and Polygon DAI verify; the app answers the slot index', async () => {
    const emulator = createLedgerEmulator()
    const payloads = [usdc, usdt].map((a) => real[`1:${a.toLowerCase()}`]!)
    payloads.push(real[`137:${polygonDai.toLowerCase()}`]!)
    const answers = []
    for (const payload of payloads) answers.push((await provide(emulator, payload)).toString('hex'))
    expect(answers).toEqual(['009000', '019000', '029000'])
  })

  // tickerLen (1) || ticker (4) || address (20) || decimals (4) || chainId (4) || signature
  const regions = {
    ticker: [1, 5],
    address: [5, 25],
    decimals: [25, 29],
    chainId: [29, 33],
    signature: [33, usdcPayload.length],
  } as const

  test.each(Object.entries(regions))(
    'a flipped byte in the %s is refused with 0x6a80',
    async (_, [start, end]) => {
      const emulator = createLedgerEmulator()
      for (let i = start; i < end; i++) {
        const forged = Buffer.from(usdcPayload)
        forged[i]! ^= 0x01
        await expect(provide(emulator, forged)).rejects.toMatchObject({ statusCode: 0x6a80 })
      }
      expect((await provide(emulator, usdcPayload)).toString('hex')).toBe('009000')
    },
  )

  test('the length byte is not signed, but must frame the ticker', async () => {
    const emulator = createLedgerEmulator()
    const forged = Buffer.from(usdcPayload)
    forged[0] = 3
    await expect(provide(emulator, forged)).rejects.toMatchObject({ statusCode: 0x6a80 })
  })
})

describe('a test key swapped in with calPublicKey', () => {
  const token = { ticker: 'TST', address: usdc, decimals: 6, chainId: 1 } as const

  test('descriptors it signed are accepted; the production key refuses them', async () => {
    const descriptor = hexToBytes(signErc20Descriptor(testKey, token))
    const withTestKey = createLedgerEmulator({ calPublicKey: calPublicKeyOf(testKey) })
    expect((await provide(withTestKey, descriptor)).toString('hex')).toBe('009000')
    await expect(provide(withTestKey, usdcPayload)).rejects.toMatchObject({ statusCode: 0x6a80 })
    await expect(provide(createLedgerEmulator(), descriptor)).rejects.toMatchObject({
      statusCode: 0x6a80,
    })
  })

  test('5 slots, written in a ring; each answer is the slot written', async () => {
    const emulator = createLedgerEmulator({ calPublicKey: calPublicKeyOf(testKey) })
    const answers = []
    for (let i = 0; i < 7; i++) {
      const descriptor = signErc20Descriptor(testKey, { ...token, ticker: `T${i}` })
      answers.push((await provide(emulator, hexToBytes(descriptor)))[0])
    }
    expect(answers).toEqual([0, 1, 2, 3, 4, 0, 1])
  })

  test('chains: any chain of the app network table, not an unknown one; tickers up to 50', async () => {
    const emulator = createLedgerEmulator({ calPublicKey: calPublicKeyOf(testKey) })
    const send = (
      t:
        | typeof token
        | { ticker: string; address: `0x${string}`; decimals: number; chainId: number },
    ) => provide(emulator, hexToBytes(signErc20Descriptor(testKey, t)))
    await expect(send({ ...token, chainId: 137 })).resolves.toBeDefined()
    await expect(send({ ...token, chainId: 8453 })).resolves.toBeDefined()
    await expect(send({ ...token, chainId: 123456 })).rejects.toMatchObject({ statusCode: 0x6a80 })
    await expect(send({ ...token, ticker: 'X'.repeat(50) })).resolves.toBeDefined()
    await expect(send({ ...token, ticker: 'X'.repeat(51) })).rejects.toMatchObject({
      statusCode: 0x6a80,
    })
  })

  test('a signature over the payload with its length byte is refused', async () => {
    const emulator = createLedgerEmulator({ calPublicKey: calPublicKeyOf(testKey) })
    const body = hexToBytes(signErc20Descriptor(testKey, token)).subarray(0, 1 + 3 + 28)
    const wrong = hexToBytes(signCalPayload(testKey, body))
    await expect(provide(emulator, Buffer.concat([body, wrong]))).rejects.toMatchObject({
      statusCode: 0x6a80,
    })
  })
})
