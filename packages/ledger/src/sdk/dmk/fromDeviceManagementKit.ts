import type { OpenLedgerTransport } from '../../types.js'
import type { FromDeviceManagementKitParameters } from './types.js'

export type { FromDeviceManagementKitParameters }

/**
 * A `transport` for `toLedgerAccount`, `createLedgerSigner` and `ledger()` over a session the app
 * holds in Ledger's Device Management Kit, whatever its transport kit (WebHID, Web Bluetooth,
 * node-hid, React Native). Each Airlock call runs as one DMK device action, so neither the
 * session refresher nor the app's own DMK calls interleave with its APDUs. Airlock never closes
 * the session: it is the app's.
 */
export function fromDeviceManagementKit(
  parameters: FromDeviceManagementKitParameters,
): () => Promise<OpenLedgerTransport> {
  return async () => (await import('./openDmkTransport.js')).openDmkTransport(parameters)
}
