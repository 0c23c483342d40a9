import { permit, permitSingle } from '@airlock/fixtures/permit'
import { describe, expect, test } from 'vitest'
import { prepareTypedDataFilters as prepareFilters } from './prepareTypedDataFilters.js'

// The fixtures' `as const` types, as the driver gets them (viem typed data).
const prepareTypedDataFilters = (typedData: object, version: string) =>
  prepareFilters(typedData as never, version)

const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'
const spender = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const usdcPermit = permit({
  domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: usdc },
  owner: spender,
  spender,
  value: 1n,
  deadline: 1n,
})
const permit2 = permitSingle({
  chainId: 1,
  token: usdc,
  amount: 1n,
  expiration: 1,
  spender,
  sigDeadline: 1n,
})

describe('prepareTypedDataFilters', () => {
  test("a Permit: v2 filters, and the verifying contract's token for its amount (255)", async () => {
    const { filters } = await prepareTypedDataFilters(usdcPermit, '1.22.0')
    expect(filters?.fields.map((f) => f.format)).toContain('amount')
    expect([...filters!.tokens.keys()]).toEqual([255])
    expect(filters?.discardEmptyArrays).toBe(true)
  })

  test("Permit2: the token at details.token for its amount (0); apps before 1.11.1 get v1's raw fields", async () => {
    const v2 = await prepareTypedDataFilters(permit2, '1.22.0')
    expect([...v2.filters!.tokens.keys()]).toEqual([0])
    const v1 = await prepareTypedDataFilters(permit2, '1.11.0')
    expect(v1.filters?.fields.every((f) => f.format === 'raw')).toBe(true)
    expect(v1.filters?.discardEmptyArrays).toBe(false)
    expect(v1.filters?.messageInfo.label).toBe('Permit2')
  })

  test('an unlisted token in Permit2 stays clear, without a descriptor (the device shows ???)', async () => {
    const unlisted = permitSingle({
      ...permit2.message,
      ...permit2.message.details,
      chainId: 1,
      token: spender,
    })
    const { filters } = await prepareTypedDataFilters(unlisted, '1.22.0')
    expect(filters?.tokens.size).toBe(0)
  })

  test('no filters for an unlisted message, or a Permit of a token without a descriptor', async () => {
    const other = { ...usdcPermit, domain: { ...usdcPermit.domain, chainId: 5 } }
    expect((await prepareTypedDataFilters(other, '1.22.0')).filters).toBeUndefined()
    const renamed = { ...usdcPermit, types: { Permit: usdcPermit.types.Permit.slice(1) } }
    const none = await prepareTypedDataFilters(renamed, '1.22.0')
    expect(none.filters).toBeUndefined()
    expect(none.reason).toMatch(/no Ledger filters/)
  })

  test("Permit2's types with primaryType PermitDetails: same schema hash, no filter applies", async () => {
    const details = { ...permit2, primaryType: 'PermitDetails', message: permit2.message.details }
    expect(await prepareTypedDataFilters(details, '1.22.0')).toEqual({
      filters: undefined,
      reason:
        "Ledger's filters for Permit2 do not apply to this PermitDetails message (it has no details.token)",
    })
  })
})
