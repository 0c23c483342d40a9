import { permit, permitSingle as permit2Single } from '@airlock/fixtures/permit'
import type { TypedDataDefinition } from 'viem'
import { describe, expect, test } from 'vitest'
import { findTypedDataFilters } from './findTypedDataFilters.js'
import { typedDataFiltersKey } from './typedDataFiltersKey.js'

const permit2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3'
const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'

/** Permit2 `PermitSingle` as a viem caller writes it: no EIP712Domain in `types`, bigint values. */
const permitSingle = (chainId: number) =>
  permit2Single({
    chainId,
    token: usdc,
    amount: 10n ** 6n,
    expiration: 1_800_000_000,
    spender: '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD',
    sigDeadline: 1_800_000_000n,
  }) satisfies TypedDataDefinition

/** An EIP-2612 permit of USDC on mainnet. */
const usdcPermit = permit({
  domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: usdc },
  owner: '0x000000000000000000000000000000000000dEaD',
  spender: permit2,
  value: 1n,
  deadline: 1_800_000_000n,
}) satisfies TypedDataDefinition

describe('findTypedDataFilters', () => {
  test('Permit2 PermitSingle on mainnet, written viem-style: Ledger’s v1 and v2 filters', async () => {
    const filters = await findTypedDataFilters(permitSingle(1))
    expect(filters?.key).toBe(
      '1:0x000000000022d473030f116ddee9f6b43ac78ba3:4d593149e876e739220f3b5ede1b38a0213d76c4705b1547c4323df3',
    )
    expect(filters?.v1?.contractName.label).toBe('Permit2')
    expect(
      filters?.v2?.fields.map(({ label, path, format, coin_ref }) => ({
        label,
        path,
        format,
        coin_ref,
      })),
    ).toEqual([
      { label: 'Amount allowance', path: 'details.token', format: 'token', coin_ref: 0 },
      { label: 'Amount allowance', path: 'details.amount', format: 'amount', coin_ref: 0 },
      { label: 'Approve to spender', path: 'spender', format: 'raw', coin_ref: undefined },
      {
        label: 'Approval expire',
        path: 'details.expiration',
        format: 'datetime',
        coin_ref: undefined,
      },
    ])
    for (const field of filters!.v2!.fields) expect(field.signature).toMatch(/^30[0-9a-f]+$/)
  })

  test('the same with EIP712Domain in `types`, as a dApp sends it', async () => {
    const typedData = permitSingle(1)
    const filters = await findTypedDataFilters({
      ...typedData,
      types: {
        EIP712Domain: [
          { name: 'name', type: 'string' },
          { name: 'chainId', type: 'uint256' },
          { name: 'verifyingContract', type: 'address' },
        ],
        ...typedData.types,
      },
    })
    expect(filters?.v2?.contractName.label).toBe('Permit2')
  })

  test('Permit2 on a chain Ledger’s list does not cover: undefined', async () => {
    expect(await findTypedDataFilters(permitSingle(10))).toBeDefined()
    expect(await findTypedDataFilters(permitSingle(324))).toBeUndefined()
  })

  test('a USDC EIP-2612 permit on mainnet', async () => {
    const filters = await findTypedDataFilters(usdcPermit)
    expect(filters?.v2?.contractName.label).toBe('Permit USDC transfers')
    expect(filters?.v2?.fields.map((field) => field.path)).toEqual([
      'owner',
      'spender',
      'value',
      'deadline',
    ])
  })

  test('types that differ from the signed schema: undefined', async () => {
    const extraField = {
      ...usdcPermit,
      types: { Permit: [...usdcPermit.types.Permit, { name: 'memo', type: 'string' }] },
    }
    expect(await findTypedDataFilters(extraField)).toBeUndefined()
    // The domain's fields are part of the schema: a permit without `version` is another schema.
    const { version: _, ...domainWithoutVersion } = usdcPermit.domain
    expect(
      await findTypedDataFilters({ ...usdcPermit, domain: domainWithoutVersion }),
    ).toBeUndefined()
  })

  test('another verifying contract, or a domain without chainId or verifyingContract: undefined', async () => {
    const dai = '0x6B175474E89094C44Da98b954EedeAC495271d0F'
    const usdt = '0xdAC17F958D2ee523a2206206994597C13D831ec7'
    expect(
      await findTypedDataFilters({
        ...usdcPermit,
        domain: { ...usdcPermit.domain, verifyingContract: usdt },
      }),
    ).toBeUndefined()
    // Ledger's DAI entry is keyed under the EIP-2612 schema, which DAI does not sign.
    expect(
      await findTypedDataFilters({
        ...usdcPermit,
        domain: { ...usdcPermit.domain, verifyingContract: dai },
      }),
    ).toBeDefined()
    const { chainId: _, ...noChainId } = usdcPermit.domain
    expect(await findTypedDataFilters({ ...usdcPermit, domain: noChainId })).toBeUndefined()
    const { verifyingContract: __, ...noContract } = usdcPermit.domain
    expect(await findTypedDataFilters({ ...usdcPermit, domain: noContract })).toBeUndefined()
  })

  test('an index hit whose full key differs is no match', async () => {
    // Same chain, same first 3 bytes of contract and schema hash as Permit2's entry, other bytes.
    const key = typedDataFiltersKey(permitSingle(1))!
    expect(key.startsWith('1:0x000000')).toBe(true)
    const lookalike = '0x0000000000000000000000000000000000000001' as const
    const typedData = permitSingle(1)
    expect(
      await findTypedDataFilters({
        ...typedData,
        domain: { ...typedData.domain, verifyingContract: lookalike },
      }),
    ).toBeUndefined()
  })
})

describe('typedDataFiltersKey', () => {
  test('the chain id in decimal, whatever its type', () => {
    const suffix =
      ':0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48:d4dd8410bdcf861c48d353f8e3a9b738282a0fd9ba7239f59baa9099'
    expect(typedDataFiltersKey(usdcPermit)).toBe(`1${suffix}`)
    expect(
      typedDataFiltersKey({ ...usdcPermit, domain: { ...usdcPermit.domain, chainId: 1n } }),
    ).toBe(`1${suffix}`)
    expect(
      typedDataFiltersKey({
        ...usdcPermit,
        domain: { ...usdcPermit.domain, chainId: '0x1' as never },
      }),
    ).toBe(`1${suffix}`)
  })
})
