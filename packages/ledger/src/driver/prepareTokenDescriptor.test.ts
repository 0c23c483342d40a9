import { encodeFunctionData, erc20Abi } from 'viem'
import { describe, expect, test } from 'vitest'
import { prepareTokenDescriptor, type TransactionCall } from './prepareTokenDescriptor.js'

const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48' as const
const recipient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as const
const transfer = encodeFunctionData({
  abi: erc20Abi,
  functionName: 'transfer',
  args: [recipient, 1n],
})
const approve = encodeFunctionData({
  abi: erc20Abi,
  functionName: 'approve',
  args: [recipient, 1n],
})

describe('prepareTokenDescriptor', () => {
  test('transfer and approve of a bundled token: its descriptor and how the device names the call', async () => {
    const prepared = await prepareTokenDescriptor({ chainId: 1, to: usdc, data: transfer })
    expect(prepared?.call).toBe('USDC transfer')
    expect(prepared?.token).toMatchObject({ ticker: 'USDC', decimals: 6, chainId: 1 })
    expect((await prepareTokenDescriptor({ chainId: 1, to: usdc, data: approve }))?.call).toBe(
      'USDC approval',
    )
  })

  test('nothing for what the app does not clear-sign with a descriptor', async () => {
    const none: TransactionCall[] = [
      { chainId: 1, to: usdc, data: transfer, value: 1n }, // ether too: the app refuses it
      { chainId: 1, to: usdc, data: `${transfer}00` as const }, // not the 68 bytes it parses
      { chainId: 1, to: usdc, data: '0x18160ddd' as const }, // totalSupply()
      { chainId: 137, to: usdc, data: transfer }, // not USDC on Polygon
      { chainId: 1, to: recipient, data: transfer }, // not a listed token
      { to: usdc, data: transfer }, // no chain: pre-EIP-155
      { chainId: 1, to: usdc }, // no data
    ]
    for (const call of none) expect(await prepareTokenDescriptor(call)).toBeUndefined()
  })
})
