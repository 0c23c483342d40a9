import { createLedgerModules, type LedgerModules, type LedgerSdk } from './createLedgerModules.js'
import { importLedgerPackage, unwrapDefault } from './importLedgerPackage.js'

export type { LedgerModules }

let loading: Promise<LedgerModules> | undefined

/**
 * Imports `@ledgerhq/hw-app-eth` and `@ledgerhq/hw-transport` on first device use, so importing
 * `@airlock/ledger` stays small. In browsers they arrive in one chunk (`ledgerSdk.ts`), with the
 * `Buffer` global they need set from the `buffer` package unless the page already has one.
 */
export function loadLedgerModules(): Promise<LedgerModules> {
  loading ??= (async () => {
    const [app, transport] = await Promise.all([
      importLedgerPackage('@ledgerhq/hw-app-eth', async () => (await import('./ledgerSdk.js')).app),
      importLedgerPackage(
        '@ledgerhq/hw-transport',
        async () => (await import('./ledgerSdk.js')).transport,
      ),
    ])
    const isClass = (candidate: unknown) => typeof candidate === 'function'
    const hasEth = (candidate: unknown) =>
      typeof (candidate as { ledgerService?: unknown }).ledgerService === 'object'
    const appModule = unwrapDefault<{
      default: LedgerSdk['Eth']
      ledgerService: LedgerSdk['ledgerService']
    }>(app, hasEth)
    return createLedgerModules({
      Eth: unwrapDefault<LedgerSdk['Eth']>(appModule.default, isClass),
      ledgerService: appModule.ledgerService,
      Transport: unwrapDefault<LedgerSdk['Transport']>(transport, isClass),
    })
  })().catch((error: unknown) => {
    loading = undefined
    throw error
  })
  return loading
}
