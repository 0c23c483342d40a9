import type { LedgerEmulator } from '../createLedgerEmulator.js'
import { InvalidEmulatorOptionError } from '../errors.js'
import {
  createFakeBluetooth,
  type FakeBluetooth,
  type FakeBluetoothOptions,
  type LedgerBluetoothModel,
} from './createFakeBluetooth.js'

const bluetoothModels: readonly string[] = [
  'nanoX',
  'stax',
  'flex',
] satisfies LedgerBluetoothModel[]

/**
 * A fake `navigator.bluetooth` whose Ledger is `emulator` (a Nano X, Stax or Flex): install its
 * `bluetooth` as `navigator.bluetooth`. A dropped link unplugs and replugs the emulator, so the app
 * on it drops the flow in progress, as a real one does. TEST KEYS ONLY.
 */
export function createEmulatorBluetooth(
  emulator: LedgerEmulator,
  options: Omit<FakeBluetoothOptions, 'model' | 'exchange' | 'onLinkLost'> = {},
): FakeBluetooth {
  if (!bluetoothModels.includes(emulator.model))
    throw new InvalidEmulatorOptionError('model', `${emulator.model} (no Bluetooth)`)
  return createFakeBluetooth({
    ...options,
    model: emulator.model as LedgerBluetoothModel,
    exchange: async (apdu) => new Uint8Array(await emulator.transport.exchange(apdu as never)),
    onLinkLost: () => {
      void emulator.unplug().then(() => emulator.plug())
    },
  })
}
