import { type Address, bytesToHex, formatUnits, getAddress } from 'viem'
import type { EmulatorScreen } from '../../common/types.js'
import { readUintBE } from '../apdu/bytes.js'
import { StatusWord } from '../apdu/statusWords.js'
import { ApduStatusError } from '../errors.js'
import { type TokenSlots, tokenAt, tokenIndexByAddress } from './tokenSlots.js'
import type { DecodedTransaction } from './transaction.js'

const selectors = { '0xa9059cbb': 'transfer', '0x095ea7b3': 'approve' } as const

// The plugin buffers at most two 32-byte words after `amount` (src/plugins/erc20/erc20_plugin.c:21).
const maxExtraData = 64
const maxUint256 = (1n << 256n) - 1n

/**
 * What the app's internal ERC-20 plugin (src/plugins/erc20/erc20_plugin.c) makes of a call:
 * `undefined` when the selector is neither `transfer` nor `approve` (any contract address matches),
 * `blind` when no descriptor for `tx.to` was provided (ETH_PLUGIN_RESULT_FALLBACK: the generic
 * blind-signing policy applies), or the plugin's screens.
 */
export type Erc20PluginResult =
  | undefined
  | { readonly kind: 'blind' }
  | { readonly kind: 'clear'; readonly screens: readonly EmulatorScreen[] }

/**
 * Runs the ERC-20 plugin on `tx`. Throws 0x6A80 where the plugin errors: a non-zero ETH value
 * (erc20_plugin.c:44-47) or more than 64 bytes after the amount (erc20_plugin.c:113-117).
 */
export function erc20Plugin(tokens: TokenSlots, tx: DecodedTransaction): Erc20PluginResult {
  if (!tx.to || tx.data.length < 4) return undefined
  const operation = selectors[bytesToHex(tx.data.subarray(0, 4)) as keyof typeof selectors]
  if (!operation) return undefined
  if (tx.value !== 0n) {
    throw new ApduStatusError(StatusWord.incorrectData, 'ERC-20 call with an ETH value')
  }
  const extra = tx.data.subarray(Math.min(68, tx.data.length))
  if (extra.length > maxExtraData) {
    throw new ApduStatusError(StatusWord.incorrectData, 'ERC-20 extra data too long')
  }
  const token = tokenAt(tokens, tokenIndexByAddress(tokens, tx.to))
  if (!token) return { kind: 'blind' }
  const args = new Uint8Array(64)
  args.set(tx.data.subarray(4, 68))
  const target = getAddress(bytesToHex(args.subarray(12, 32))) as Address
  const amount = readUintBE(args.subarray(32, 64))
  const transfer = operation === 'transfer'
  const screens: EmulatorScreen[] = [
    { title: transfer ? 'Send' : 'Approve', value: formatTokenAmount(amount, token) },
    { title: transfer ? 'To' : 'Approve to', value: target },
  ]
  if (extra.length > 0) screens.push({ title: 'Extra Data', value: formatExtraData(extra) })
  return { kind: 'clear', screens }
}

/**
 * `amountToString` with the token's decimals and ticker after the amount (since app 1.20.0),
 * trailing zeros dropped; `Unlimited TICKER` for 2^256 - 1 (erc20_plugin.c:204-206).
 */
export function formatTokenAmount(
  amount: bigint,
  token: { readonly ticker: string; readonly decimals: number },
): string {
  if (amount === maxUint256) return `Unlimited ${token.ticker}`
  return `${formatUnits(amount, token.decimals)} ${token.ticker}`
}

// Printable ASCII shows as text, anything else as 0x-hex (erc20_plugin.c:247-272).
function formatExtraData(extra: Uint8Array): string {
  const printable = extra.every((byte) => byte >= 0x20 && byte <= 0x7e)
  return printable ? new TextDecoder().decode(extra) : bytesToHex(extra)
}
