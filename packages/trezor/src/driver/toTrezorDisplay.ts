import type { DeviceDisplay } from '@airlock/core'
import { compareVersions } from '@airlock/core/utils'
import type { Hex, TypedDataDefinition } from 'viem'
import { hexToBytes } from 'viem/utils'
import type { TrezorFeatures, TrezorTransaction } from '../types.js'
import { findTypedValueNotShown } from './findTypedValueNotShown.js'

/** How the Trezor will show a request, for the `confirm-on-device` status. */
export type TrezorDisplay = { display: DeviceDisplay; reason: string }

/** The device a display depends on: `Features.internal_model` and the firmware version. */
export type TrezorFirmware = { model: string | undefined; version: string }

export function toTrezorFirmware(features: TrezorFeatures): TrezorFirmware {
  const { internal_model, major_version, minor_version, patch_version } = features
  return {
    model: internal_model ?? undefined,
    version: `${major_version}.${minor_version}.${patch_version}`,
  }
}

const selectors = { transfer: '0xa9059cbb', approve: '0x095ea7b3' } as const

const blind = (reason: string): TrezorDisplay => ({ display: 'blind', reason })

/**
 * How the firmware shows a transaction, as Connect 9.7.3 sends it (network and token definitions,
 * no ERC-7730 display formats). No data: recipient and amount. ERC-20 `transfer` on the Core
 * models: recipient and amount, as "Unknown token", its contract and raw units when Connect found
 * no definition (on the Model One, without the contract: blind). ERC-20 `approve` on the Core models from 2.9.0: spender and amount. Anything else:
 * the calldata as raw bytes. Both calls count only in the shape the firmware decodes: 68 bytes, no
 * ETH sent, a clean address word (trezor-firmware legacy/firmware/ethereum.c
 * `ethereum_signing_handle_erc20`; core/src/apps/ethereum/sign_tx.py `_handle_erc20` in core/v2.9.0
 * to v2.11.0, `clear_signing.try_confirm` since v2.11.1). What the firmware also clear-signs for
 * a few contracts it knows (staking pools, some swaps and vaults) is reported blind: a refusal too
 * many, never a blind request let through.
 */
export function toTrezorTransactionDisplay(
  transaction: TrezorTransaction,
  firmware: TrezorFirmware | undefined,
): TrezorDisplay {
  const { data } = transaction
  if (!data || data === '0x') return { display: 'clear', reason: 'plain transfer' }
  // The firmware shows init code as raw data (sign_tx.py `_confirm_data_chunks`, ethereum.c
  // `layoutEthereumData`).
  if (!transaction.to) return blind('contract deployment code')
  const call = erc20Call(transaction)
  if (call === 'transfer') {
    // Without the token's definition (Connect fetches it from data.trezor.io; none offline) the
    // Model One shows "Send <raw units> Wei UNKN to <recipient>" and not the token contract
    // (legacy/firmware/ethereum.c `layoutEthereumConfirmTx`); the Core models warn "Unknown
    // token" and show the contract. Whether Connect sent a definition is not known here.
    if (!firmware) return blind('an ERC-20 transfer, for a firmware not known yet')
    if (isModelOne(firmware))
      return blind(
        'an ERC-20 transfer, which the Model One shows without the token contract when it has no definition of the token',
      )
    return { display: 'clear', reason: 'ERC-20 transfer' }
  }
  if (call === 'approve') {
    // trezor-firmware core/CHANGELOG.md 2.9.0: 'Ethereum "approve" flow' (#4542); the Model One
    // decodes only `transfer` (ethereum.c `ethereum_signing_handle_erc20`).
    if (!firmware) return blind('an ERC-20 approval, for a firmware not known yet')
    if (isModelOne(firmware))
      return blind('an ERC-20 approval, which the Model One shows as raw data')
    if (compareVersions(firmware.version, '2.9.0') < 0)
      return blind('an ERC-20 approval, which firmware before 2.9.0 shows as raw data')
    return { display: 'clear', reason: 'ERC-20 approval' }
  }
  return blind('contract data the device cannot decode')
}

/**
 * EIP-712: the Core models show every domain field, then the primary type with its field names and
 * every value behind "Show full message" (and each nested struct or array behind its own "Show
 * full"): core/src/apps/ethereum/sign_typed_data.py, layout.py. Clear when every value is shown as
 * it is: blind for text the fonts cannot draw and for values too long to read
 * (`findTypedValueNotShown`). The Model One shows a warning, "Unable to show EIP-712 data", then
 * the two hashes (legacy/firmware/fsm_msg_ethereum.h `fsm_msgEthereumSignTypedHash`).
 */
export function toTrezorTypedDataDisplay(
  firmware: TrezorFirmware,
  typedData: TypedDataDefinition,
): TrezorDisplay {
  if (isModelOne(firmware)) return blind('the Model One shows only the domain and message hashes')
  const notShown = findTypedValueNotShown(typedData)
  return notShown ? blind(notShown) : { display: 'clear', reason: 'EIP-712 fields' }
}

/**
 * How the firmware shows a `personal_sign` message. The Model One shows text only when every byte
 * is printable ASCII, else "Sign binary message?" and hex (legacy/firmware/fsm.c
 * `fsm_layoutSignMessage`, `is_valid_ascii`). The Core models show the message as text when it
 * decodes as UTF-8, else `hex(…)` (core/src/apps/common/signverify.py `decode_message`); their
 * fonts have glyphs for printable ASCII only and draw every other character as one placeholder
 * glyph (core/embed/rust/src/ui/display/font.rs `get_glyph_data`, English; a language pack adds
 * its letters, which we do not assume). So only printable ASCII, and line breaks on the Core
 * models, is shown as the text it is.
 */
export function toTrezorMessageDisplay(
  message: Hex,
  firmware: TrezorFirmware | undefined,
): TrezorDisplay {
  const bytes = hexToBytes(message)
  const shown = [...bytes].filter((byte) => !isPrintableAscii(byte))
  if (shown.length === 0) return { display: 'clear', reason: 'message text' }
  const hexReason = blind(
    `the device shows this message as ${bytes.length} bytes of hex${bytes.length === 32 ? ': it may be a hash' : ''}`,
  )
  if (firmware && isModelOne(firmware)) return hexReason
  const text = decodeUtf8(bytes)
  if (text === undefined) return hexReason
  if (!firmware) return blind('a message the device may show as hex or with placeholder glyphs')
  const unshown = [...text].filter((char) => char !== '\n' && !isPrintableAscii(char.charCodeAt(0)))
  if (unshown.length === 0) return { display: 'clear', reason: 'message text' }
  return blind(
    `the device shows ${unshown.length} of this message's characters as a placeholder glyph (only printable ASCII is drawn)`,
  )
}

/** Whether `toTrezorMessageDisplay` depends on the model: text beyond printable ASCII that is UTF-8. */
export function needsTrezorFirmwareForMessage(message: Hex): boolean {
  const bytes = hexToBytes(message)
  return bytes.some((byte) => !isPrintableAscii(byte)) && decodeUtf8(bytes) !== undefined
}

function isPrintableAscii(code: number): boolean {
  return code >= 0x20 && code <= 0x7e
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/** Whether `toTrezorTransactionDisplay` needs the firmware for this transaction. */
export function needsTrezorFirmware(transaction: TrezorTransaction): boolean {
  return erc20Call(transaction) !== undefined
}

/** `transfer` or `approve` in the one shape the firmware decodes, else `undefined`. */
function erc20Call(transaction: TrezorTransaction): keyof typeof selectors | undefined {
  const data = transaction.data?.toLowerCase()
  if (
    !transaction.to ||
    !data ||
    data.length !== 2 + 68 * 2 ||
    BigInt(transaction.value) !== 0n ||
    !/^0{24}$/.test(data.slice(10, 34))
  )
    return undefined
  const selector = data.slice(0, 10)
  return selector === selectors.transfer
    ? 'transfer'
    : selector === selectors.approve
      ? 'approve'
      : undefined
}

function isModelOne({ model, version }: TrezorFirmware): boolean {
  return model === 'T1B1' || version.startsWith('1.')
}
