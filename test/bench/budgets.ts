import type { BundleSizes } from './measureBundles.js'

/** 1 kB = 1000 bytes, as the budgets and the bare-SDK figures in the issue are given. */
export const kB = 1000

/** What Airlock may add to a dApp before a device is picked: the eager bundle, a Next.js page load. */
export const eagerLimit = 8_000

export type Budget = {
  name: string
  /** Gzipped bytes measured. */
  actual: number
  /** Gzipped bytes allowed. */
  limit: number
  /** How the limit is set, for the message. */
  rule: string
  /** Whether `pnpm size` fails when it is exceeded; a target that is not met yet is only reported. */
  enforced: boolean
}

/**
 * The bundle-size budgets, enforced by `pnpm size` except the Trezor target (the bare SDK + 5 kB),
 * which is not met yet (see the README's "Performance"): it is reported, and a ceiling of the bare
 * SDK + 16.2 kB is enforced in its place, to catch regressions.
 */
export function bundleBudgets(sizes: BundleSizes): Budget[] {
  return [
    {
      name: 'Airlock eager (core, ledger, trezor, wagmi; viem and @wagmi/core external)',
      actual: sizes.eager.gzip,
      limit: eagerLimit,
      rule: '8 kB',
      enforced: true,
    },
    {
      name: 'Ledger picked (wagmi, WebUSB): connect and first signature',
      actual: sizes.ledgerOnConnect.gzip,
      limit: sizes.bareLedger.gzip + 5 * kB,
      rule: 'bare hw-app-eth + hw-transport-webusb + buffer + 5 kB',
      enforced: true,
    },
    {
      name: '… then a clear-signed USDC transfer adds (its token descriptors)',
      actual: sizes.ledgerClearErc20.gzip,
      limit: 3 * kB,
      rule: '3 kB',
      enforced: true,
    },
    {
      name: '… or a clear-signed Permit2 PermitSingle adds (filters lookup, its filters, tokens)',
      actual: sizes.ledgerClearPermit2.gzip,
      limit: 8 * kB,
      rule: '8 kB',
      enforced: true,
    },
    {
      name: '… or a call with a bundled ERC-7730 descriptor adds (the generic parser)',
      actual: sizes.ledgerClearCalldata.gzip,
      limit: 6 * kB,
      rule: '6 kB',
      enforced: true,
    },
    {
      name: "… or over Bluetooth, `transport: 'web-ble'` adds (hw-transport-web-ble)",
      actual: sizes.ledgerWebBle.gzip,
      limit: 16 * kB,
      rule: '16 kB',
      enforced: true,
    },
    {
      name: '… or on a DMK session, `fromDeviceManagementKit` adds (the app ships DMK)',
      actual: sizes.ledgerDmk.gzip,
      limit: 2 * kB,
      rule: '2 kB',
      enforced: true,
    },
    {
      name: 'Trezor picked (wagmi): connect and first signature',
      actual: sizes.trezorOnConnect.gzip,
      limit: sizes.bareTrezor.gzip + 5 * kB,
      rule: 'target: bare @trezor/connect-web + 5 kB',
      enforced: false,
    },
    {
      name: 'Trezor picked (wagmi): connect and first signature',
      actual: sizes.trezorOnConnect.gzip,
      // 16 kB until this version's checks on the connect path (1.7 kB gz together): the provider's
      // parameter validation and method allow-list, the Trezor display rules for messages, tokens and
      // typed data, the connectors' remedy messages and status events, and the `tslib` chunk a
      // bundler splits out of Connect's once `transport: 'web-ble'` (rxjs) shares it.
      limit: sizes.bareTrezor.gzip + 18 * kB,
      rule: 'ceiling: bare @trezor/connect-web + 18 kB',
      enforced: true,
    },
  ]
}

export function formatKb(bytes: number): string {
  return `${(bytes / kB).toFixed(1)} kB`
}
