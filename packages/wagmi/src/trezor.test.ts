import { createTrezorEmulator } from '@airlock/emulator'
import { rejectNextReview } from '@airlock/fixtures/conformanceDevice'
import { connect, getConnection } from '@wagmi/core'
import { describe, expect, test } from 'vitest'
import {
  connectorSuite,
  createTestConfig,
  expectBlindRefused,
  referenceAccount,
} from './_test/connectorSuite.js'
import { trezor } from './trezor.js'

describe('trezor', () => {
  connectorSuite({
    type: 'trezor',
    async setup() {
      const emulator = await createTrezorEmulator()
      return {
        connector: trezor({ connect: emulator.connect }),
        path: "m/44'/60'/0'/0/0",
        rejectNext: () => rejectNextReview(emulator),
        cleanup: () => emulator.dispose(),
      }
    },
  })

  test('a Connect that cannot start is -32002 with its remedy, not an internal error', async () => {
    // What connect-web answers when its iframe is blocked (lib/iframe: Init_IframeBlocked).
    const failure = {
      success: false,
      payload: { error: 'Iframe blocked', code: 'Init_IframeBlocked' },
    }
    const blocked = new Proxy({ init: async () => {}, dispose() {}, cancel() {} } as object, {
      get: (target, name) =>
        name in target || typeof name !== 'string' || name === 'then'
          ? target[name as keyof typeof target]
          : async () => failure,
    })
    const { config, connector } = createTestConfig(trezor({ connect: blocked as never }))
    const error = await connect(config, { connector }).catch((e) => e)
    expect(error.code).toBe(-32002)
    expect(error.cause.name).toBe('TrezorInitError')
    expect(error.message).toContain('connect.trezor.io')
    expect(error.message).not.toContain('Ethereum app')
  })

  test("blindSigning: 'refuse' reaches the signer: a contract call is refused before the device", async () => {
    const emulator = await createTrezorEmulator()
    try {
      await expectBlindRefused(trezor({ connect: emulator.connect, blindSigning: 'refuse' }))
      expect(emulator.exchanges.filter((e) => e.request.startsWith('EthereumSign'))).toEqual([])
    } finally {
      await emulator.dispose()
    }
  })

  test('index picks the account; BIP-44 is the default scheme', async () => {
    const emulator = await createTrezorEmulator()
    try {
      const { config, connector } = createTestConfig(
        trezor({ connect: emulator.connect, index: 3 }),
      )
      await connect(config, { connector })
      expect(getConnection(config).address).toBe(referenceAccount("m/44'/60'/0'/0/3").address)
    } finally {
      await emulator.dispose()
    }
  })

  test('a neutral icon by default; id, name and icon can be overridden', () => {
    const manifest = { appName: 'Test', appUrl: 'https://example.com', email: 'a@example.com' }
    const { connector } = createTestConfig(trezor({ manifest }))
    expect(decodeURIComponent(connector.icon!)).toMatch(/^data:image\/svg\+xml,<svg .*<\/svg>$/)
    expect([connector.id, connector.name]).toEqual(['trezor', 'Trezor'])
    const { connector: renamed } = createTestConfig(
      trezor({ manifest, id: 'trezor-safe', name: 'Trezor Safe', icon: '/trezor.svg' }),
    )
    expect([renamed.id, renamed.name, renamed.icon]).toEqual([
      'trezor-safe',
      'Trezor Safe',
      '/trezor.svg',
    ])
  })
})
