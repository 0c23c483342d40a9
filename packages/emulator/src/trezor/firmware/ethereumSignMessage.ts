import { bytesToHex, hashMessage, hexToBytes } from 'viem/utils'
import type { TrezorModel } from '../models.js'
import type { ConfirmScreen, TrezorHandler } from '../workflow/workflow.js'
import { messageSignatureHex } from './ethereumSignature.js'

/** `EthereumSignMessage`: EIP-191 personal message signing. */
export const ethereumSignMessage: TrezorHandler = async ({ message }, workflow) => {
  const bytes = hexToBytes(`0x${message.message ?? ''}`)
  const address = workflow.keychain.ethereumAddress(message.address_n)
  await workflow.confirm('message', [
    { title: 'Address', value: address, code: 'ButtonRequest_Other', name: 'sign_message' },
    { ...messageScreen(workflow.model, bytes), code: 'ButtonRequest_Other', name: 'sign_message' },
  ])
  const signature = workflow.sign(message.address_n, hexToBytes(hashMessage({ raw: bytes })))
  return {
    type: 'EthereumMessageSignature',
    message: { address, signature: messageSignatureHex(signature) },
  }
}

/**
 * The message as the device draws it. The Model One shows text only when every byte is printable
 * ASCII, else "Sign binary message?" and hex (trezor-firmware legacy/firmware/fsm.c
 * `fsm_layoutSignMessage`). The Core models show text when the bytes decode as UTF-8, else
 * `hex(…)` (core/src/apps/common/signverify.py `decode_message`), and draw every character outside
 * printable ASCII as the font's placeholder glyph, here U+FFFD (core/embed/rust/src/ui/display/
 * font.rs `get_glyph_data`, English); a line break breaks the line.
 */
export function messageScreen(model: TrezorModel, bytes: Uint8Array): ConfirmScreen {
  if (model === 'T1B1') {
    return bytes.every(isPrintableAscii)
      ? { title: 'Message', value: new TextDecoder().decode(bytes) }
      : { title: 'Binary message', value: bytesToHex(bytes).slice(2) }
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return { title: 'Message', value: `hex(${bytesToHex(bytes).slice(2)})` }
  }
  return { title: 'Message', value: drawText(text) }
}

/** `text` in the Core fonts: printable ASCII and line breaks as they are, the rest a placeholder. */
export function drawText(text: string): string {
  return [...text]
    .map((char) => (char === '\n' || isPrintableAscii(char.charCodeAt(0)) ? char : '\uFFFD'))
    .join('')
}

function isPrintableAscii(code: number): boolean {
  return code >= 0x20 && code <= 0x7e
}
