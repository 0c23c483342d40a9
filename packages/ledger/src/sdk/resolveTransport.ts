import { checkTransport } from '../checkTransport.js'
import type { LedgerTransport, OpenLedgerTransport } from '../types.js'
import { openBrowserTransport } from './openBrowserTransport.js'
import { openNodeHidTransport } from './openNodeHidTransport.js'

/** How to reach the device: an open Transport used as it is, or a way to open a new one. */
export type TransportRecipe =
  | { instance: OpenLedgerTransport; open?: undefined }
  | { instance?: undefined; open: () => Promise<OpenLedgerTransport> }

/**
 * The connection recipe for a `transport` option: an open Transport is used as it is (and never
 * closed by Airlock); names and factories open a new one on each (re)connection.
 */
export function resolveTransport(transport: LedgerTransport = 'webusb'): TransportRecipe {
  checkTransport(transport)
  if (typeof transport === 'function') return { open: transport }
  if (transport === 'webusb' || transport === 'webhid')
    return { open: () => openBrowserTransport(transport) }
  if (transport === 'node-hid') return { open: openNodeHidTransport }
  if (transport === 'web-ble') {
    // One opener per connection recipe: it remembers the device for reconnections without a picker.
    let opener: Promise<() => Promise<OpenLedgerTransport>> | undefined
    return {
      open: async () => {
        opener ??= import('./webBle/openWebBleTransport.js').then((module) =>
          module.createWebBleOpener(),
        )
        return (await opener)()
      },
    }
  }
  return { instance: transport }
}
