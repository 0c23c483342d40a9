import { bytesToHex, hashMessage, hexToBytes } from 'viem/utils'
import type { TrezorHandler } from '../workflow/workflow.js'
import { messageSignatureHex } from './ethereumSignature.js'

/** `EthereumSignMessage`: EIP-191 personal message signing. */
export const ethereumSignMessage: TrezorHandler = async ({ message }, workflow) => {
  const bytes = hexToBytes(`0x${message.message ?? ''}`)
  const address = workflow.keychain.ethereumAddress(message.address_n)
  await workflow.confirm('message', [
    { title: 'Address', value: address, code: 'ButtonRequest_Other', name: 'sign_message' },
    {
      title: 'Message',
      value: displayText(bytes),
      code: 'ButtonRequest_Other',
      name: 'sign_message',
    },
  ])
  const signature = workflow.sign(message.address_n, hexToBytes(hashMessage({ raw: bytes })))
  return {
    type: 'EthereumMessageSignature',
    message: { address, signature: messageSignatureHex(signature) },
  }
}

/** UTF-8 text when the bytes are printable UTF-8, hex otherwise (as the firmware does). */
export function displayText(bytes: Uint8Array): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we reject
    if (!/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text)) return text
  } catch {}
  return bytesToHex(bytes)
}
