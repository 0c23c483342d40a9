import { describe, expect, test } from 'vitest'
import { toLedgerCapabilities } from './toLedgerCapabilities.js'

describe('toLedgerCapabilities', () => {
  test('features by app version and model (app-ethereum CHANGELOG.md)', () => {
    const table = (
      [
        ['1.4.0', 'nanoX'],
        ['1.8.5', 'nanoX'],
        ['1.9.20', 'nanoX'],
        ['1.10.4', 'nanoS'],
        ['1.15.0', 'nanoSP'],
        ['1.16.0', 'nanoS'],
        ['1.16.0', 'stax'],
        ['1.16.1', 'flex'],
        ['1.17.0', 'nanoX'],
        ['1.17.2', undefined],
      ] as const
    ).map(([version, model]) => {
      const capabilities = toLedgerCapabilities({ version, model })
      return `${version} ${model ?? '(model unknown)'}: ${capabilities.transactionTypes.join(' ')}; typed data ${capabilities.signTypedData}; authorization ${capabilities.signAuthorization}`
    })
    expect(table).toMatchInlineSnapshot(`
      [
        "1.4.0 nanoX: legacy; typed data false; authorization false",
        "1.8.5 nanoX: legacy; typed data hashed; authorization false",
        "1.9.20 nanoX: legacy eip2930 eip1559; typed data hashed; authorization false",
        "1.10.4 nanoS: legacy eip2930 eip1559; typed data hashed; authorization false",
        "1.15.0 nanoSP: legacy eip2930 eip1559; typed data full; authorization false",
        "1.16.0 nanoS: legacy eip2930 eip1559; typed data hashed; authorization false",
        "1.16.0 stax: legacy eip2930 eip1559; typed data full; authorization false",
        "1.16.1 flex: legacy eip2930 eip1559; typed data full; authorization false",
        "1.17.0 nanoX: legacy eip2930 eip1559 eip7702; typed data full; authorization true",
        "1.17.2 (model unknown): legacy eip2930 eip1559 eip7702; typed data full; authorization true",
      ]
    `)
  })

  test('always: messages, extended public keys, address display', () => {
    expect(toLedgerCapabilities({ version: '1.16.0', model: 'flex' })).toMatchObject({
      version: '1.16.0',
      model: 'flex',
      signMessage: true,
      getExtendedPublicKey: true,
      displayAddress: true,
    })
  })

  test('a connection where full EIP-712 was refused reports hashed', () => {
    expect(
      toLedgerCapabilities({ version: '1.16.0', fullTypedDataRefused: true }).signTypedData,
    ).toBe('hashed')
  })
})
