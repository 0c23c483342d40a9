import type Transport from '@ledgerhq/hw-transport'

/** A way to reach the Ledger, by name (`'web-ble'`: Bluetooth, in Chrome and Edge), as a factory called on each (re)connection, or as an open Transport. */
export type LedgerTransport =
  | 'webusb'
  | 'webhid'
  | 'web-ble'
  | 'node-hid'
  | (() => Promise<Transport>)
  | Transport

/** How the Ledger signs typed data: `full` shows every field, `hashed` only the two hashes. */
export type LedgerTypedDataMode = { mode: 'full' | 'hashed'; reason: string }
