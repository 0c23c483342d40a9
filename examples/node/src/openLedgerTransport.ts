import type { LedgerEmulator } from '@airlock/emulator'
import { createLedgerEmulator } from '@airlock/emulator'
import type { LedgerTransport } from '@airlock/ledger'

export type LedgerConnection = {
  transport: LedgerTransport
  /** Set when no real Ledger was found and the built-in emulator plays one. */
  emulator?: LedgerEmulator
  description: string
}

// A variable specifier: the node-hid transport is an optional peer with a native build.
const nodeHidPackage = '@ledgerhq/hw-transport-node-hid'

/**
 * A real Ledger over node-hid when one is plugged in (and `@ledgerhq/hw-transport-node-hid` is
 * installed), else the built-in emulator with the public test mnemonic.
 */
export async function openLedgerTransport(): Promise<LedgerConnection> {
  try {
    const module = await import(nodeHidPackage)
    const TransportNodeHid = module.default?.default ?? module.default
    const devices: unknown[] = await TransportNodeHid.list()
    if (devices.length > 0)
      return { transport: 'node-hid', description: 'a real Ledger over USB (node-hid)' }
  } catch {
    // Not installed or no USB access: fall through to the emulator.
  }
  const emulator = createLedgerEmulator({ model: 'nanoX', blindSigning: true })
  return {
    transport: emulator.transport,
    emulator,
    description: `the built-in emulator: ${emulator}`,
  }
}
