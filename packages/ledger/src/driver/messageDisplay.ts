import { type Hex, hexToBytes } from 'viem'
import type { Display } from './transactionDisplay.js'

/**
 * How the Ethereum app shows a personal message (app-ethereum `cmd_sign_message.c`,
 * `final_process`): as text when every byte is `isprint` or `isspace` in the C locale (0x20-0x7E,
 * 0x09-0x0D), else as `0x` and hex. Text is clear; hex is blind, since the user cannot read it: a
 * 32-byte one is typically a hash signed in place of what it hashes (a Safe transaction, an order).
 */
export function messageDisplay(message: Hex): Display {
  const bytes = hexToBytes(message)
  if (bytes.every(isPrintableOrSpace)) return { display: 'clear', reason: 'the message text' }
  const size = `${bytes.length} byte${bytes.length === 1 ? '' : 's'}`
  return {
    display: 'blind',
    reason: `the device shows this message as ${size} of hex${bytes.length === 32 ? ': it may be a hash' : ''}`,
  }
}

function isPrintableOrSpace(byte: number): boolean {
  return (byte >= 0x20 && byte <= 0x7e) || (byte >= 0x09 && byte <= 0x0d)
}
