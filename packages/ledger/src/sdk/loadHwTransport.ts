import { loadOnce } from '@airlock/core/utils'
import type Transport from '@ledgerhq/hw-transport'
import { type CallTransportClass, defineCallTransport } from './defineCallTransport.js'
import { findSdkExport, isClass } from './findSdkExport.js'
import { importLedgerPackage } from './importLedgerPackage.js'

/** What the driver uses of `@ledgerhq/hw-transport`. */
export type HwTransport = {
  /** A Transport over the connected one for one call; inert once `signal` aborts. */
  CallTransport: CallTransportClass
  /** The `Buffer` hw-transport uses (the global, set from the `buffer` package in browsers). */
  Buffer: typeof Buffer
}

/** `@ledgerhq/hw-transport`, imported on first device use (with the browser transports). */
export const loadHwTransport: () => Promise<HwTransport> = loadOnce(async () => {
  const module = await importLedgerPackage(
    '@ledgerhq/hw-transport',
    async () => (await import('./browserTransports.js')).transport,
  )
  const BaseTransport = findSdkExport<typeof Transport>(module, isClass, '@ledgerhq/hw-transport')
  return {
    CallTransport: defineCallTransport(BaseTransport),
    Buffer: (globalThis as unknown as { Buffer: typeof Buffer }).Buffer,
  }
})
