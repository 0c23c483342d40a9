import { driverConformanceChecks } from '@airlock/core/testing'
import { createLedgerEmulator } from '@airlock/emulator'
import { emulatorAsConformanceDevice } from '@airlock/fixtures/conformanceDevice'
import { describe, test } from 'vitest'
import { createLedgerSigner } from '../createLedgerSigner.js'

describe('the Ledger driver conforms to the driver contract', () => {
  const checks = driverConformanceChecks({
    async setup({ blindSigning }) {
      // Unfiltered typed data needs verbose EIP-712 (or blind signing) on app 1.12.0+.
      const emulator = createLedgerEmulator({ verboseEip712: true })
      return {
        signer: createLedgerSigner({ transport: emulator.transport, blindSigning }),
        device: emulatorAsConformanceDevice(emulator),
      }
    },
  })
  for (const { name, run } of checks) test(name, run)
})
