import {
  type BlindSigningPolicy,
  createHardwareSigner,
  type HardwareSigner,
  lazyDriver,
} from '@airlock/core'
import { checkTransport } from './checkTransport.js'
import type { LedgerDescriptors, LedgerServicesOption } from './clearSigning/types.js'
import type { LedgerTransport, LedgerTypedDataMode } from './types.js'

export type CreateLedgerSignerOptions = {
  /**
   * How to reach the Ledger: `'webusb'`, `'webhid'`, `'web-ble'` (Bluetooth: Nano X, Stax,
   * Flex), `'node-hid'` (optional peer), `fromDeviceManagementKit(…)`, a factory
   * called again after a disconnect or an abort, or an open Transport used as it is.
   * @default 'webusb'
   */
  transport?: LedgerTransport | undefined
  /**
   * How long a call may wait for the device, user review included, in ms.
   * @default 300_000
   */
  timeout?: number | undefined
  /**
   * Let hw-app-eth fetch ERC-20, NFT, plugin and EIP-712 filter metadata from Ledger's services so
   * the device can clear-sign more. Off, nothing leaves the process.
   * @default false
   */
  clearSigning?: boolean | undefined
  /**
   * Ledger-signed ERC-7730 descriptors for your contracts (a module `airlock-ledger descriptors`
   * wrote): calls they describe are shown field by field on the device, with no request at signing
   * time. The device verifies every signature; one it refuses makes the call blind.
   */
  descriptors?: LedgerDescriptors | readonly LedgerDescriptors[] | undefined
  /**
   * Fetched mode, for wallets that cannot know the contracts ahead: ask Ledger's CAL (or `{ url }`)
   * for the descriptors of a call the bundled ones do not describe, at signing time, cached for the
   * session. A request carries the chain id, the called contract and the tokens its fields name;
   * never your address. Off by default: with it off, nothing leaves the process.
   * @default false
   */
  ledgerServices?: LedgerServicesOption | undefined
  /**
   * `'refuse'`: a request the Ledger would show only blind (raw contract data, EIP-712 hashes) ends
   * with `BlindSigningRefusedError` before it reaches the device.
   * @default 'allow'
   */
  blindSigning?: BlindSigningPolicy | undefined
}

/** A Ledger `HardwareSigner`, with the EIP-712 mode of its last typed-data request. */
export type LedgerSigner = HardwareSigner & {
  readonly source: 'ledger'
  /** How the last `signTypedData` was (or is being) shown: in full, or as two hashes, and why. */
  readonly typedDataMode: LedgerTypedDataMode | undefined
}

/**
 * Creates a `HardwareSigner` for a Ledger running the Ethereum app, on `@ledgerhq/hw-app-eth`
 * (loaded on first use). One request reaches the device at a time; errors are typed.
 */
export function createLedgerSigner(options: CreateLedgerSignerOptions = {}): LedgerSigner {
  checkTransport(options.transport)
  let typedDataMode: LedgerTypedDataMode | undefined
  // The driver loads with the Ledger SDK, on first device use.
  const driver = lazyDriver({ source: 'ledger', name: 'Ledger' }, async () => {
    const { createLedgerDriver } = await import('./driver/createLedgerDriver.js')
    return createLedgerDriver({
      ...options,
      onTypedDataMode: (mode) => {
        typedDataMode = mode
      },
    })
  })
  const signer = createHardwareSigner(driver, options)
  return Object.defineProperties(signer, {
    typedDataMode: { get: () => typedDataMode, enumerable: true },
  }) as LedgerSigner
}
