import { createTrezorEmulator } from '@airlock/emulator'
import { connect, getConnection } from '@wagmi/core'
import { describe, expect, test } from 'vitest'
import { connectorSuite, createTestConfig, referenceAccount } from './_test/connectorSuite.js'
import { trezor } from './trezor.js'

describe('trezor', () => {
  connectorSuite({
    type: 'trezor',
    async setup() {
      const emulator = await createTrezorEmulator()
      return {
        connector: trezor({ connect: emulator.connect }),
        path: "m/44'/60'/0'/0/0",
        rejectNext: () => {
          let rejected = false
          emulator.setUser(() => {
            if (rejected) return 'approve'
            rejected = true
            return 'reject'
          })
        },
        cleanup: () => emulator.dispose(),
      }
    },
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
})
