import { bytesToHex } from 'viem'
import type { EmulatorScreen } from '../../common/types.js'
import type { LedgerDevice, ProvidedInfo } from '../device.js'
import type { DecodedTransaction } from './transaction.js'

/**
 * Screens for contract data a plugin the host set (SET PLUGIN, SET EXTERNAL PLUGIN) explains.
 * ERC-20 `transfer`/`approve` go through the app's internal plugin instead (erc20Plugin.ts).
 * `undefined` when the data can only be blind-signed.
 */
export function clearSignedScreens(
  device: LedgerDevice,
  tx: DecodedTransaction,
): EmulatorScreen[] | undefined {
  if (!tx.to || tx.data.length < 4) return undefined
  const selector = bytesToHex(tx.data.subarray(0, 4))
  const matches = (info: ProvidedInfo) => info.address === tx.to?.toLowerCase()
  const plugin = device.provided.find(
    (info) => info.kind.endsWith('plugin') && matches(info) && info.selector === selector,
  )
  if (plugin) return [{ title: 'Plugin', value: plugin.ticker ?? 'plugin' }]
  return undefined
}
