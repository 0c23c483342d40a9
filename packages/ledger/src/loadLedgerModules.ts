import type Transport from '@ledgerhq/hw-transport'
import { createLedgerEthApp, type LedgerEthApp, offlineLoadConfig } from './createLedgerEthApp.js'
import { createLedgerModules, type LedgerModules } from './createLedgerModules.js'
import { importLedgerPackage, unwrapDefault } from './importLedgerPackage.js'

export type { LedgerEthApp, LedgerModules }

let loadingModules: Promise<LedgerModules> | undefined
let loadingEthApp: Promise<LedgerEthApp> | undefined
let loadingEip712: Promise<LedgerEip712> | undefined

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

/** `@ledgerhq/hw-transport`, imported once, on first device use. A failed import is retried. */
export function loadLedgerModules(): Promise<LedgerModules> {
  loadingModules ??= retryable(
    async () => {
      const transport = await importLedgerPackage(
        '@ledgerhq/hw-transport',
        async () => (await import('./ledgerTransports.js')).transport,
      )
      return createLedgerModules({
        Transport: unwrapDefault<Parameters<typeof createLedgerModules>[0]['Transport']>(
          transport,
          isClass,
        ),
      })
    },
    () => {
      loadingModules = undefined
    },
  )
  return loadingModules
}

/** `@ledgerhq/hw-app-eth`, imported once, for full EIP-712 and clear signing. A failed import is retried. */
export function loadLedgerEthApp(): Promise<LedgerEthApp> {
  loadingEthApp ??= retryable(
    async () => {
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
    },
    () => {
      loadingEthApp = undefined
    },
  )
  return loadingEthApp
}

/**
 * hw-app-eth's EIP-712 module alone (about 40 kB gz of the 95 kB that hw-app-eth adds to the
 * transports), imported once, for full EIP-712 without `clearSigning`. A failed import is retried.
 */
export function loadLedgerEip712(): Promise<LedgerEip712> {
  loadingEip712 ??= retryable(
    async () => {
      const module = (await importLedgerPackage(
        '@ledgerhq/hw-app-eth/lib/modules/EIP712/index',
        async () => (await import('./ledgerEip712.js')).eip712,
      )) as Eip712Module
      return {
        signEIP712Message: (transport, path, message) =>
          module.signEIP712Message(transport, path, message, false, offlineLoadConfig),
      }
    },
    () => {
      loadingEip712 = undefined
    },
  )
  return loadingEip712
}

function isClass(candidate: unknown): boolean {
  return typeof candidate === 'function'
}

function retryable<value>(load: () => Promise<value>, reset: () => void): Promise<value> {
  return load().catch((error: unknown) => {
    reset()
    throw error
  })
}
