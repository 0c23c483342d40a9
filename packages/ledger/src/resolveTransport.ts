import type Transport from '@ledgerhq/hw-transport'
import { checkTransport } from './checkTransport.js'
import { LedgerTransportUnavailableError } from './errors.js'
import { importLedgerPackage, unwrapDefault } from './importLedgerPackage.js'

/** A way to reach the Ledger, by name, as a factory called on each (re)connection, or as an open Transport. */
export type LedgerTransport =
  | 'webusb'
  | 'webhid'
  | 'node-hid'
  | (() => Promise<Transport>)
  | Transport

/**
 * The connection recipe for a `transport` option: an open Transport is used as it is (and never
 * closed by Airlock); names and factories open a new one on each (re)connection.
 */
export function resolveTransport(
  transport: LedgerTransport = 'webusb',
):
  | { instance: Transport; open?: undefined }
  | { instance?: undefined; open: () => Promise<Transport> } {
  checkTransport(transport)
  if (typeof transport === 'function') return { open: transport }
  if (transport === 'webusb' || transport === 'webhid')
    return { open: () => openBrowserTransport(transport) }
  if (transport === 'node-hid') return { open: openNodeHid }
  return { instance: transport }
}

/** WebUSB or WebHID, both in the transports chunk; each needs its browser API and https. */
async function openBrowserTransport(transport: 'webusb' | 'webhid'): Promise<Transport> {
  const api = transport === 'webusb' ? 'usb' : 'hid'
  if (!(globalThis.navigator as { usb?: unknown; hid?: unknown } | undefined)?.[api])
    throw new LedgerTransportUnavailableError({
      transport,
      reason: `navigator.${api} is missing: this is not a browser with ${transport === 'webusb' ? 'WebUSB' : 'WebHID'}, or the page is not https`,
    })
  const module = (await import('./ledgerTransports.js'))[transport]
  return unwrapDefault<OpenableTransport>(module, isOpenable).create()
}

// A variable specifier keeps bundlers from resolving this Node-only optional peer.
const nodeHidPackage = '@ledgerhq/hw-transport-node-hid'

async function openNodeHid(): Promise<Transport> {
  let module: unknown
  try {
    module = await importLedgerPackage(
      nodeHidPackage,
      () => import(/* webpackIgnore: true */ /* @vite-ignore */ nodeHidPackage),
    )
  } catch (cause) {
    throw new LedgerTransportUnavailableError({
      transport: 'node-hid',
      reason: `${nodeHidPackage} (an optional peer of @airlock/ledger) could not be loaded`,
      cause,
    })
  }
  return unwrapDefault<OpenableTransport>(module, isOpenable).create()
}

type OpenableTransport = { create: () => Promise<Transport> }

function isOpenable(candidate: unknown): boolean {
  return typeof (candidate as { create?: unknown } | undefined)?.create === 'function'
}
