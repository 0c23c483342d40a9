import type Transport from '@ledgerhq/hw-transport'
import { createLedgerEthApp, type LedgerEthApp, offlineLoadConfig } from './createLedgerEthApp.js'
import { createLedgerModules, type LedgerModules } from './createLedgerModules.js'
import { importLedgerPackage, unwrapDefault } from './importLedgerPackage.js'

export type { LedgerEthApp, LedgerModules }

type Eip712Module = typeof import('@ledgerhq/hw-app-eth/lib-es/modules/EIP712/index')
type EIP712Message = Parameters<Eip712Module['signEIP712Message']>[2]

/** hw-app-eth's full EIP-712 signing, offline: no filters or token metadata are fetched. */
export type LedgerEip712 = {
  signEIP712Message: (
    transport: Transport,
    path: string,
    message: EIP712Message,
  ) => Promise<{ v: number; r: string; s: string }>
}

/** `@ledgerhq/hw-transport`, imported on first device use. */
export const loadLedgerModules = once(async (): Promise<LedgerModules> => {
  const transport = await importLedgerPackage(
    '@ledgerhq/hw-transport',
    async () => (await import('./ledgerTransports.js')).transport,
  )
  type Base = Parameters<typeof createLedgerModules>[0]['Transport']
  return createLedgerModules({ Transport: unwrapDefault<Base>(transport, isClass) })
})

/** `@ledgerhq/hw-app-eth`, imported for clear signing (and full EIP-712 with it). */
export const loadLedgerEthApp = once(async (): Promise<LedgerEthApp> => {
  const app = await importLedgerPackage(
    '@ledgerhq/hw-app-eth',
    async () => (await import('./ledgerEthApp.js')).app,
  )
  type Sdk = Parameters<typeof createLedgerEthApp>[0]
  const hasEth = (candidate: unknown) =>
    typeof (candidate as { ledgerService?: unknown }).ledgerService === 'object'
  const module = unwrapDefault<{ default: Sdk['Eth']; ledgerService: Sdk['ledgerService'] }>(
    app,
    hasEth,
  )
  return createLedgerEthApp({
    Eth: unwrapDefault<Sdk['Eth']>(module.default, isClass),
    ledgerService: module.ledgerService,
  })
})

/**
 * hw-app-eth's EIP-712 module alone (about 60 kB gz of the 95 kB that all of hw-app-eth adds to the
 * transports), imported for full EIP-712 without `clearSigning`.
 */
export const loadLedgerEip712 = once(async (): Promise<LedgerEip712> => {
  const module = (await importLedgerPackage(
    '@ledgerhq/hw-app-eth/lib/modules/EIP712/index',
    async () => (await import('./ledgerEip712.js')).eip712,
  )) as Eip712Module
  return {
    signEIP712Message: (transport, path, message) =>
      module.signEIP712Message(transport, path, message, false, offlineLoadConfig),
  }
})

/** Runs `load` once and shares its result; a failed load is tried again on the next call. */
function once<value>(load: () => Promise<value>): () => Promise<value> {
  let loading: Promise<value> | undefined
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined
      throw error
    })
    return loading
  }
}

function isClass(candidate: unknown): boolean {
  return typeof candidate === 'function'
}
