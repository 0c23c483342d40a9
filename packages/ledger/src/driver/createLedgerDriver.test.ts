/**
 * Capabilities are the driver's duty: what `toLedgerCapabilities` says an app version and model
 * cannot sign is refused with `UnsupportedByDeviceError` before any byte of it reaches the device;
 * the one exchange is GET APP CONFIGURATION (E0 06), which reads the version.
 */
import { type DeviceCapabilities, type HardwareAccount, toHardwareAccount } from '@airlock/core'
import { createLedgerEmulator, type LedgerModel, testMnemonic } from '@airlock/emulator'
import { type Address, parseEther } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { createLedgerSigner } from '../createLedgerSigner.js'
import { toLedgerCapabilities } from './toLedgerCapabilities.js'

const path = "m/44'/60'/0'/0/0"
const reference = mnemonicToAccount(testMnemonic)
const recipient: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const simple7702Account = '0x4Cd241E8d1510e30b2076397afc7508Ae59C66c9'

const base = { chainId: 1, gas: 21_000n, nonce: 0, to: recipient, value: parseEther('1') }
const fees = { maxFeePerGas: 2n, maxPriorityFeePerGas: 1n }

type Request = {
  name: string
  supported: (capabilities: DeviceCapabilities) => boolean
  sign: (account: HardwareAccount) => Promise<unknown>
}

const requests: Request[] = [
  {
    name: 'legacy transaction',
    supported: (c) => c.transactionTypes.includes('legacy'),
    sign: (account) => account.signTransaction({ ...base, gasPrice: 1n }),
  },
  {
    name: 'EIP-2930 transaction',
    supported: (c) => c.transactionTypes.includes('eip2930'),
    sign: (account) => account.signTransaction({ ...base, gasPrice: 1n, accessList: [] }),
  },
  {
    name: 'EIP-1559 transaction',
    supported: (c) => c.transactionTypes.includes('eip1559'),
    sign: (account) => account.signTransaction({ ...base, ...fees }),
  },
  {
    name: 'EIP-7702 transaction',
    supported: (c) => c.transactionTypes.includes('eip7702'),
    sign: async (account) =>
      account.signTransaction({
        ...base,
        ...fees,
        authorizationList: [
          await reference.signAuthorization!({ address: simple7702Account, chainId: 1, nonce: 1 }),
        ],
      }),
  },
  {
    name: 'typed data',
    supported: (c) => c.signTypedData !== false,
    sign: (account) =>
      account.signTypedData({
        types: { Mail: [{ name: 'contents', type: 'string' }] },
        primaryType: 'Mail',
        message: { contents: 'Hello' },
      }),
  },
  {
    name: 'EIP-7702 authorization',
    supported: (c) => c.signAuthorization,
    sign: (account) =>
      account.signAuthorization!({ contractAddress: simple7702Account, chainId: 1, nonce: 0 }),
  },
]

const apps: { version: string; model: LedgerModel }[] = [
  { version: '1.4.0', model: 'nanoX' },
  { version: '1.8.5', model: 'nanoX' },
  { version: '1.9.20', model: 'nanoSP' },
  { version: '1.10.4', model: 'nanoS' },
  { version: '1.16.0', model: 'nanoS' },
  // EIP-7702 (INS 0x34, type 4) arrived in 1.17.0: 1.16.x refuses it before the device.
  { version: '1.16.0', model: 'stax' },
  { version: '1.16.1', model: 'flex' },
  { version: '1.17.0', model: 'stax' },
]

describe.each(apps)('Ethereum app $version on $model', ({ version, model }) => {
  const capabilities = toLedgerCapabilities({ version, model })

  test.each(requests)('$name', async ({ supported, sign }) => {
    const emulator = createLedgerEmulator({
      model,
      app: { name: 'Ethereum', version },
      blindSigning: true,
      eip7702: true,
    })
    const account = await toHardwareAccount(createLedgerSigner({ transport: emulator.transport }), {
      path,
    })
    emulator.clearLogs()
    if (supported(capabilities)) {
      await expect(sign(account)).resolves.toBeDefined()
      return
    }
    await expect(sign(account)).rejects.toThrowError(
      expect.objectContaining({ name: 'UnsupportedByDeviceError' }),
    )
    expect(emulator.exchanges.map((exchange) => exchange.request.slice(0, 4))).toEqual(['e006'])
  })
})

test('the refusal says what to update', async () => {
  const emulator = createLedgerEmulator({ model: 'nanoS', eip7702: true })
  const account = await toHardwareAccount(createLedgerSigner({ transport: emulator.transport }), {
    path,
  })
  await expect(
    account.signAuthorization!({ contractAddress: simple7702Account, chainId: 1, nonce: 0 }),
  ).rejects.toThrowErrorMatchingInlineSnapshot(`
    [UnsupportedByDeviceError: The device cannot sign EIP-7702 authorizations.

    In Ledger Live (My Ledger), update the device to Ethereum app 1.17.0 (not on Nano S) or later, then try again.

    Details: the device runs Ethereum app 1.10.4 on nanoS
    Version: @airlock/core@0.1.0]
  `)
})
