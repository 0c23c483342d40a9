import { describe, expect, test } from 'vitest'
import { validateAirlockConfig } from './validateAirlockConfig.js'

const messages = (value: unknown) =>
  validateAirlockConfig('main', value).map(({ path, message }) => `${path.join('.')}: ${message}`)

describe('validateAirlockConfig', () => {
  test('accepts every account form and no field at all', () => {
    expect(messages(undefined)).toEqual([])
    expect(
      messages({
        accounts: [
          { device: 'ledger', index: 0 },
          { device: 'trezor', index: 3, scheme: 'legacy' },
          { device: 'ledger', path: "m/44'/60'/1'/0/0" },
          { device: 'trezor', address: '0x9858EfFD232B4033E47d90003D41EC34EcaEda94' },
        ],
        emulator: { mnemonic: 'test test test test test test test test test test test junk' },
        searchLimit: 5,
      }),
    ).toEqual([])
  })

  test('names each wrong entry by its path', () => {
    expect(
      messages({
        accounts: [
          { device: 'ledger', index: -1 },
          { device: 'ledger', index: 0, scheme: 'metamask' },
          { device: 'trezor', path: '44/60' },
          { device: 'ledger', address: '0x1234' },
          { device: 'ledger', index: 0, path: "m/44'/60'/0'/0/0" },
          'ledger',
        ],
        searchLimit: 0,
        ledger: 'node-hid',
        emulator: { mnemonic: 12 },
      }),
    ).toEqual([
      'networks.main.airlock.accounts.0: Expected `index`: an integer from 0 to 2^31 - 1',
      'networks.main.airlock.accounts.1: Expected `scheme`: "ledgerLive", "bip44" or "legacy"',
      "networks.main.airlock.accounts.2: Expected `path` like \"m/44'/60'/0'/0/0\"",
      'networks.main.airlock.accounts.3: Expected `address`: a 0x-prefixed 20-byte address',
      'networks.main.airlock.accounts.4: Expected exactly one of `index`, `path` or `address`',
      'networks.main.airlock.accounts.5: Expected { device, index, scheme }, { device, path } or { device, address }',
      'networks.main.airlock.searchLimit: Expected an integer from 1 to 100',
      'networks.main.airlock.ledger: Expected an object',
      'networks.main.airlock.emulator.mnemonic: Expected a string',
    ])
  })

  test('needs an accounts array', () => {
    expect(messages({})).toEqual(['networks.main.airlock.accounts: Expected an array of accounts'])
    expect(messages([])).toEqual(['networks.main.airlock: Expected an object with `accounts`'])
  })
})
