import { bytesToHex, formatEther } from 'viem'
import type { EmulatorScreen } from '../../common/types.js'
import { networkFor } from './networks.js'
import type { DecodedTransaction, LedgerTransactionType } from './transaction.js'

const typeNames: Record<LedgerTransactionType, string> = {
  legacy: 'Legacy',
  eip2930: 'EIP-2930',
  eip1559: 'EIP-1559',
  eip7702: 'EIP-7702',
}

/**
 * What the device shows for a transaction: type, amount in the network's unit, recipient,
 * network, max fees, authorizations, and a blind-signing warning when the data is not clear-signed.
 * `clearSigned` replaces the amount/recipient screens when a plugin or token info explains the data.
 */
export function transactionScreens(
  tx: DecodedTransaction,
  clearSigned: readonly EmulatorScreen[] | undefined,
): EmulatorScreen[] {
  const network = networkFor(tx.chainId)
  const screens: EmulatorScreen[] = [{ title: 'Type', value: typeNames[tx.type] }]
  if (clearSigned) screens.push(...clearSigned)
  else {
    screens.push({ title: 'Amount', value: `${formatEther(tx.value)} ${network.ticker}` })
    screens.push({ title: 'To', value: tx.to ?? 'Contract creation' })
  }
  for (const auth of tx.authorizations) {
    screens.push({
      title: 'Authorization',
      value: `${auth.address} on ${auth.chainId === 0n ? 'All' : networkFor(auth.chainId).name}, nonce ${auth.nonce}`,
    })
  }
  screens.push({
    title: 'Network',
    value: tx.chainIdBytes.length ? network.name : 'Unknown (pre-EIP-155)',
  })
  screens.push({
    title: 'Max fees',
    value: `${formatEther(tx.maxFeePerGas * tx.gas)} ${network.ticker}`,
  })
  if (tx.data.length > 0 && !clearSigned) {
    screens.push({ title: 'Blind signing', value: 'This transaction cannot be clear-signed' })
    screens.push({
      title: 'Data',
      value: `${bytesToHex(tx.data.subarray(0, 4))}… (${tx.data.length} bytes)`,
    })
  }
  return screens
}

/**
 * What the device shows for a transaction an internal plugin (ERC-20) handles
 * (src/nbgl/ui_approve_tx.c:117-148): `From`, the plugin's screens, `Network` when the chain is not
 * Ethereum, `Max fees`. A plugin that fell back (unknown token) has no screens of its own and the
 * review opens with the blind-signing warning.
 */
export function pluginTransactionScreens(
  tx: DecodedTransaction,
  from: string,
  plugin: readonly EmulatorScreen[] | 'blind',
): EmulatorScreen[] {
  const network = networkFor(tx.chainId)
  const screens: EmulatorScreen[] = []
  if (plugin === 'blind') {
    screens.push({ title: 'Blind signing', value: 'This transaction cannot be clear-signed' })
  }
  screens.push({ title: 'From', value: from })
  if (plugin !== 'blind') screens.push(...plugin)
  if (tx.chainId !== 1n) screens.push({ title: 'Network', value: network.name })
  screens.push({
    title: 'Max fees',
    value: `${formatEther(tx.maxFeePerGas * tx.gas)} ${network.ticker}`,
  })
  return screens
}
