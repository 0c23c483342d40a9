import { describeValue } from '@airlock/core'
import { LedgerTransportUnavailableError } from './errors.js'
import type { LedgerTransport, OpenLedgerTransport } from './types.js'

/** Throws `LedgerTransportUnavailableError` unless `transport` is a `LedgerTransport`. */
export function checkTransport(transport: LedgerTransport = 'webusb'): void {
  if (
    typeof transport === 'function' ||
    transport === 'webusb' ||
    transport === 'webhid' ||
    transport === 'web-ble' ||
    transport === 'node-hid' ||
    (transport && typeof (transport as OpenLedgerTransport).exchange === 'function')
  )
    return
  throw new LedgerTransportUnavailableError({
    transport: describeValue(transport),
    reason:
      "`transport` must be 'webusb', 'webhid', 'node-hid', a Transport or a function returning one",
  })
}
