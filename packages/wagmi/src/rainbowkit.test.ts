import { createLedgerEmulator } from '@airlock/emulator'
import { connect, getConnection } from '@wagmi/core'
import { expect, test } from 'vitest'
import { createTestConfig } from './_test/connectorSuite.js'
import { ledger } from './ledger.js'
import { ledgerWallet, trezorWallet } from './rainbowkit.js'
import { trezor } from './trezor.js'

const manifest = { appName: 'Test', appUrl: 'https://example.com', email: 'a@example.com' }
const rkDetails = { id: 'ledger', isRainbowKitConnector: true, groupName: 'Hardware' }

test('each wallet carries its connector’s id, name and icon, and is listed as ready', () => {
  const ledgerConnector = createTestConfig(ledger()).connector
  const trezorConnector = createTestConfig(trezor({ manifest })).connector
  expect(ledgerWallet()()).toMatchObject({
    id: 'ledger',
    name: 'Ledger',
    iconUrl: ledgerConnector.icon,
    installed: true,
  })
  expect(trezorWallet({ manifest })()).toMatchObject({
    id: 'trezor',
    name: 'Trezor',
    iconUrl: trezorConnector.icon,
    installed: true,
  })
  expect(ledgerConnector.icon).not.toBe(trezorConnector.icon)
  expect(ledgerWallet({ id: 'ledger-hid', name: 'Ledger (HID)' })()).toMatchObject({
    id: 'ledger-hid',
    name: 'Ledger (HID)',
  })
})

test('the wallet’s connector is the device connector, with RainbowKit’s details, and connects', async () => {
  const emulator = createLedgerEmulator()
  const wallet = ledgerWallet({ transport: emulator.transport })()
  const { config, connector } = createTestConfig(wallet.createConnector({ rkDetails }))
  expect(connector).toMatchObject({ id: 'ledger', type: 'ledger', rkDetails })
  await connect(config, { connector })
  expect(getConnection(config).status).toBe('connected')
})
