import { createLedgerEmulator, createTrezorEmulator } from '@airlock/emulator'
import {
  connect,
  createStorage,
  disconnect,
  getConnection,
  reconnect,
  type Storage,
} from '@wagmi/core'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createTestConfig, referenceAccount } from './_test/connectorSuite.js'
import { ledger } from './ledger.js'
import { trezor } from './trezor.js'

const manifest = { appName: 'Test', appUrl: 'https://example.com', email: 'a@example.com' }
const firstAccount = referenceAccount("m/44'/60'/0'/0/0").address

/** A page's localStorage, which outlives the wagmi config of one page load. */
function createPageStorage(): Storage {
  const items = new Map<string, string>()
  return createStorage({
    storage: {
      getItem: (key) => items.get(key) ?? null,
      setItem: (key, value) => void items.set(key, value),
      removeItem: (key) => void items.delete(key),
    },
  })
}

/** Records which device packages get imported. */
function trackDevicePackages() {
  const loaded: string[] = []
  for (const name of ['@airlock/ledger', '@airlock/trezor'])
    vi.doMock(name, async (importOriginal) => {
      loaded.push(name)
      return importOriginal()
    })
  return loaded
}

afterEach(() => {
  vi.doUnmock('@airlock/ledger')
  vi.doUnmock('@airlock/trezor')
  vi.unstubAllGlobals()
  vi.resetModules()
})

describe('page load (wagmi reconnect)', () => {
  test('a first visit loads no device package and touches no device', async () => {
    const loaded = trackDevicePackages()
    const { ledger, trezor } = await import('./exports/index.js')
    const ledgerEmulator = createLedgerEmulator()
    const trezorEmulator = await createTrezorEmulator()
    try {
      const { config } = createTestConfig(
        [
          ledger({ transport: ledgerEmulator.transport }),
          trezor({ connect: trezorEmulator.connect }),
        ],
        { storage: createPageStorage() },
      )
      expect(await reconnect(config)).toEqual([])
      expect(getConnection(config).status).toBe('disconnected')
      expect(loaded).toEqual([])
      expect(ledgerEmulator.exchanges).toEqual([])
      // Connect's own device discovery (GetFeatures) runs when the emulator starts; no account
      // is read.
      expect(
        trezorEmulator.exchanges.filter(({ request }) => request.startsWith('Ethereum')),
      ).toEqual([])
      for (const connector of config.connectors)
        await expect(connector.getProvider()).rejects.toThrow('Provider not found')
    } finally {
      await trezorEmulator.dispose()
    }
  })

  test('a Ledger the user connected is reconnected on the next load; after disconnect, not', async () => {
    const emulator = createLedgerEmulator()
    const storage = createPageStorage()
    const page = () => createTestConfig(ledger({ transport: emulator.transport }), { storage })

    const first = page()
    await connect(first.config, { connector: first.connector })
    expect(await first.connector.isAuthorized()).toBe(true)

    const second = page()
    expect(await reconnect(second.config)).toMatchObject([{ accounts: [firstAccount] }])
    expect(getConnection(second.config)).toMatchObject({
      status: 'connected',
      address: firstAccount,
    })

    await disconnect(second.config)
    expect(await second.connector.isAuthorized()).toBe(false)
    const exchanges = emulator.exchanges.length
    const third = page()
    expect(await reconnect(third.config)).toEqual([])
    expect(getConnection(third.config).status).toBe('disconnected')
    expect(emulator.exchanges).toHaveLength(exchanges)
  })

  test('WebUSB: reconnects only while the browser still lists a permitted Ledger', async () => {
    const storage = createPageStorage()
    await storage.setItem('airlock.ledger.authorized', true)
    const getDevices = vi.fn(async () => [] as { vendorId: number }[])
    vi.stubGlobal('navigator', { usb: { getDevices } })
    const loaded = trackDevicePackages()
    const { ledger } = await import('./exports/index.js')
    const { config } = createTestConfig(ledger(), { storage })

    // Permission gone (or another vendor's device): no picker, nothing loaded.
    getDevices.mockResolvedValue([{ vendorId: 0x1209 }])
    expect(await reconnect(config)).toEqual([])
    expect(getDevices).toHaveBeenCalledOnce()
    expect(loaded).toEqual([])

    // Permission held: the Ledger package loads to open it (here it fails: no WebUSB in Node).
    getDevices.mockResolvedValue([{ vendorId: 0x2c97 }])
    expect(await reconnect(config)).toEqual([])
    expect(loaded).toEqual(['@airlock/ledger'])
  })

  test('a Trezor the user connected loads Connect on the next load, the Ledger stays unloaded', async () => {
    const emulator = await createTrezorEmulator()
    try {
      const storage = createPageStorage()
      const first = createTestConfig(trezor({ connect: emulator.connect, manifest }), { storage })
      await connect(first.config, { connector: first.connector })

      const loaded = trackDevicePackages()
      const connectors = await import('./exports/index.js')
      const ledgerEmulator = createLedgerEmulator()
      const { config } = createTestConfig(
        [
          connectors.ledger({ transport: ledgerEmulator.transport }),
          connectors.trezor({ connect: emulator.connect, manifest }),
        ],
        { storage },
      )
      expect(await reconnect(config)).toMatchObject([{ accounts: [firstAccount] }])
      expect(getConnection(config).connector?.type).toBe('trezor')
      expect(loaded).toEqual(['@airlock/trezor'])
      expect(ledgerEmulator.exchanges).toEqual([])
    } finally {
      await emulator.dispose()
    }
  })

  test('revoking the permission from the provider counts as a disconnect', async () => {
    const emulator = createLedgerEmulator()
    const storage = createPageStorage()
    const { config, connector } = createTestConfig(ledger({ transport: emulator.transport }), {
      storage,
    })
    await connect(config, { connector })
    const provider = (await connector.getProvider()) as { request: (...args: never[]) => unknown }
    await provider.request({
      method: 'wallet_revokePermissions',
      params: [{ eth_accounts: {} }],
    } as never)
    await vi.waitFor(async () => expect(await connector.isAuthorized()).toBe(false))
  })
})
