import { describe, expect, test } from 'vitest'
import {
  filterSignedMessage,
  findFilterSignatureProblems,
  isFilterSignedByLedger,
} from '../../scripts/verifyFilterSignatures.js'
import { eip712IndexLoaders } from './data/eip712Index.js'
import type { TypedDataFilters } from './types.js'

async function loadAllFilters(): Promise<TypedDataFilters[]> {
  const chains = await Promise.all(
    Object.entries(eip712IndexLoaders).map(async ([chainId, loadIndex]) => {
      const { typedDataFiltersLoaders } = await loadIndex()
      return Promise.all(
        Object.values(typedDataFiltersLoaders).map(async (load) => {
          const { typedDataFilters } = await load()
          expect(typedDataFilters.key.split(':')[0]).toBe(chainId)
          return typedDataFilters
        }),
      )
    }),
  )
  return chains.flat()
}

describe('committed EIP-712 filters', () => {
  test("every message info and field filter, v1 and v2, verifies against Ledger's production key", async () => {
    const all = await loadAllFilters()
    expect(all.length).toBeGreaterThan(150)
    const problems = all.flatMap(({ key, v1, v2 }) => [
      ...(v1 ? findFilterSignatureProblems(key, v1, 'v1') : []),
      ...(v2 ? findFilterSignatureProblems(key, v2, 'v2') : []),
    ])
    expect(problems).toEqual([])
  })

  test('a change to the label, path, token index, chain or contract breaks the signature', async () => {
    const permit2 = (await loadAllFilters()).find(({ v2 }) => v2?.contractName.label === 'Permit2')!
    const amount = permit2.v2!.fields.find((field) => field.format === 'amount')!
    const signed = {
      kind: 'amount',
      path: amount.path,
      label: amount.label,
      tokenIndex: amount.coin_ref,
    } as const
    expect(isFilterSignedByLedger(filterSignedMessage(permit2.key, signed), amount.signature)).toBe(
      true,
    )
    const [chainId, contract, schema] = permit2.key.split(':') as [string, string, string]
    for (const [key, filter] of [
      [permit2.key, { ...signed, label: `${amount.label}!` }],
      [permit2.key, { ...signed, path: 'details.nonce' }],
      [permit2.key, { ...signed, tokenIndex: 1 }],
      [permit2.key, { ...signed, kind: 'raw' }],
      [`${Number(chainId) + 1}:${contract}:${schema}`, signed],
      [`${chainId}:0x${'11'.repeat(20)}:${schema}`, signed],
    ] as const)
      expect(isFilterSignedByLedger(filterSignedMessage(key, filter), amount.signature)).toBe(false)
  })
})
