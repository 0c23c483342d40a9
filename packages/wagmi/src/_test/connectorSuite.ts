import {
  BlindSigningRefusedError,
  ChainIdMismatchError,
  UserRejectedOnDeviceError,
} from '@airlock/core'
import { createTestRpc } from '@airlock/fixtures/testRpc'
import {
  type Config,
  type Connector,
  type CreateConnectorFn,
  connect,
  createConfig,
  disconnect,
  getConnection,
  type Storage,
  sendTransaction,
  signMessage,
  signTypedData,
  switchChain,
} from '@wagmi/core'
import {
  type BaseError,
  type Hex,
  keccak256,
  parseTransaction,
  type TransactionSerializable,
} from 'viem'
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts'
import { foundry, mainnet } from 'viem/chains'
import { expect, test } from 'vitest'

export const testMnemonic = 'test test test test test test test test test test test junk'

/** viem's reference account for a path of the test mnemonic, to compare signatures with. */
export function referenceAccount(path: string) {
  const key = mnemonicToAccount(testMnemonic, { path: path as never }).getHdKey().privateKey!
  return privateKeyToAccount(`0x${Buffer.from(key).toString('hex')}`)
}

export type TestConfig = {
  config: Config
  connector: Connector
  rpc: Record<number, ReturnType<typeof createTestRpc>>
}

/** A wagmi config on two test chains; `storage` (default none) is what survives a page reload. */
export function createTestConfig(
  connector: CreateConnectorFn | CreateConnectorFn[],
  { storage = null }: { storage?: Storage | null } = {},
): TestConfig {
  const rpc = { [mainnet.id]: createTestRpc(mainnet), [foundry.id]: createTestRpc(foundry) }
  const config = createConfig({
    chains: [mainnet, foundry],
    connectors: Array.isArray(connector) ? connector : [connector],
    multiInjectedProviderDiscovery: false,
    storage,
    transports: {
      [mainnet.id]: rpc[mainnet.id].transport,
      [foundry.id]: rpc[foundry.id].transport,
    },
  })
  return { config, connector: config.connectors[0]!, rpc }
}

const recipient = '0x000000000000000000000000000000000000dEaD'

/** A call no device decodes: `setApprovalForAll(recipient, true)` on some contract. */
export const unknownContractCall = {
  to: '0x000000000000000000000000000000000000dEaD',
  data: '0xa22cb46500000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c80000000000000000000000000000000000000000000000000000000000000001',
} as const

/**
 * Under `blindSigning: 'refuse'`, wagmi's sendTransaction of a call the device shows blind fails
 * with EIP-1193's 4001 and `BlindSigningRefusedError` in its cause chain; nothing is broadcast.
 */
export async function expectBlindRefused(connector: CreateConnectorFn) {
  const { config, connector: created, rpc } = createTestConfig(connector)
  await connect(config, { connector: created, chainId: foundry.id })
  const error = (await sendTransaction(config, unknownContractCall).catch((e) => e)) as BaseError
  expect(error.walk((e) => (e as { code?: number }).code === 4001)).toMatchObject({
    name: 'UserRejectedRequestError',
  })
  expect(error.walk((e) => e instanceof BlindSigningRefusedError)).toMatchObject({
    operation: 'signTransaction',
  })
  expect(rpc[foundry.id]!.state.sent).toEqual([])
  await disconnect(config)
}

const typedData = (chainId: number) =>
  ({
    domain: { name: 'Airlock', version: '1', chainId, verifyingContract: recipient },
    types: {
      Mail: [
        { name: 'to', type: 'address' },
        { name: 'contents', type: 'string' },
      ],
    },
    primaryType: 'Mail',
    message: { to: recipient, contents: 'Hello from wagmi' },
  }) as const

export type ConnectorSuiteParameters = {
  type: string
  /** A connector on a fresh emulator, the path of the account it should use, and a way to reject. */
  setup: () => Promise<{
    connector: CreateConnectorFn
    path: string
    rejectNext: () => void
    cleanup?: () => Promise<void>
  }>
}

/** The wagmi flow every hardware connector must pass, against a device emulator. */
export function connectorSuite({ type, setup }: ConnectorSuiteParameters) {
  test('connect, sign, send, switch chain, disconnect', async () => {
    const device = await setup()
    try {
      const { config, connector, rpc } = createTestConfig(device.connector)
      const account = referenceAccount(device.path)
      expect(connector.type).toBe(type)

      const connected = await connect(config, { connector, chainId: foundry.id })
      expect(connected).toEqual({ accounts: [account.address], chainId: foundry.id })
      expect(getConnection(config)).toMatchObject({
        address: account.address,
        addresses: [account.address],
        chainId: foundry.id,
        status: 'connected',
      })
      expect(getConnection(config).connector?.type).toBe(type)

      expect(await signMessage(config, { message: 'Hello from wagmi' })).toBe(
        await account.signMessage({ message: 'Hello from wagmi' }),
      )
      expect(await signTypedData(config, typedData(foundry.id))).toBe(
        await account.signTypedData(typedData(foundry.id)),
      )

      const hash = await sendTransaction(config, { to: recipient, value: 10n ** 15n })
      const raw = rpc[foundry.id]!.state.sent[0] as Hex
      expect(hash).toBe(keccak256(raw))
      const { r: _r, s: _s, v: _v, yParity: _y, ...transaction } = parseTransaction(raw)
      expect(transaction).toMatchObject({ chainId: foundry.id, to: recipient.toLowerCase() })
      expect(await account.signTransaction(transaction as TransactionSerializable)).toBe(raw)

      await switchChain(config, { chainId: mainnet.id })
      expect(getConnection(config).chainId).toBe(mainnet.id)
      const mismatch = (await signTypedData(config, typedData(foundry.id)).catch(
        (e) => e,
      )) as BaseError
      expect(mismatch.walk((e) => e instanceof ChainIdMismatchError)).toBeInstanceOf(
        ChainIdMismatchError,
      )

      device.rejectNext()
      const rejected = (await signMessage(config, { message: 'no' }).catch((e) => e)) as BaseError
      expect(rejected.name).toBe('UserRejectedRequestError')
      expect((rejected as BaseError & { code: number }).code).toBe(4001)
      expect(rejected.walk((e) => e instanceof UserRejectedOnDeviceError)).toBeInstanceOf(
        UserRejectedOnDeviceError,
      )

      await disconnect(config)
      expect(getConnection(config).status).toBe('disconnected')
      expect(await connector.getAccounts()).toEqual([])
      expect(await connector.isAuthorized()).toBe(false)

      // The next connect reads the device again, on the chain the user left.
      expect(await connect(config, { connector })).toEqual({
        accounts: [account.address],
        chainId: mainnet.id,
      })
      await disconnect(config)
    } finally {
      await device.cleanup?.()
    }
  })
}
