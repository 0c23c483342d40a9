/**
 * An open connection to a Ledger, as Airlock uses it: every `@ledgerhq/hw-transport` Transport
 * (node-hid, WebUSB, WebHID, the emulator's) fits. Airlock's own type, so that an app's types do not
 * depend on how its TypeScript reads Ledger's CommonJS declarations (under `nodenext` their default
 * export is a namespace, not the class).
 */
export type OpenLedgerTransport = {
  exchange(apdu: Uint8Array): Promise<Uint8Array>
  close(): Promise<void>
  on?(eventName: 'disconnect', listener: () => void): void
  off?(eventName: 'disconnect', listener: () => void): void
  /** The model hw-transport's USB transports report (`id`: `nanoX`, `stax`, `europa` for Flex, …). */
  readonly deviceModel?: { readonly id: string } | null | undefined
}

/** A way to reach the Ledger, by name (`'web-ble'`: Bluetooth, in Chrome and Edge), as a factory called on each (re)connection, or as an open Transport. */
export type LedgerTransport =
  | 'webusb'
  | 'webhid'
  | 'web-ble'
  | 'node-hid'
  | (() => Promise<OpenLedgerTransport>)
  | OpenLedgerTransport

/** How the Ledger signs typed data: `full` shows every field, `hashed` only the two hashes. */
export type LedgerTypedDataMode = { mode: 'full' | 'hashed'; reason: string }
