/**
 * EIP-712 on the emulated Ethereum app 1.22.0: Ledger's filters are claimed only for a message
 * they apply to, the display is reported once (never `clear`, then `blind`), and the app's
 * blind-signing flag (GET APP CONFIGURATION) ends a request the app would refuse for its settings
 * before its APDUs, with one error screen at most and never a hashed retry.
 */
import { BlindSigningRefusedError, type DeviceStatus } from '@airlock/core'
import {
  createLedgerEmulator,
  type LedgerEmulator,
  type LedgerEmulatorOptions,
  testMnemonic,
} from '@airlock/emulator'
import { permitSingle } from '@airlock/fixtures/permit'
import { verifyTypedData } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { toLedgerAccount } from '../toLedgerAccount.js'

const reference = mnemonicToAccount(testMnemonic)

async function setup(blindSigning: 'allow' | 'refuse', device: LedgerEmulatorOptions = {}) {
  const emulator = createLedgerEmulator(device)
  const account = await toLedgerAccount({
    transport: emulator.transport,
    path: "m/44'/60'/0'/0/0",
    blindSigning,
  })
  const statuses: DeviceStatus[] = []
  account.signer.onStatus((status) => statuses.push(status))
  emulator.clearLogs()
  const displays = () =>
    statuses.flatMap((s) => (s.type === 'confirm-on-device' ? [s.display] : []))
  return { emulator, account, displays, statuses }
}

/** INS and P2 of every Ethereum app APDU: `1a`, `1e0f`… */
const sent = (emulator: LedgerEmulator) =>
  emulator.exchanges
    .map(({ request }) => request.replace(/^0x/, ''))
    .filter((apdu) => apdu.startsWith('e0'))
    .map((apdu) => apdu.slice(2, 4) + (apdu.slice(2, 4) === '0c' ? apdu.slice(6, 8) : ''))
const errorScreens = (emulator: LedgerEmulator) =>
  emulator.reviews.filter((review) => review.screens.some((s) => s.title === 'Blind signing'))
const shown = (emulator: LedgerEmulator) =>
  emulator.reviews.flatMap((review) => review.screens.map((s) => `${s.title}: ${s.value}`))

const permit2 = permitSingle({
  chainId: 1,
  token: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  amount: 1n,
  expiration: 1_900_000_000,
  spender: '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD',
  sigDeadline: 1_900_000_000n,
})
// Permit2's types and domain (so its schema hash and filters' key), another primary type.
const permitDetails = {
  ...permit2,
  primaryType: 'PermitDetails',
  message: permit2.message.details,
} as const
const mail = {
  domain: {
    name: 'Mail',
    chainId: 1,
    verifyingContract: '0x1111111111111111111111111111111111111111',
  },
  types: { Mail: [{ name: 'contents', type: 'string' }] },
  primaryType: 'Mail',
  message: { contents: 'hello' },
} as const

describe("Ledger's filters only for the message they apply to", () => {
  test('Permit2 types as PermitDetails: reported blind once, no filter sent, signed as the device showed it', async () => {
    const { emulator, account, displays, statuses } = await setup('allow', {
      model: 'stax',
      blindSigning: true,
    })
    const signature = await account.signTypedData(permitDetails)
    expect(await verifyTypedData({ ...permitDetails, address: reference.address, signature })).toBe(
      true,
    )
    expect(displays()).toEqual(['blind'])
    expect(JSON.stringify(statuses)).not.toContain('filters for Permit2"')
    expect(sent(emulator)).not.toContain('1e')
    expect(shown(emulator).join('\n')).not.toMatch(/^Contract: Permit2/m)
  })

  test("Permit2 types as PermitDetails under 'refuse': refused before any EIP-712 APDU", async () => {
    const { emulator, account, displays } = await setup('refuse', { blindSigning: true })
    await expect(account.signTypedData(permitDetails)).rejects.toThrowError(
      BlindSigningRefusedError,
    )
    expect(sent(emulator)).toEqual(['06'])
    expect(emulator.reviews).toEqual([])
    expect(displays()).toEqual([])
  })

  test('PermitSingle, which they were made for, is still clear, and shows their labels', async () => {
    const { emulator, account, displays } = await setup('refuse')
    await account.signTypedData(permit2)
    expect(displays()).toEqual(['clear'])
    expect(shown(emulator)).toContain('Contract: Permit2')
  })
})

describe('the app settings, read before the request', () => {
  test('unfiltered at default settings: one attempt, one error screen, no hashed retry', async () => {
    const { emulator, account } = await setup('allow')
    await expect(account.signTypedData(mail)).rejects.toThrowError(
      expect.objectContaining({ name: 'BlindSigningDisabledError' }),
    )
    expect(errorScreens(emulator)).toHaveLength(1)
    expect(sent(emulator)).not.toContain('0c00')
  })

  test('hashed mode (Nano S, app 1.16.0) with blind signing off: refused before any APDU of it', async () => {
    const { emulator, account, displays } = await setup('allow', {
      model: 'nanoS',
      app: { name: 'Ethereum', version: '1.16.0' },
    })
    await expect(account.signTypedData(mail)).rejects.toThrowError(
      expect.objectContaining({ name: 'BlindSigningDisabledError' }),
    )
    expect(sent(emulator)).toEqual(['06'])
    expect(emulator.reviews).toEqual([])
    expect(displays()).toEqual([])
  })

  test('the flag is read for each request: turned on between two, the second signs', async () => {
    const { emulator, account, displays } = await setup('allow', {
      model: 'nanoS',
      app: { name: 'Ethereum', version: '1.16.0' },
    })
    await expect(account.signTypedData(mail)).rejects.toThrowError(
      expect.objectContaining({ name: 'BlindSigningDisabledError' }),
    )
    emulator.setBlindSigning(true)
    const signature = await account.signTypedData(mail)
    expect(await verifyTypedData({ ...mail, address: reference.address, signature })).toBe(true)
    expect(displays()).toEqual(['blind'])
    expect(shown(emulator)).toContain('Blind signing: This message cannot be clear-signed')
  })
})
