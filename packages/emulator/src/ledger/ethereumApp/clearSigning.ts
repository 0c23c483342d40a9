import { type Address, bytesToHex, formatUnits, getAddress } from 'viem'
import type { EmulatorScreen } from '../../common/types.js'
import { readUintBE } from '../apdu/bytes.js'
import type { LedgerDevice, ProvidedInfo } from '../device.js'
import type { DecodedTransaction } from './transaction.js'

const transferSelector = '0xa9059cbb'
const approveSelector = '0x095ea7b3'

/**
 * Screens for contract data the app can clear-sign with what the host provided: an ERC-20
 * `transfer`/`approve` with PROVIDE ERC 20 TOKEN INFORMATION, or a call a plugin was set for.
 * `undefined` when the data can only be blind-signed.
 */
export function clearSignedScreens(
  device: LedgerDevice,
  tx: DecodedTransaction,
): EmulatorScreen[] | undefined {
  if (!tx.to || tx.data.length < 4) return undefined
  const selector = bytesToHex(tx.data.subarray(0, 4))
  const matches = (info: ProvidedInfo) => info.address === tx.to?.toLowerCase()
  const token = device.provided.find((info) => info.kind === 'erc20' && matches(info))
  if (
    token &&
    tx.data.length === 68 &&
    (selector === transferSelector || selector === approveSelector)
  ) {
    const target = getAddress(bytesToHex(tx.data.subarray(16, 36))) as Address
    const amount = `${formatUnits(readUintBE(tx.data.subarray(36, 68)), token.decimals ?? 0)} ${token.ticker}`
    return selector === transferSelector
      ? [
          { title: 'Amount', value: amount },
          { title: 'To', value: target },
        ]
      : [
          { title: 'Approve', value: amount },
          { title: 'Spender', value: target },
        ]
  }
  const plugin = device.provided.find(
    (info) => info.kind.endsWith('plugin') && matches(info) && info.selector === selector,
  )
  if (plugin) return [{ title: 'Plugin', value: plugin.ticker ?? 'plugin' }]
  return undefined
}
