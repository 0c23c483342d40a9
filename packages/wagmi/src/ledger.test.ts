import { DeviceLockedError, type DeviceStatus } from '@airlock/core'
import { createLedgerEmulator } from '@airlock/emulator'
import { rejectNextReview } from '@airlock/fixtures/conformanceDevice'
import { toLedgerAccount } from '@airlock/ledger'
import type { HardwareProvider } from '@airlock/provider'
import { connect, getConnection } from '@wagmi/core'
import { describe, expect, test } from 'vitest'
import {
  connectorSuite,
  createTestConfig,
  expectBlindRefused,
  referenceAccount,
} from './_test/connectorSuite.js'
import { ledger } from './ledger.js'

describe('ledger', () => {
  connectorSuite({
    type: 'ledger',
    async setup() {
      // The suite's typed data has no Ledger filters: app 1.12.0+ signs it with verbose EIP-712 on.
      const emulator = createLedgerEmulator({ verboseEip712: true })
      return {
        connector: ledger({ transport: emulator.transport }),
        path: "m/44'/60'/0'/0/0",
        rejectNext: () => rejectNextReview(emulator),
      }
    },
  })

  test("blindSigning: 'refuse' reaches the signer: a contract call is refused before the device", async () => {
    const emulator = createLedgerEmulator()
    await expectBlindRefused(ledger({ transport: emulator.transport, blindSigning: 'refuse' }))
    expect(emulator.exchanges.map((e) => e.request.slice(0, 4))).not.toContain('e004')
  })

  test('index and scheme pick the account; Ledger Live is the default scheme', async () => {
    const emulator = createLedgerEmulator()
    const { config, connector } = createTestConfig(
      ledger({ transport: emulator.transport, index: 2 }),
    )
    await connect(config, { connector })
    expect(getConnection(config).address).toBe(referenceAccount("m/44'/60'/2'/0/0").address)
  })

  test('path takes precedence', async () => {
    const emulator = createLedgerEmulator()
    const path = "m/44'/60'/0'/0/7"
    const { config, connector } = createTestConfig(
      ledger({ transport: emulator.transport, path, index: 2 }),
    )
    await connect(config, { connector })
    expect(getConnection(config).address).toBe(referenceAccount(path).address)
  })

  test('provider events reach wagmi: setAccounts, revoke', async () => {
    const emulator = createLedgerEmulator()
    const { config, connector } = createTestConfig(ledger({ transport: emulator.transport }))
    await connect(config, { connector })
    const provider = (await connector.getProvider()) as HardwareProvider
    const other = await toLedgerAccount({ transport: emulator.transport, path: "m/44'/60'/1'/0/0" })
    provider.setAccounts([other])
    expect(getConnection(config).address).toBe(other.address)

    await provider.request({ method: 'wallet_revokePermissions', params: [{ eth_accounts: {} }] })
    expect(getConnection(config).status).toBe('disconnected')
  })

  test('a locked device fails connect with a code, and the remedy as the message pickers show', async () => {
    const emulator = createLedgerEmulator({ locked: true })
    const { config, connector } = createTestConfig(ledger({ transport: emulator.transport }))
    const error = await connect(config, { connector }).catch((e) => e)
    expect(error.code).toBe(-32002)
    expect(error.message).toBe('Unlock your Ledger with its PIN, then try again.')
    expect(error.walk((e: unknown) => e instanceof DeviceLockedError)).toBeInstanceOf(
      DeviceLockedError,
    )
    expect(getConnection(config).status).toBe('disconnected')
    emulator.unlock()
    await connect(config, { connector })
    expect(getConnection(config).status).toBe('connected')
  })

  test('the Ethereum app closed: the remedy names it and the Ledger', async () => {
    const emulator = createLedgerEmulator({ app: 'dashboard' })
    const { config, connector } = createTestConfig(ledger({ transport: emulator.transport }))
    const error = await connect(config, { connector }).catch((e) => e)
    expect(error.message).toBe('Open the Ethereum app on the Ledger, then try again.')
  })

  test('onStatus gets the signer’s events from the first connect on', async () => {
    const emulator = createLedgerEmulator({ locked: true })
    const statuses: DeviceStatus['type'][] = []
    const { config, connector } = createTestConfig(
      ledger({ transport: emulator.transport, onStatus: (status) => statuses.push(status.type) }),
    )
    await connect(config, { connector }).catch(() => {})
    expect(statuses).toContain('error')
    emulator.unlock()
    statuses.length = 0
    await connect(config, { connector })
    expect(statuses.at(-1)).toBe('done')
  })

  test('a neutral icon by default; id, name and icon can be overridden', () => {
    const { connector } = createTestConfig(ledger())
    expect(connector.icon).toMatch(/^data:image\/svg\+xml,%3Csvg/)
    expect(decodeURIComponent(connector.icon!)).toContain('<rect x="5.5" y="2.5"')
    expect([connector.id, connector.name, connector.type]).toEqual(['ledger', 'Ledger', 'ledger'])
    const { connector: renamed } = createTestConfig(
      ledger({ id: 'ledger-2', name: 'Ledger (2nd)', icon: 'data:image/png;base64,AA==' }),
    )
    expect([renamed.id, renamed.name, renamed.icon]).toEqual([
      'ledger-2',
      'Ledger (2nd)',
      'data:image/png;base64,AA==',
    ])
  })
})
