import type { DeviceDisplay } from '@airlock/core'
import { compareVersions } from '@airlock/core/utils'
import type { Hex } from 'viem'
import { hexToString, stringToHex } from 'viem/utils'
import type { TrezorFeatures, TrezorSignTypedDataParameters, TrezorTransaction } from '../types.js'
import { findTypedValueNotShown } from './findTypedValueNotShown.js'
import { notDrawn } from './notDrawn.js'

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
  if (call) {
    const name = `an ERC-20 ${call === 'transfer' ? 'transfer' : 'approval'}`
    // Without the token's definition (Connect fetches it from data.trezor.io) the Model One shows
    // "Send <raw units> Wei UNKN to <recipient>", not the token contract (legacy/firmware/
    // ethereum.c `layoutEthereumConfirmTx`), and decodes no `approve` (`ethereum_signing_handle_
    // erc20`); the Core models warn "Unknown token" and show the contract. Whether Connect sent a
    // definition is not known here. `approve` on the Core models: core/CHANGELOG.md 2.9.0,
    // 'Ethereum "approve" flow' (#4542).
    if (isModelOne(firmware))
      return blind(
        `${name}, which the Model One shows ${call === 'transfer' ? 'without the token contract' : 'as raw data'}`,
      )
    if (call === 'approve' && compareVersions(firmware!.version, '2.9.0') < 0)
      return blind(`${name}, which firmware before 2.9.0 shows as raw data`)
    return { display: 'clear', reason: name.slice(3) }
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
  typedData: TrezorSignTypedDataParameters['data'],
): TrezorDisplay {
  return isModelOne(firmware)
    ? blind('the Model One shows only the domain and message hashes')
    : (findTypedValueNotShown(typedData) ?? { display: 'clear', reason: 'EIP-712 fields' })
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
  const text = hexToString(message)
  // Not UTF-8 (or a byte-order mark, which the decoder drops): the text does not encode back.
  if (
    stringToHex(text) !== message.toLowerCase() ||
    (isModelOne(firmware) && /[^ -~]/.test(text))
  ) {
    const size = (message.length - 2) / 2
    return blind(
      `the device shows this message as ${size} bytes of hex${size === 32 ? ': it may be a hash' : ''}`,
    )
  }
  return notDrawn(text) ?? { display: 'clear', reason: 'message text' }
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

/** The Model One; a firmware not known (yet) counts as one, the model that shows least. */
function isModelOne(firmware: TrezorFirmware | undefined): boolean {
  return !firmware || firmware.model === 'T1B1' || firmware.version.startsWith('1.')
}
