/**
 * A personal message is `clear` only when the Ethereum app shows it as text: every byte printable
 * ASCII or whitespace (app-ethereum `cmd_sign_message.c`); otherwise the device shows `0x` and hex,
 * the driver reports `blind`, and `blindSigning: 'refuse'` stops it before any byte of it.
 */
import { BlindSigningRefusedError, type DeviceStatus } from '@airlock/core'
import { createLedgerEmulator, testMnemonic } from '@airlock/emulator'
import fc from 'fast-check'
import { bytesToHex, type Hex, keccak256, stringToHex } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { toLedgerAccount } from '../toLedgerAccount.js'
import { messageDisplay } from './messageDisplay.js'

const reference = mnemonicToAccount(testMnemonic)

async function setup(blindSigning: 'allow' | 'refuse' = 'allow') {
  const emulator = createLedgerEmulator({ model: 'stax' })
  const account = await toLedgerAccount({
    transport: emulator.transport,
    path: "m/44'/60'/0'/0/0",
    blindSigning,
  })
  const statuses: DeviceStatus[] = []
  account.signer.onStatus((status) => statuses.push(status))
  emulator.clearLogs()
  const confirmations = () =>
    statuses.flatMap((s) => (s.type === 'confirm-on-device' ? [s.display] : []))
  const shown = () => emulator.reviews.map((review) => review.screens[0]?.value)
  const sent = () => emulator.exchanges.filter((e) => e.request.startsWith('e008')).length
  return { account, confirmations, shown, sent }
}

const messages: [string, Hex][] = [
  ['a 32-byte hash (a Safe transaction hash)', keccak256(stringToHex('safeTx'))],
  ['accented text', stringToHex('héllo wörld')],
  ['a right-to-left override', stringToHex('pay \u202Eevil.exe')],
  ['an escape sequence', stringToHex('ok\u001b[2Jcleared')],
]

describe('messageDisplay', () => {
  test('the reason a UI can print', () => {
    expect(messageDisplay(keccak256('0x'))).toEqual({
      display: 'blind',
      reason: 'the device shows this message as 32 bytes of hex: it may be a hash',
    })
    expect(messageDisplay(stringToHex('é'))).toEqual({
      display: 'blind',
      reason: 'the device shows this message as 2 bytes of hex',
    })
    expect(messageDisplay(stringToHex('Sign in\r\n\tnonce: 1\v\f'))).toEqual({
      display: 'clear',
      reason: 'the message text',
    })
    expect(messageDisplay('0x').display).toBe('clear')
  })

  test.each(messages)(
    '%s: the device shows hex, reported blind; signed under allow',
    async (_, message) => {
      const { account, confirmations, shown } = await setup()
      const signature = await account.signMessage({ message: { raw: message } })
      expect(signature).toBe(await reference.signMessage({ message: { raw: message } }))
      expect(shown()).toEqual([message])
      expect(confirmations()).toEqual(['blind'])
    },
  )

  test.each(messages)("%s: refused by 'refuse' before any byte of it", async (_, message) => {
    const { account, confirmations, shown, sent } = await setup('refuse')
    await expect(account.signMessage({ message: { raw: message } })).rejects.toThrowError(
      BlindSigningRefusedError,
    )
    expect(sent()).toBe(0)
    expect(shown()).toEqual([])
    expect(confirmations()).toEqual([])
  })

  test("text is shown as text, reported clear, and signed under 'refuse'", async () => {
    const { account, confirmations, shown } = await setup('refuse')
    const message = 'Sign in to example.org\nNonce: 42'
    expect(await account.signMessage({ message })).toBe(await reference.signMessage({ message }))
    expect(shown()).toEqual([message])
    expect(confirmations()).toEqual(['clear'])
  })

  test('any bytes: reported clear exactly when the device shows them as text', async () => {
    const { account, confirmations, shown } = await setup()
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 40 }),
          fc.uint8Array({ maxLength: 40, min: 0x09, max: 0x7e }),
          fc.string({ maxLength: 20 }).map((text) => new TextEncoder().encode(text)),
        ),
        async (bytes) => {
          const before = confirmations().length
          await account.signMessage({ message: { raw: bytes } })
          const screen = shown().at(-1)
          const asHex = bytes.length > 0 && screen === bytesToHex(bytes)
          expect(confirmations()[before]).toBe(asHex ? 'blind' : 'clear')
          if (!asHex) expect(screen).toBe(new TextDecoder().decode(bytes))
        },
      ),
      { numRuns: 60 },
    )
  })
})
