import type { Hex } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { recoverAuthorizationAddress } from 'viem/utils'
import { beforeEach, describe, expect, test } from 'vitest'
import { testMnemonic } from '../../../common/testMnemonic.js'
import { denyNetwork, signAuthorization } from '../../_test/testUtils.js'
import { createLedgerEmulator } from '../../createLedgerEmulator.js'

beforeEach(denyNetwork)

const path = "44'/60'/0'/0/1"
const account = mnemonicToAccount(testMnemonic, { path: `m/${path}` as `m/44'/60'/${string}` })
const simple7702Account = '0x4Cd241E8d1510e30b2076397afc7508Ae59C66c9' as const

describe('SIGN EIP 7702 AUTHORIZATION', () => {
  test('signs a whitelisted delegate like viem and shows delegate, network and nonce', async () => {
    const emulator = createLedgerEmulator({ eip7702: true })
    const auth = { address: simple7702Account, chainId: 8453, nonce: 5 }
    const response = await signAuthorization(emulator, path, auth)
    const yParity = response[0]!
    const r = `0x${response.subarray(1, 33).toString('hex')}` as Hex
    const s = `0x${response.subarray(33, 65).toString('hex')}` as Hex
    const expected = await account.signAuthorization!({
      contractAddress: auth.address,
      chainId: 8453,
      nonce: 5,
    })
    expect({ r, s, yParity }).toEqual({ r: expected.r, s: expected.s, yParity: expected.yParity })
    const signer = await recoverAuthorizationAddress({
      authorization: { address: auth.address, chainId: 8453, nonce: 5 },
      signature: { r, s, yParity },
    })
    expect(signer).toBe(account.address)
    expect(emulator.reviews.at(-1)).toEqual({
      operation: 'authorization',
      outcome: 'approved',
      screens: [
        { title: 'Account', value: account.address },
        { title: 'Delegate to', value: 'Simple7702Account' },
        { title: 'Delegate address', value: simple7702Account },
        { title: 'Network', value: 'Base' },
        { title: 'Nonce', value: '5' },
      ],
    })
  })

  test('chain id 0 is shown as every network', async () => {
    const emulator = createLedgerEmulator({ eip7702: true })
    await signAuthorization(emulator, path, { address: simple7702Account, chainId: 0, nonce: 0 })
    expect(emulator.reviews.at(-1)?.screens).toContainEqual({ title: 'Network', value: 'All' })
  })

  test('is unknown to app 1.16.x (0x6D00): INS 0x34 arrived in 1.17.0, with nothing shown', async () => {
    for (const version of ['1.16.0', '1.16.1']) {
      const emulator = createLedgerEmulator({ eip7702: true, app: { name: 'Ethereum', version } })
      await expect(
        signAuthorization(emulator, path, { address: simple7702Account, chainId: 1, nonce: 0 }),
      ).rejects.toMatchObject({ statusCode: 0x6d00 })
      expect(emulator.reviews).toEqual([])
    }
    const first = createLedgerEmulator({
      eip7702: true,
      app: { name: 'Ethereum', version: '1.17.0' },
    })
    await signAuthorization(first, path, { address: simple7702Account, chainId: 1, nonce: 0 })
    expect(first.reviews.at(-1)?.outcome).toBe('approved')
  })

  test('answers 0x6980 while the setting is off (the default)', async () => {
    const emulator = createLedgerEmulator()
    await expect(
      signAuthorization(emulator, path, { address: simple7702Account, chainId: 1, nonce: 0 }),
    ).rejects.toMatchObject({ statusCode: 0x6980 })
  })

  test('answers 0x6980 for a delegate off the whitelist, and accepts a custom whitelist', async () => {
    const delegate = '0x1111111111111111111111111111111111111111' as const
    const refusing = createLedgerEmulator({ eip7702: true })
    await expect(
      signAuthorization(refusing, path, { address: delegate, chainId: 1, nonce: 0 }),
    ).rejects.toMatchObject({
      statusCode: 0x6980,
    })
    const custom = createLedgerEmulator({
      eip7702: { whitelist: [{ address: delegate, name: 'Mine', chainId: 1 }] },
    })
    await signAuthorization(custom, path, { address: delegate, chainId: 1, nonce: 0 })
    await expect(
      signAuthorization(custom, path, { address: delegate, chainId: 10, nonce: 0 }),
    ).rejects.toMatchObject({
      statusCode: 0x6980,
    })
  })

  test('answers 0x6985 when rejected', async () => {
    const emulator = createLedgerEmulator({ eip7702: true, user: 'reject' })
    await expect(
      signAuthorization(emulator, path, { address: simple7702Account, chainId: 1, nonce: 0 }),
    ).rejects.toMatchObject({ statusCode: 0x6985 })
  })
})
