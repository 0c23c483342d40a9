import type { DeviceCapabilities, SignTypedDataRequest } from '@airlock/core'
import type { LedgerTypedDataMode } from '../types.js'
import { findFullModeObstacle } from './prepareTypedData.js'

/** Full EIP-712 where the app and model have it and the app can take the payload; hashed otherwise. */
export function chooseTypedDataMode(
  capabilities: DeviceCapabilities,
  typedData: SignTypedDataRequest['typedData'],
): LedgerTypedDataMode {
  if (capabilities.signTypedData !== 'full')
    return {
      mode: 'hashed',
      reason:
        capabilities.model === 'nanoS'
          ? 'the Nano S has no full EIP-712'
          : `Ethereum app ${capabilities.version} has no full EIP-712 (1.10.0 or later has)`,
    }
  const obstacle = findFullModeObstacle(typedData)
  return obstacle ? { mode: 'hashed', reason: obstacle } : { mode: 'full', reason: 'supported' }
}
