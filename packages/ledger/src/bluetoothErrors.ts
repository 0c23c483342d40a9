import { BaseError } from '@airlock/core'

/** Why a Ledger could not be reached over Bluetooth. */
export type LedgerBluetoothFailure =
  | 'unavailable'
  | 'bluetooth-off'
  | 'unreachable'
  | 'pairing-failed'

const messages: Record<LedgerBluetoothFailure, [string, string[]]> = {
  unavailable: [
    'This browser cannot reach a Ledger over Bluetooth.',
    [
      'Use Chrome or Edge on desktop or Android, over https (Web Bluetooth); Firefox, Safari and iOS browsers have none.',
      "Or connect the Ledger with a cable and use `transport: 'webusb'`.",
    ],
  ],
  'bluetooth-off': [
    'Bluetooth is off or missing on this computer or phone.',
    ['Turn Bluetooth on in the system settings, then try again.'],
  ],
  unreachable: [
    'The Ledger did not answer over Bluetooth.',
    [
      'Wake the Ledger (press a button or tap the screen) and unlock it; it stops Bluetooth while asleep.',
      'Bring it within a few metres, check that Bluetooth is on in its settings, then try again.',
    ],
  ],
  'pairing-failed': [
    'Pairing with the Ledger over Bluetooth failed.',
    [
      'Confirm the pairing code on the Ledger and on this computer or phone when they ask.',
      'If they were paired before, remove the Ledger from the system Bluetooth settings and this device from the Ledger (Settings > Bluetooth), then connect again.',
    ],
  ],
}

export type LedgerBluetoothErrorType = LedgerBluetoothError & { name: 'LedgerBluetoothError' }
/** The Ledger could not be reached over Web Bluetooth (`transport: 'web-ble'`); `failure` says why. */
export class LedgerBluetoothError extends BaseError {
  readonly failure: LedgerBluetoothFailure
  constructor({ failure, cause }: { failure: LedgerBluetoothFailure; cause?: unknown }) {
    const [message, metaMessages] = messages[failure]
    super(message, {
      cause,
      metaMessages,
      name: 'LedgerBluetoothError',
      rpcCode: failure === 'unreachable' ? 4900 : -32002,
    })
    this.failure = failure
  }
}

/** The remedy when the Bluetooth link drops mid-request (with `DeviceDisconnectedError`). */
export const bluetoothLinkLostRemedy = [
  'The Bluetooth link to the Ledger dropped before it answered: nothing was signed.',
  'Keep the Ledger close and awake, then try again; Airlock reconnects without the picker.',
]
