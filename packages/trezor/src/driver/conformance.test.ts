import { driverConformanceChecks } from '@airlock/core/testing'
import { createTrezorEmulator } from '@airlock/emulator'
import { emulatorAsConformanceDevice } from '@airlock/fixtures/conformanceDevice'
import { describe, test } from 'vitest'
import { createTrezorSigner } from '../createTrezorSigner.js'

describe('the Trezor driver conforms to the driver contract', () => {
  const checks = driverConformanceChecks({
    async setup({ blindSigning }) {
      const emulator = await createTrezorEmulator()
      return {
        signer: createTrezorSigner({ connect: emulator.connect, blindSigning }),
        device: emulatorAsConformanceDevice(emulator),
        cleanup: () => emulator.dispose(),
      }
    },
  })
  for (const { name, run } of checks) test(name, run)
})
