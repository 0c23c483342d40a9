import type { HardwareSigner } from '@airlock/core'
import { createLedgerSigner } from '@airlock/ledger'
import { createTrezorSigner } from '@airlock/trezor'

export type DeviceConnection = {
  signer: HardwareSigner
  /** What is on the other end, for the user. */
  description: string
  close: () => Promise<void>
}

const manifest = {
  appName: 'Airlock CLI',
  appUrl: 'https://github.com/airlock/airlock',
  email: 'dev@airlock.invalid',
}

/** A signer on a real Ledger (node-hid) or Trezor (Trezor Connect), or on the built-in emulator. */
export async function connectDevice(options: {
  device: 'ledger' | 'trezor'
  emulator: boolean
}): Promise<DeviceConnection> {
  if (options.device === 'ledger') {
    if (options.emulator) {
      const { createLedgerEmulator } = await import('@airlock/emulator/ledger')
      const emulator = createLedgerEmulator({ blindSigning: true })
      const signer = createLedgerSigner({ transport: emulator.transport })
      return { signer, description: String(emulator), close: () => signer.close() }
    }
    const signer = createLedgerSigner({ transport: 'node-hid' })
    return { signer, description: 'Ledger over USB (node-hid)', close: () => signer.close() }
  }
  if (options.emulator) {
    const { createTrezorEmulator } = await import('@airlock/emulator/trezor')
    const emulator = await createTrezorEmulator()
    const signer = createTrezorSigner({ connect: emulator.connect })
    return {
      signer,
      description: String(emulator),
      close: async () => {
        await signer.close()
        await emulator.dispose()
      },
    }
  }
  const signer = createTrezorSigner({ manifest })
  return { signer, description: 'Trezor through Trezor Connect', close: () => signer.close() }
}
