import { createLedgerEmulator } from '@airlock/emulator'
import {
  type Address,
  type Hex,
  isAddressEqual,
  parseEther,
  parseTransaction,
  recoverTransactionAddress,
  verifyMessage,
  verifyTypedData,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { afterEach, describe, expect, test } from 'vitest'
import { createTestHardhat, deviceMnemonic } from './_test/createTestHardhat.js'
import { DeviceAccountNotFoundError, UnlockedDeviceAccountError } from './errors.js'

const hardhatAccount0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'
const closers: (() => unknown)[] = []
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close()
})

async function connectLedger(options: { accounts?: unknown[]; searchLimit?: number } = {}) {
  const emulator = createLedgerEmulator({ mnemonic: deviceMnemonic, blindSigning: true })
  closers.push(() => emulator.dispose())
  const hre = await createTestHardhat({
    device: {
      type: 'edr-simulated',
      airlock: {
        accounts: (options.accounts as never) ?? [{ device: 'ledger', index: 0 }],
        ledger: { transport: emulator.transport },
        searchLimit: options.searchLimit,
      },
    },
  })
  const connection = await hre.network.create('device')
  closers.push(() => connection.close())
  const { provider } = connection
  const request = (method: string, params: unknown[] = []) =>
    provider.request({ method, params }) as Promise<any>
  return { emulator, connection, request }
}

describe('@airlock/hardhat', () => {
  test('lists the device accounts first, then the node’s own', async () => {
    const { request } = await connectLedger({
      accounts: [
        { device: 'ledger', index: 0 },
        { device: 'ledger', path: "m/44'/60'/0'/0/7" },
      ],
    })
    const accounts: Address[] = await request('eth_accounts')
    expect(accounts.slice(0, 2)).toEqual([
      mnemonicToAccount(deviceMnemonic, { accountIndex: 0 }).address,
      mnemonicToAccount(deviceMnemonic, { addressIndex: 7 }).address,
    ])
    expect(accounts).toHaveLength(22)
    expect(isAddressEqual(accounts[2]!, hardhatAccount0)).toBe(true)
  })

  test('finds an address account by a bounded path search', async () => {
    const wanted = mnemonicToAccount(deviceMnemonic, { addressIndex: 3 }).address
    const { connection } = await connectLedger({
      accounts: [{ device: 'ledger', address: wanted }],
    })
    const [account] = await connection.airlock.getAccounts()
    expect(account?.address).toBe(wanted)
    expect(account?.path).toBe("m/44'/60'/0'/0/3")
  })

  test('ends an address search that finds nothing with DeviceAccountNotFoundError', async () => {
    const elsewhere = mnemonicToAccount(deviceMnemonic, { addressIndex: 9 }).address
    const error = await connectLedger({
      accounts: [{ device: 'ledger', address: elsewhere }],
      searchLimit: 2,
    }).catch((error: unknown) => error)
    expect(error).toBeInstanceOf(DeviceAccountNotFoundError)
    expect((error as Error).message).toContain(elsewhere)
    expect((error as Error).message).toContain('first 2 accounts')
  })

  test('refuses to start when the node unlocks a device account (the emulator’s default mnemonic)', async () => {
    const hre = await createTestHardhat({
      device: {
        type: 'edr-simulated',
        airlock: { accounts: [{ device: 'ledger', index: 0 }], emulator: {} },
      },
    })
    const error = await hre.network.create('device').catch((error: unknown) => error)
    expect(error).toBeInstanceOf(UnlockedDeviceAccountError)
    expect((error as UnlockedDeviceAccountError).address).toBe(hardhatAccount0)
    expect((error as Error).message).toContain('also unlocked on network "device"')
    expect((error as Error).message).toContain('airlock.emulator.mnemonic')
  })

  test('signs messages and typed data on the device, and leaves node accounts to the node', async () => {
    const { emulator, request } = await connectLedger()
    const [device, node] = (await request('eth_accounts')) as [Address, ...Address[]]
    const message = '0x48656c6c6f' as Hex
    const signature: Hex = await request('personal_sign', [message, device])
    expect(await verifyMessage({ address: device, message: { raw: message }, signature })).toBe(
      true,
    )
    expect(emulator.reviews.map((review) => review.operation)).toEqual(['message'])

    const typedData = {
      domain: { name: 'Airlock', version: '1', chainId: 31337 },
      types: {
        EIP712Domain: [
          { name: 'name', type: 'string' },
          { name: 'version', type: 'string' },
          { name: 'chainId', type: 'uint256' },
        ],
        Mail: [{ name: 'contents', type: 'string' }],
      },
      primaryType: 'Mail',
      message: { contents: 'Hello' },
    } as const
    const typedSignature: Hex = await request('eth_signTypedData_v4', [
      device,
      JSON.stringify(typedData),
    ])
    expect(
      await verifyTypedData({ address: device, ...typedData, signature: typedSignature } as never),
    ).toBe(true)
    expect(emulator.reviews).toHaveLength(2)

    const nodeSignature: Hex = await request('personal_sign', [message, node])
    expect(
      await verifyMessage({ address: node!, message: { raw: message }, signature: nodeSignature }),
    ).toBe(true)
    expect(emulator.reviews).toHaveLength(2)
  })

  test('signs and sends transactions on the device, nonce and fees from the node', async () => {
    const { emulator, request } = await connectLedger()
    const [device, node] = (await request('eth_accounts')) as [Address, Address]
    await request('hardhat_setBalance', [device, '0xde0b6b3a7640000'])

    const signed: Hex = await request('eth_signTransaction', [
      { from: device, to: node, value: '0x1' },
    ])
    expect(await recoverTransactionAddress({ serializedTransaction: signed as never })).toBe(device)
    expect(parseTransaction(signed).chainId).toBe(31337)

    const hash: Hex = await request('eth_sendTransaction', [
      { from: device, to: node, value: `0x${parseEther('0.5').toString(16)}` },
    ])
    const receipt = await request('eth_getTransactionReceipt', [hash])
    expect(receipt.status).toBe('0x1')
    expect(isAddressEqual(receipt.from, device)).toBe(true)
    expect(emulator.reviews.map((review) => review.operation)).toEqual([
      'transaction',
      'transaction',
    ])
  })

  test('signs EIP-7702 authorizations and type-4 transactions on the Ledger', async () => {
    const emulator = createLedgerEmulator({ mnemonic: deviceMnemonic, eip7702: true })
    closers.push(() => emulator.dispose())
    const hre = await createTestHardhat({
      device: {
        type: 'edr-simulated',
        airlock: {
          accounts: [{ device: 'ledger', index: 0 }],
          ledger: { transport: emulator.transport },
        },
      },
    })
    const connection = await hre.network.create('device')
    closers.push(() => connection.close())
    const request = (method: string, params: unknown[] = []) =>
      connection.provider.request({ method, params }) as Promise<any>
    const [account] = await connection.airlock.getAccounts()
    const device = account!.address
    await request('hardhat_setBalance', [device, '0xde0b6b3a7640000'])

    const delegate = '0x4Cd241E8d1510e30b2076397afc7508Ae59C66c9' // Simple7702Account, whitelisted
    const nonce = Number(await request('eth_getTransactionCount', [device, 'latest']))
    // The sender authorizes itself: the authorization's nonce is the one after the transaction's.
    const authorization = await account!.signAuthorization({
      address: delegate,
      chainId: 31337,
      nonce: nonce + 1,
    })
    const hash: Hex = await request('eth_sendTransaction', [
      {
        from: device,
        to: device,
        type: '0x4',
        authorizationList: [
          {
            address: delegate,
            chainId: '0x7a69',
            nonce: `0x${(nonce + 1).toString(16)}`,
            r: authorization.r,
            s: authorization.s,
            yParity: `0x${authorization.yParity}`,
          },
        ],
      },
    ])
    expect((await request('eth_getTransactionReceipt', [hash])).status).toBe('0x1')
    expect(await request('eth_getCode', [device, 'latest'])).toBe(
      `0xef0100${delegate.slice(2).toLowerCase()}`,
    )
    expect(emulator.reviews.map((review) => review.operation)).toEqual([
      'authorization',
      'transaction',
    ])
  })

  test('signs on a Trezor, and on the emulators the plugin creates', async () => {
    const hre = await createTestHardhat({
      device: {
        type: 'edr-simulated',
        airlock: {
          accounts: [
            { device: 'trezor', index: 1 },
            { device: 'ledger', index: 2 },
          ],
          emulator: { mnemonic: deviceMnemonic },
        },
      },
    })
    const connection = await hre.network.create('device')
    closers.push(() => connection.close())
    const accounts = await connection.airlock.getAccounts()
    expect(accounts.map((account) => [account.source, account.path])).toEqual([
      ['trezor', "m/44'/60'/0'/0/1"],
      ['ledger', "m/44'/60'/2'/0/0"],
    ])
    const message = '0x6869' as Hex
    for (const { address } of accounts) {
      const signature = (await connection.provider.request({
        method: 'personal_sign',
        params: [message, address],
      })) as Hex
      expect(await verifyMessage({ address, message: { raw: message }, signature })).toBe(true)
    }
  })

  test('leaves networks without device accounts alone', async () => {
    const hre = await createTestHardhat({ plain: { type: 'edr-simulated' } })
    const connection = await hre.network.create('plain')
    closers.push(() => connection.close())
    expect(await connection.provider.request({ method: 'eth_accounts' })).toHaveLength(20)
    expect(await connection.airlock.getAccounts()).toEqual([])
  })

  test('reports config mistakes before anything runs', async () => {
    const error = await createTestHardhat({
      device: {
        type: 'edr-simulated',
        airlock: {
          accounts: [{ device: 'keepkey', index: 0 } as never, { device: 'ledger' } as never],
        },
      },
    }).catch((error: unknown) => error)
    expect(String(error)).toContain('networks.device.airlock.accounts.0')
    expect(String(error)).toContain('"ledger" or "trezor"')
    expect(String(error)).toContain('networks.device.airlock.accounts.1')
  })
})
