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

  test('a locked device fails connect with a code and the remedy', async () => {
    const emulator = createLedgerEmulator({ locked: true })
    const { config, connector } = createTestConfig(ledger({ transport: emulator.transport }))
    const error = await connect(config, { connector }).catch((e) => e)
    expect(error.code).toBe(-32002)
    expect(error.message).toContain('Unlock the device')
    expect(getConnection(config).status).toBe('disconnected')
    emulator.unlock()
    await connect(config, { connector })
    expect(getConnection(config).status).toBe('connected')
  })
})
