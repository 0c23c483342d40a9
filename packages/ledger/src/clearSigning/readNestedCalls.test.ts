import { safeWallet, usdcToken } from '@airlock/fixtures/clearSigningContracts'
import { type Abi, encodeFunctionData, type Hex, parseAbi, zeroAddress } from 'viem'
import { describe, expect, test } from 'vitest'
import { readNestedCalls } from './readNestedCalls.js'
import { testDescriptors } from './testDescriptors.js'

const recipient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const [safe] = testDescriptors(safeWallet)
const references = safe!.calldata[0]!.fields[0]!.calldata!

const execTransaction = (to: Hex, value: bigint, data: Hex) => ({
  chainId: 1,
  to: safeWallet.address,
  data: encodeFunctionData({
    abi: parseAbi([safeWallet.functions[0]!.signature]) as Abi,
    functionName: 'execTransaction',
    args: [to, value, data, 0, 0n, 0n, 0n, zeroAddress, recipient, '0x'],
  }),
})

describe('readNestedCalls', () => {
  test("reads a Safe transaction's inner call: callee, calldata, value, the Safe as sender", () => {
    const transfer = `${usdcToken.functions[0]!.selector}${'00'.repeat(64)}` as Hex
    expect(readNestedCalls(references, execTransaction(usdcToken.address, 5n, transfer))).toEqual([
      { chainId: 1, to: usdcToken.address, data: transfer, from: safeWallet.address, value: 5n },
    ])
  })

  test('a plain transfer has no calldata; calldata shorter than a selector is unreadable', () => {
    expect(readNestedCalls(references, execTransaction(recipient, 1n, '0x'))?.[0]?.data).toBe('0x')
    expect(readNestedCalls(references, execTransaction(recipient, 0n, '0xa905'))).toBeUndefined()
  })
})
