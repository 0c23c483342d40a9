import type { HardwareSigner } from '@airlock/core'
import type { AirlockNetworkUserConfig, DeviceKind } from '../config/types.js'
import { DevicePackageMissingError } from '../errors.js'

export type DeviceSigners = Partial<Record<DeviceKind, HardwareSigner>> & {
  /** Closes the signers and disposes the emulators this function created. */
  close(): Promise<void>
}

/**
 * One signer per device the network's accounts name, on the real device or, with `emulator`, on
 * an in-process emulator. The device packages load here, when a connection first needs them.
 */
export async function createDeviceSigners(
  config: AirlockNetworkUserConfig,
): Promise<DeviceSigners> {
  const kinds = new Set(config.accounts.map((account) => account.device))
  const disposers: (() => unknown)[] = []
  const signers: Partial<Record<DeviceKind, HardwareSigner>> = {}
  const emulator = config.emulator
  const emulators = emulator
    ? await load('@airlock/emulator', () => import('@airlock/emulator'))
    : undefined

  if (kinds.has('ledger')) {
    const { createLedgerSigner } = await load('@airlock/ledger', () => import('@airlock/ledger'))
    const { transport = 'node-hid', ...options } = config.ledger ?? {}
    let deviceTransport = transport
    if (emulators) {
      const device = emulators.createLedgerEmulator({
        mnemonic: emulator?.mnemonic,
        ...emulator?.ledger,
      })
      disposers.push(() => device.dispose())
      deviceTransport = device.transport
    }
    const signer = createLedgerSigner({ ...options, transport: deviceTransport as never })
    signers.ledger = signer
    disposers.push(() => signer.close())
  }

  if (kinds.has('trezor')) {
    const { createTrezorSigner } = await load('@airlock/trezor', () => import('@airlock/trezor'))
    const { connect, manifest, ...options } = config.trezor ?? {}
    let deviceConnect = connect
    if (emulators) {
      const device = await emulators.createTrezorEmulator({
        mnemonic: emulator?.mnemonic,
        ...emulator?.trezor,
      })
      disposers.push(() => device.dispose())
      deviceConnect = device.connect
    }
    const signer = createTrezorSigner(
      (deviceConnect ? { ...options, connect: deviceConnect } : { ...options, manifest }) as never,
    )
    signers.trezor = signer
    disposers.push(() => signer.close())
  }

  return {
    ...signers,
    async close() {
      // Signers first, then the emulators under them.
      for (const dispose of disposers.reverse()) await Promise.allSettled([dispose()])
    },
  }
}

async function load<module>(
  packageName: string,
  importModule: () => Promise<module>,
): Promise<module> {
  try {
    return await importModule()
  } catch (cause) {
    throw new DevicePackageMissingError({ packageName, cause })
  }
}
