import type { BlindSigningPolicy, PathScheme } from '@airlock/core'
import type { Address } from 'viem'

/** The devices the plugin signs on. */
export type DeviceKind = 'ledger' | 'trezor'

/**
 * One device account of a network: by account index and path scheme, by derivation path, or by
 * address (found by a bounded search over the device's first accounts).
 */
export type DeviceAccountConfig =
  | {
      device: DeviceKind
      index: number
      /** @default 'ledgerLive' on a Ledger, 'bip44' on a Trezor */
      scheme?: PathScheme | undefined
    }
  | { device: DeviceKind; path: string }
  | { device: DeviceKind; address: Address }

/** How to reach the Ledger (the options of `createLedgerSigner`, `@airlock/ledger`). */
export type AirlockLedgerConfig = {
  /**
   * `'node-hid'` (needs `@ledgerhq/hw-transport-node-hid`), a factory returning an open
   * `@ledgerhq/hw-transport` Transport, or an open Transport.
   * @default 'node-hid'
   */
  transport?: 'node-hid' | (() => Promise<object>) | object | undefined
  /** How long a call may wait for the device, user review included, in ms. */
  timeout?: number | undefined
  blindSigning?: BlindSigningPolicy | undefined
}

/** How to reach the Trezor (the options of `createTrezorSigner`, `@airlock/trezor`). */
export type AirlockTrezorConfig = {
  /** Required by Trezor Connect unless `connect` is given: who is asking. */
  manifest?: { appName: string; appUrl: string; email: string } | undefined
  /** An initialised `@trezor/connect` to use instead of loading one. */
  connect?: object | undefined
  timeout?: number | undefined
  blindSigning?: BlindSigningPolicy | undefined
}

/**
 * In-process emulators (`@airlock/emulator`) instead of devices, for tests. Test keys only.
 * Their default mnemonic is Hardhat's own (`test test … junk`): give another one, or the node
 * unlocks the same accounts and the plugin refuses to start.
 */
export type AirlockEmulatorConfig = {
  mnemonic?: string | undefined
  /** Further options of `createLedgerEmulator` (e.g. `{ blindSigning: true }` for deployments). */
  ledger?: Record<string, unknown> | undefined
  /** Further options of `createTrezorEmulator`. */
  trezor?: Record<string, unknown> | undefined
}

/** The `airlock` field of a Hardhat network. */
export type AirlockNetworkUserConfig = {
  /** The device accounts this network signs with, listed first by `eth_accounts`. */
  accounts: readonly DeviceAccountConfig[]
  ledger?: AirlockLedgerConfig | undefined
  trezor?: AirlockTrezorConfig | undefined
  emulator?: AirlockEmulatorConfig | undefined
  /**
   * How many accounts per scheme (bip44, legacy, Ledger Live) an `address` account is searched in.
   * @default 20
   */
  searchLimit?: number | undefined
}
