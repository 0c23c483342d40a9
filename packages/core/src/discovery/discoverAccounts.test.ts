import { mnemonicToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { createSoftwareSigner, testMnemonic } from '../_test/createSoftwareSigner.js'
import { discoverAccounts } from './discoverAccounts.js'

describe('discoverAccounts', () => {
  test('bip44: one extended-public-key exchange per page, addresses as viem derives them', async () => {
    const signer = createSoftwareSigner()
    const page = await discoverAccounts(signer, { scheme: 'bip44', offset: 5, limit: 10 })
    expect(signer.state.calls.map((call) => call.operation)).toEqual(['getExtendedPublicKey'])
    expect(page).toHaveLength(10)
    for (const account of page) {
      const expected = mnemonicToAccount(testMnemonic, { addressIndex: account.index })
      expect(account).toEqual({
        index: account.index,
        path: `m/44'/60'/0'/0/${account.index}`,
        address: expected.address,
        publicKey: expected.publicKey,
      })
    }
    expect(page[0]!.index).toBe(5)
  })

  test("legacy derives children of m/44'/60'/0'", async () => {
    const signer = createSoftwareSigner()
    const page = await discoverAccounts(signer, { scheme: 'legacy', limit: 3 })
    expect(page.map((a) => a.path)).toEqual(["m/44'/60'/0'/0", "m/44'/60'/0'/1", "m/44'/60'/0'/2"])
    expect(page[1]!.address).toBe(
      mnemonicToAccount(testMnemonic, { path: "m/44'/60'/0'/1" }).address,
    )
  })

  test('ledgerLive asks per account (hardened)', async () => {
    const signer = createSoftwareSigner()
    const page = await discoverAccounts(signer, { scheme: 'ledgerLive', limit: 3 })
    expect(signer.state.calls.map((call) => call.operation)).toEqual([
      'getAddress',
      'getAddress',
      'getAddress',
    ])
    expect(page[2]!.address).toBe(mnemonicToAccount(testMnemonic, { accountIndex: 2 }).address)
  })

  test('falls back to per-account reads when the device has no extended public keys', async () => {
    const signer = createSoftwareSigner({ capabilities: { getExtendedPublicKey: false } })
    const page = await discoverAccounts(signer, { scheme: 'bip44', limit: 2 })
    expect(signer.state.calls.map((call) => call.operation)).toEqual(['getAddress', 'getAddress'])
    expect(page[1]!.address).toBe(mnemonicToAccount(testMnemonic, { addressIndex: 1 }).address)
  })

  test('custom schemes', async () => {
    const signer = createSoftwareSigner()
    const page = await discoverAccounts(signer, { scheme: (i) => `m/44'/1'/0'/0/${i}`, limit: 1 })
    expect(page[0]!.path).toBe("m/44'/1'/0'/0/0")
  })

  test('rejects bad pages before asking the device', async () => {
    const signer = createSoftwareSigner()
    await expect(discoverAccounts(signer, { scheme: 'bip44', limit: 0 })).rejects.toThrowError(
      /"limit"/,
    )
    await expect(discoverAccounts(signer, { scheme: 'bip44', offset: -1 })).rejects.toThrowError(
      /"offset"/,
    )
    await expect(discoverAccounts(signer, { scheme: 'nope' as never })).rejects.toThrowError(
      /unknown path scheme/,
    )
    expect(signer.state.calls).toHaveLength(0)
  })
})
