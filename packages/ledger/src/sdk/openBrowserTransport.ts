import type Transport from '@ledgerhq/hw-transport'
import { LedgerTransportUnavailableError } from '../errors.js'
import { openTransportPackage } from './openTransportPackage.js'

/** WebUSB or WebHID, both in the transports chunk; each needs its browser API and https. */
export async function openBrowserTransport(transport: 'webusb' | 'webhid'): Promise<Transport> {
  const api = transport === 'webusb' ? 'usb' : 'hid'
  if (!(globalThis.navigator as { usb?: unknown; hid?: unknown } | undefined)?.[api])
    throw new LedgerTransportUnavailableError({
      transport,
      reason: `navigator.${api} is missing: this is not a browser with ${transport === 'webusb' ? 'WebUSB' : 'WebHID'}, or the page is not https`,
    })
  const module = (await import('./browserTransports.js'))[transport]
  return openTransportPackage(module, `@ledgerhq/hw-transport-${transport}`)
}
