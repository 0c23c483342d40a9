import { HDKey } from '@scure/bip32'
import { mnemonicToSeedSync } from '@scure/bip39'
import { Buffer } from 'buffer'
import { bytesToHex } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { beforeEach, describe, expect, test } from 'vitest'
import { testMnemonic } from '../../../common/testMnemonic.js'
import { createEth, denyNetwork } from '../../_test/testUtils.js'
import { createLedgerEmulator } from '../../createLedgerEmulator.js'

beforeEach(denyNetwork)

describe('GET ETH PUBLIC ADDRESS', () => {
  test.each(["44'/60'/0'/0/0", "44'/60'/0'/0/7", "44'/60'/3'/0/0", "44'/60'/0'/0'/0"])(
    'matches viem for %s',
    async (path) => {
      const eth = createEth(createLedgerEmulator())
      const account = mnemonicToAccount(testMnemonic, {
        path: `m/${path}` as `m/44'/60'/${string}`,
      })
      const result = await eth.getAddress(path)
      expect(result.address).toBe(account.address)
      expect(`0x${result.publicKey}`).toBe(account.publicKey)
      expect(result.chainCode).toBeUndefined()
    },
  )

  test('returns the chain code when asked', async () => {
    const eth = createEth(createLedgerEmulator())
    const { chainCode } = await eth.getAddress("44'/60'/0'", false, true)
    const node = HDKey.fromMasterSeed(mnemonicToSeedSync(testMnemonic)).derive("m/44'/60'/0'")
    expect(`0x${chainCode}`).toBe(bytesToHex(node.chainCode!))
  })

  test('uses the passphrase', async () => {
    const eth = createEth(createLedgerEmulator({ passphrase: 'airlock' }))
    const { address } = await eth.getAddress("44'/60'/0'/0/0")
    expect(address).not.toBe(mnemonicToAccount(testMnemonic).address)
  })

  test('shows the address and network, and answers 0x6985 when rejected', async () => {
    const emulator = createLedgerEmulator()
    const eth = createEth(emulator)
    await eth.getAddress("44'/60'/0'/0/0", true, false, '137')
    expect(emulator.reviews).toEqual([
      {
        operation: 'address',
        screens: [
          { title: 'Address', value: mnemonicToAccount(testMnemonic).address },
          { title: 'Network', value: 'Polygon' },
        ],
        outcome: 'approved',
      },
    ])
    emulator.setUser('reject')
    await expect(eth.getAddress("44'/60'/0'/0/0", true)).rejects.toMatchObject({
      statusCode: 0x6985,
    })
    expect(emulator.reviews[1]?.outcome).toBe('rejected')
  })

  test('refuses a malformed path with 0x6a80', async () => {
    const emulator = createLedgerEmulator()
    await expect(
      emulator.transport.send(0xe0, 0x02, 0, 0, Buffer.from([11])),
    ).rejects.toMatchObject({
      statusCode: 0x6a80,
    })
  })
})
