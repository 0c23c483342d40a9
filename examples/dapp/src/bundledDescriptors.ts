import type { LedgerDescriptors } from '@airlock/ledger'

/**
 * The descriptors this page bundles for its own contract (the Counter): written ahead of time by
 * `airlock-ledger descriptors` (`pnpm descriptors:update`), so signing makes no request. They load
 * with the Ledger code, on connect, never with the page. TEST signatures: an emulator given the
 * test PKI root shows the Counter call in clear, a real Ledger refuses them and it goes blind.
 */
export async function loadBundledDescriptors(): Promise<LedgerDescriptors> {
  return (await import('./counterDescriptors.generated.js')).descriptors
}
