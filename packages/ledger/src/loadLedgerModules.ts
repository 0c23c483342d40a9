import { createLedgerModules, type LedgerModules, type LedgerSdk } from './createLedgerModules.js'
import { importLedgerPackage, unwrapDefault } from './importLedgerPackage.js'

export type { LedgerModules }

let loading: Promise<LedgerModules> | undefined

/**
 * Imports `@ledgerhq/hw-app-eth` and `@ledgerhq/hw-transport` on first device use, so importing
 * `@airlock/ledger` stays small. They call the Node `Buffer` global, which browsers lack: it is set
 * from the `buffer` package first, unless the page already has one.
 */
export function loadLedgerModules(): Promise<LedgerModules> {
  loading ??= (async () => {
    const scope = globalThis as { Buffer?: unknown }
    if (typeof scope.Buffer === 'undefined') scope.Buffer = (await import('buffer')).Buffer
    const [app, transport] = await Promise.all([
      importLedgerPackage('@ledgerhq/hw-app-eth', () => import('@ledgerhq/hw-app-eth')),
      importLedgerPackage('@ledgerhq/hw-transport', () => import('@ledgerhq/hw-transport')),
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
