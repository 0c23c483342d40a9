import type { ByteArray, Hex } from 'viem'
import { bytesToBigInt, bytesToHex, getAddress } from 'viem/utils'
import type { ConfirmScreen, TrezorWorkflow } from '../workflow/workflow.js'
import { isFirmwareAtLeast } from './firmwareVersion.js'

const transfer = 'a9059cbb'
const approve = '095ea7b3'

/** What the firmware uses for a token it has no definition of: amounts in raw units. */
const unknownTokenSymbol = 'Wei UNKN'

/**
 * The screens for an ERC-20 `transfer` or `approve` the firmware decodes, or `undefined` when it
 * shows the calldata as raw bytes. The shape it decodes: 68 bytes, no ETH sent, an address word with
 * 12 zero bytes (not checked by release builds before 2.11.1) (trezor-firmware legacy/firmware/ethereum.c `ethereum_signing_handle_erc20`;
 * core/src/apps/ethereum/sign_tx.py `_handle_erc20` up to 2.11.0, `clear_signing.try_confirm` with
 * `TRANSFER_DISPLAY_FORMAT`/`APPROVE_DISPLAY_FORMAT` since 2.11.1). `approve` on the Core models from
 * 2.9.0; the Model One decodes `transfer` only.
 *
 * Connect sends a token's definition (ticker, decimals, signed by SatoshiLabs) when it could fetch it
 * from data.trezor.io; the emulator's Connect fetches nothing, so every token is the firmware's
 * `UNKNOWN_TOKEN`: the Core models warn "Unknown token" and show its contract, then the amount in raw
 * units ("Wei UNKN"); the Model One shows the amount in raw units and the recipient, not the contract.
 */
export function tokenCallScreens(
  workflow: Pick<TrezorWorkflow, 'model' | 'firmware'>,
  contract: Hex,
  value: bigint,
  data: ByteArray,
): ConfirmScreen[] | undefined {
  if (contract === '0x' || value !== 0n || data.length !== 68) return undefined
  const selector = bytesToHex(data.subarray(0, 4)).slice(2)
  const modelOne = workflow.model === 'T1B1'
  if (selector !== transfer && (selector !== approve || modelOne)) return undefined
  if (selector === approve && !isFirmwareAtLeast(workflow.firmware, '2.9.0')) return undefined
  // Before 2.11.1 the Core firmware only `assert`s the padding, and release builds strip asserts
  // (core/SConscript.firmware: `mpy-cross -O3` for PYOPT=1): the low 20 bytes are the address.
  const dirty = data.subarray(4, 16).some((byte) => byte !== 0)
  if (dirty && (modelOne || isFirmwareAtLeast(workflow.firmware, '2.11.1'))) return undefined
  const party = getAddress(bytesToHex(data.subarray(16, 36)))
  const amountWord = data.subarray(36, 68)
  const amount = `${groupDigits(bytesToBigInt(amountWord))} ${unknownTokenSymbol}`
  if (modelOne) {
    return [
      { title: 'Recipient', value: party, code: 'ButtonRequest_SignTx' },
      { title: 'Amount', value: amount, code: 'ButtonRequest_SignTx' },
    ]
  }
  const unknownToken: ConfirmScreen[] = [
    {
      title: 'Unknown token',
      value: 'Unknown contract address',
      code: 'ButtonRequest_SignTx',
      name: 'unknown_token',
    },
    {
      title: 'Token contract',
      value: getAddress(contract),
      code: 'ButtonRequest_SignTx',
      name: 'unknown_token',
    },
  ]
  if (selector === transfer) {
    return [
      ...unknownToken,
      { title: 'Recipient', value: party, code: 'ButtonRequest_ConfirmOutput' },
      { title: 'Amount', value: amount },
    ]
  }
  return [
    ...unknownToken,
    { title: 'Approve to', value: party, code: 'ButtonRequest_ConfirmOutput' },
    { title: 'Amount', value: isUnlimited(workflow.firmware, amountWord) ? 'Unlimited' : amount },
  ]
}

/**
 * "Unlimited": every bit set up to 2.11.0 (`_handle_erc20`), above 2^255 since 2.11.1
 * (`APPROVE_DISPLAY_FORMAT` threshold).
 */
function isUnlimited(firmware: string, word: ByteArray): boolean {
  return isFirmwareAtLeast(firmware, '2.11.1')
    ? bytesToBigInt(word) > 2n ** 255n
    : word.every((byte) => byte === 0xff)
}

/** `format_amount(value, 0)`: thousands grouped with commas. */
function groupDigits(value: bigint): string {
  return value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
