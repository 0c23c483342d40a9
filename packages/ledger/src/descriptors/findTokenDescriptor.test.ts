import { describe, expect, test } from 'vitest'
import { findTokenDescriptor } from './findTokenDescriptor.js'

describe('findTokenDescriptor', () => {
  test.each([
    [1, '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', 'USDC', 6],
    [1, '0xdAC17F958D2ee523a2206206994597C13D831ec7', 'USDT', 6],
    [1, '0x6B175474E89094C44Da98b954EedeAC495271d0F', 'DAI', 18],
    [137, '0x8f3Cf7ad23Cd3CaDbD9735AFf958023239c6A063', 'DAI', 18],
  ] as const)('chain %s %s: %s, %s decimals', async (chainId, address, ticker, decimals) => {
    const token = await findTokenDescriptor(chainId, address)
    expect(token).toMatchObject({ chainId, address, ticker, decimals })
    // INS 0x0A data: u8 ticker length ‖ ticker ‖ address ‖ u32 decimals ‖ u32 chain id ‖ DER signature
    const payload = token!.payload
    expect(payload[0]).toBe(ticker.length)
    expect(new TextDecoder().decode(payload.subarray(1, 1 + ticker.length))).toBe(ticker)
    const view = new DataView(payload.buffer, payload.byteOffset + 21 + ticker.length)
    expect(view.getUint32(0)).toBe(decimals)
    expect(view.getUint32(4)).toBe(chainId)
    expect(payload[29 + ticker.length]).toBe(0x30)
  })

  test('matches the address in any case', async () => {
    const lower = await findTokenDescriptor(1, '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48')
    const upper = await findTokenDescriptor(1, '0xA0B86991C6218B36C1D19D4A2E9EB0CE3606EB48')
    expect(lower?.ticker).toBe('USDC')
    expect(upper).toEqual(lower)
  })

  test('an unknown token, a token on another chain or an unknown chain: undefined', async () => {
    expect(
      await findTokenDescriptor(1, '0x000000000000000000000000000000000000dEaD'),
    ).toBeUndefined()
    // Polygon's DAI is not mainnet's, nor mainnet's USDC on Polygon.
    expect(
      await findTokenDescriptor(1, '0x8f3Cf7ad23Cd3CaDbD9735AFf958023239c6A063'),
    ).toBeUndefined()
    expect(
      await findTokenDescriptor(137, '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'),
    ).toBeUndefined()
    expect(
      await findTokenDescriptor(5, '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'),
    ).toBeUndefined()
  })

  test('a caller that changes the payload does not change the next lookup’s', async () => {
    const first = await findTokenDescriptor(1, '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48')
    first!.payload.fill(0)
    const second = await findTokenDescriptor(1, '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48')
    expect(second!.payload[0]).toBe(4)
  })
})
