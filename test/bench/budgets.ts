import type { BundleSizes } from './measureBundles.js'

/** 1 kB = 1000 bytes, as the budgets and the bare-SDK figures in the issue are given. */
export const kB = 1000

export type Budget = {
  name: string
  /** Gzipped bytes measured. */
  actual: number
  /** Gzipped bytes allowed. */
  limit: number
  /** How the limit is set, for the message. */
  rule: string
}

/** The bundle-size budgets: eager cost beyond viem, and on-connect cost against the bare SDKs. */
export function bundleBudgets(sizes: BundleSizes): Budget[] {
  return [
    {
      name: 'Airlock eager (core, ledger, trezor, wagmi; viem and @wagmi/core external)',
      actual: sizes.eager.gzip,
      limit: 8 * kB,
      rule: '8 kB',
    },
    {
      name: 'Ledger on connect (WebUSB)',
      actual: sizes.ledgerOnConnect.gzip,
      limit: sizes.bareLedger.gzip + 5 * kB,
      rule: 'bare hw-app-eth + hw-transport-webusb + buffer + 5 kB',
    },
    {
      name: 'Trezor on connect',
      actual: sizes.trezorOnConnect.gzip,
      limit: sizes.bareTrezor.gzip + 5 * kB,
      rule: 'bare @trezor/connect-web + 5 kB',
    },
  ]
}

export function formatKb(bytes: number): string {
  return `${(bytes / kB).toFixed(1)} kB`
}
