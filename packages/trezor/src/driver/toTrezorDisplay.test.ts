import { keccak256, stringToHex } from 'viem'
import { describe, expect, test } from 'vitest'
import type { TrezorTransaction } from '../types.js'
import {
  type TrezorFirmware,
  toTrezorFirmware,
  toTrezorMessageDisplay,
  toTrezorTransactionDisplay,
  toTrezorTypedDataDisplay,
} from './toTrezorDisplay.js'

const token = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48'
const recipient = '70997970c51812dc3a010c7d01b50e0d17dc79c8'
const word = (hex: string) => hex.padStart(64, '0')
const transfer = `0xa9059cbb${word(recipient)}${word('0de0b6b3a7640000')}`
const approve = `0x095ea7b3${word(recipient)}${word('ff')}`

const tx = (fields: Partial<TrezorTransaction>): TrezorTransaction => ({
  to: token,
  value: '0x0',
  gasPrice: '0x1',
  gasLimit: '0x5208',
  nonce: '0x0',
  chainId: 1,
  ...fields,
})

const safe5: TrezorFirmware = { model: 'T3T1', version: '2.9.1' }
const modelT283: TrezorFirmware = { model: 'T2T1', version: '2.8.10' }
const modelOne: TrezorFirmware = { model: 'T1B1', version: '1.13.1' }

describe('toTrezorTransactionDisplay', () => {
  test.each([
    ['no data', tx({ value: '0x1' }), safe5, 'clear', 'plain transfer'],
    ['empty data', tx({ data: '0x' }), modelOne, 'clear', 'plain transfer'],
    ['ERC-20 transfer, Safe 5', tx({ data: transfer }), safe5, 'clear', 'ERC-20 transfer'],
    [
      'ERC-20 transfer, Model One',
      tx({ data: transfer }),
      modelOne,
      'blind',
      'an ERC-20 transfer, which the Model One shows without the token contract',
    ],
    [
      'ERC-20 transfer, firmware unknown (counts as the Model One)',
      tx({ data: transfer }),
      undefined,
      'blind',
      'an ERC-20 transfer, which the Model One shows without the token contract',
    ],
    ['ERC-20 approve, 2.9.1', tx({ data: approve }), safe5, 'clear', 'ERC-20 approval'],
    [
      'ERC-20 approve, 2.8.10',
      tx({ data: approve }),
      modelT283,
      'blind',
      'an ERC-20 approval, which firmware before 2.9.0 shows as raw data',
    ],
    [
      'ERC-20 approve, Model One',
      tx({ data: approve }),
      modelOne,
      'blind',
      'an ERC-20 approval, which the Model One shows as raw data',
    ],
    [
      'ERC-20 approve, firmware unknown (counts as the Model One)',
      tx({ data: approve }),
      undefined,
      'blind',
      'an ERC-20 approval, which the Model One shows as raw data',
    ],
    [
      'transfer with ETH',
      tx({ data: transfer, value: '0x1' }),
      safe5,
      'blind',
      'contract data the device cannot decode',
    ],
    [
      'transfer with a trailing byte',
      tx({ data: `${transfer}00` }),
      safe5,
      'blind',
      'contract data the device cannot decode',
    ],
    [
      'transfer to a dirty address word',
      tx({ data: `0xa9059cbb${'1'.repeat(24)}${recipient}${word('01')}` }),
      safe5,
      'blind',
      'contract data the device cannot decode',
    ],
    [
      'unknown call',
      tx({ data: '0xa22cb465' }),
      safe5,
      'blind',
      'contract data the device cannot decode',
    ],
    [
      'contract deployment',
      tx({ to: null, data: '0x6000' }),
      safe5,
      'blind',
      'contract deployment code',
    ],
  ] as const)('%s', (_, transaction, firmware, display, reason) => {
    expect(toTrezorTransactionDisplay(transaction, firmware)).toEqual({ display, reason })
  })

  test('selectors and hex are read case-insensitively', () => {
    expect(
      toTrezorTransactionDisplay(tx({ data: transfer.toUpperCase().replace('0X', '0x') }), safe5),
    ).toEqual({
      display: 'clear',
      reason: 'ERC-20 transfer',
    })
  })
})

describe('toTrezorTypedDataDisplay', () => {
  const mail = {
    domain: { name: 'Mail' },
    types: {
      EIP712Domain: [{ name: 'name', type: 'string' }],
      Note: [{ name: 'text', type: 'string' }],
    },
    primaryType: 'Note',
    message: { text: 'hello' },
  }

  test('fields on the Core models, hashes on the Model One', () => {
    expect(toTrezorTypedDataDisplay(safe5, mail)).toEqual({
      display: 'clear',
      reason: 'EIP-712 fields',
    })
    expect(toTrezorTypedDataDisplay({ model: 'T2T1', version: '2.4.3' }, mail).display).toBe(
      'clear',
    )
    expect(toTrezorTypedDataDisplay(modelOne, mail)).toEqual({
      display: 'blind',
      reason: 'the Model One shows only the domain and message hashes',
    })
    // A Model One whose features lack internal_model (old firmware) is told by its version.
    expect(toTrezorTypedDataDisplay({ model: undefined, version: '1.10.4' }, mail).display).toBe(
      'blind',
    )
  })

  test('a value the Core models cannot show as it is: blind', () => {
    const long = { ...mail, message: { text: 'x'.repeat(20_000) } }
    expect(toTrezorTypedDataDisplay(safe5, long)).toEqual({
      display: 'blind',
      reason: 'text: 20000 characters, too many to read',
    })
  })

  test('toTrezorFirmware', () => {
    expect(
      toTrezorFirmware({
        internal_model: null,
        major_version: 1,
        minor_version: 12,
        patch_version: 1,
      }),
    ).toEqual({ model: undefined, version: '1.12.1' })
  })
})

describe('toTrezorMessageDisplay', () => {
  const hash = keccak256(stringToHex('safe tx'))
  test.each([
    ['ASCII, Model One', stringToHex('Sign in to example.com'), modelOne, 'clear', 'message text'],
    ['ASCII, firmware unknown', stringToHex('Sign in'), undefined, 'clear', 'message text'],
    ['SIWE line breaks, Core', stringToHex('a\nb'), safe5, 'clear', 'message text'],
    [
      'line breaks, Model One',
      stringToHex('a\nb'),
      modelOne,
      'blind',
      'the device shows this message as 3 bytes of hex',
    ],
    [
      'a 32-byte hash',
      hash,
      safe5,
      'blind',
      'the device shows this message as 32 bytes of hex: it may be a hash',
    ],
    [
      'a byte-order mark (kept by the firmware, dropped by a decoder)',
      stringToHex('\uFEFFhi'),
      safe5,
      'blind',
      'the device shows this message as 5 bytes of hex',
    ],
    [
      'accents, Core',
      stringToHex('héllo wörld'),
      safe5,
      'blind',
      'this message: 2 characters the device cannot draw',
    ],
    [
      'U+202E, Core',
      stringToHex('pay \u202Eevil'),
      safe5,
      'blind',
      'this message: 1 characters the device cannot draw',
    ],
    [
      'accents, Model One',
      stringToHex('é'),
      modelOne,
      'blind',
      'the device shows this message as 2 bytes of hex',
    ],
  ] as const)('%s', (_, message, firmware, display, reason) => {
    expect(toTrezorMessageDisplay(message, firmware)).toEqual({ display, reason })
  })
})
