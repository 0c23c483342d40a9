import type Transport from '@ledgerhq/hw-transport'
import { LedgerTransportUnavailableError } from '../errors.js'
import { importLedgerPackage } from './importLedgerPackage.js'
import { openTransportPackage } from './openTransportPackage.js'

// A variable specifier keeps bundlers from resolving this Node-only optional peer.
const nodeHidPackage = '@ledgerhq/hw-transport-node-hid'

/** A USB Ledger in Node, through the optional peer `@ledgerhq/hw-transport-node-hid`. */
export async function openNodeHidTransport(): Promise<Transport> {
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
  return openTransportPackage(module, nodeHidPackage)
}
