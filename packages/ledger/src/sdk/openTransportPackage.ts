import type Transport from '@ledgerhq/hw-transport'
import { findSdkExport } from './findSdkExport.js'

/** A transport class that opens itself: `TransportWebUSB`, `TransportWebHID`, `TransportNodeHid`. */
type OpenableTransport = { create: () => Promise<Transport> }

/** Opens a Transport with the `create()` of a transport package (`module`, as imported). */
export function openTransportPackage(module: unknown, packageName: string): Promise<Transport> {
  return findSdkExport<OpenableTransport>(
    module,
    (candidate) => typeof (candidate as Partial<OpenableTransport>).create === 'function',
    packageName,
  ).create()
}
