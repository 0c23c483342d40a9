import { hexToBytes } from 'viem/utils'
import { describe, expect, test } from 'vitest'
import { tokenCallScreens } from './ethereumTokenCall.js'

const usdc = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48'
const party = '70997970c51812dc3a010c7d01b50e0d17dc79c8'
const word = (hex: string) => hex.padStart(64, '0')
const call = (selector: string, amount: string, address = word(party)) =>
  hexToBytes(`0x${selector}${address}${word(amount)}`)
const titles = (screens: ReturnType<typeof tokenCallScreens>) =>
  screens?.map(({ title, value }) => `${title}: ${value}`)
const safe5 = (firmware: string) => ({ model: 'T3T1', firmware }) as const

describe('tokenCallScreens', () => {
  test('transfer without a definition: Unknown token, its contract, recipient, raw units', () => {
    expect(titles(tokenCallScreens(safe5('2.12.4'), usdc, 0n, call('a9059cbb', 'f4240')))).toEqual([
      'Unknown token: Unknown contract address',
      'Token contract: 0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
      'Recipient: 0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      'Amount: 1,000,000 Wei UNKN',
    ])
  })

  test('the Model One: recipient and raw units, no contract; no approve', () => {
    const modelOne = { model: 'T1B1', firmware: '1.14.1' } as const
    expect(titles(tokenCallScreens(modelOne, usdc, 0n, call('a9059cbb', '1')))).toEqual([
      'Recipient: 0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      'Amount: 1 Wei UNKN',
    ])
    expect(tokenCallScreens(modelOne, usdc, 0n, call('095ea7b3', '1'))).toBeUndefined()
  })

  test('approve from 2.9.0; "Unlimited" by each version\'s rule', () => {
    expect(tokenCallScreens(safe5('2.8.10'), usdc, 0n, call('095ea7b3', '1'))).toBeUndefined()
    const allBits = 'f'.repeat(64)
    const aboveHalf = `8${'0'.repeat(62)}1`
    expect(titles(tokenCallScreens(safe5('2.9.1'), usdc, 0n, call('095ea7b3', allBits)))).toContain(
      'Amount: Unlimited',
    )
    expect(
      titles(tokenCallScreens(safe5('2.9.1'), usdc, 0n, call('095ea7b3', aboveHalf))),
    ).toContain(`Amount: ${BigInt(`0x${aboveHalf}`).toLocaleString('en-US')} Wei UNKN`)
    expect(
      titles(tokenCallScreens(safe5('2.12.4'), usdc, 0n, call('095ea7b3', aboveHalf))),
    ).toEqual([
      'Unknown token: Unknown contract address',
      'Token contract: 0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
      'Approve to: 0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      'Amount: Unlimited',
    ])
  })

  test('raw data for other shapes: ETH sent, other lengths, a dirty address word (2.11.1+)', () => {
    expect(tokenCallScreens(safe5('2.12.4'), usdc, 1n, call('a9059cbb', '1'))).toBeUndefined()
    const long = new Uint8Array([...call('a9059cbb', '1'), 0])
    expect(tokenCallScreens(safe5('2.12.4'), usdc, 0n, long)).toBeUndefined()
    const dirty = call('a9059cbb', '1', `01${word(party).slice(2)}`)
    expect(tokenCallScreens(safe5('2.12.4'), usdc, 0n, dirty)).toBeUndefined()
    // Before 2.11.1 only an assert checked the padding, stripped from release builds.
    expect(titles(tokenCallScreens(safe5('2.9.1'), usdc, 0n, dirty))).toContain(
      'Recipient: 0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    )
  })
})
