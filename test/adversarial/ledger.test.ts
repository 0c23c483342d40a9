/**
 * A hostile dApp against a Ledger (the emulated Ethereum app 1.22.0) through
 * `createHardwareProvider` and `toLedgerAccount`. Every check reads what the emulated device showed
 * and holds it against the `display` the status events reported: `clear` only for what the screen
 * shows in clear, never `clear` then `blind` for one request, and under `blindSigning: 'refuse'`
 * nothing of a blind request after the point where it is known to be blind.
 */
import type { DeviceStatus } from '@airlock/core'
import {
  calPublicKeyOf,
  createLedgerEmulator,
  type LedgerEmulator,
  type LedgerEmulatorOptions,
  testMnemonic,
} from '@airlock/emulator'
import { permitSingle } from '@airlock/fixtures/permit'
import { createTestRpc } from '@airlock/fixtures/testRpc'
import { toLedgerAccount } from '@airlock/ledger'
import { createHardwareProvider } from '@airlock/provider'
import { type Hex, keccak256, recoverMessageAddress, stringToHex, verifyTypedData } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { mainnet } from 'viem/chains'
import { describe, expect, test } from 'vitest'

const reference = mnemonicToAccount(testMnemonic)
const simple7702Account = '0x4Cd241E8d1510e30b2076397afc7508Ae59C66c9'

/** One dApp session: the provider, the account under it, the device, and what each request did. */
async function session(blindSigning: 'allow' | 'refuse', device: LedgerEmulatorOptions = {}) {
  const emulator = createLedgerEmulator(device)
  const account = await toLedgerAccount({
    transport: emulator.transport,
    path: "m/44'/60'/0'/0/0",
    blindSigning,
  })
  const provider = createHardwareProvider({
    account,
    chains: [mainnet],
    transport: createTestRpc(mainnet).transport,
  })
  const [address] = await provider.request({ method: 'eth_requestAccounts' })
  const statuses: DeviceStatus[] = []
  account.signer.onStatus((status) => statuses.push(status))
  emulator.clearLogs()
  /** Runs one request; returns its result or error, with what the device and the UI saw. */
  async function attempt<result>(request: () => Promise<result>) {
    statuses.length = 0
    emulator.clearLogs()
    const outcome = await request().then(
      (value) => ({ value, error: undefined }),
      (error: { code?: number; cause?: { name?: string } }) => ({ value: undefined, error }),
    )
    const displays = statuses.flatMap((s) => (s.type === 'confirm-on-device' ? [s.display] : []))
    // The promise itself: one display per request, never clear then blind.
    expect(displays.join(' ')).not.toMatch(/clear.*blind/)
    return { ...outcome, displays, screens: screens(emulator), apdus: apdus(emulator) }
  }
  return { provider, account, address: address!, emulator, attempt }
}

const screens = (emulator: LedgerEmulator) =>
  emulator.reviews.map((review) => ({
    outcome: review.outcome,
    shown: review.screens.map((s) => `${s.title}: ${s.value}`),
  }))
/** `INS` (and `P2` for E0 0C and E0 1E) of each Ethereum app APDU, with its status word. */
const apdus = (emulator: LedgerEmulator) =>
  emulator.exchanges
    .map(({ request, response }) => ({ apdu: request.replace(/^0x/, ''), sw: response.slice(-4) }))
    .filter(({ apdu }) => apdu.startsWith('e0'))
    .map(({ apdu, sw }) => {
      const ins = apdu.slice(2, 4)
      return `${ins}${ins === '0c' || ins === '1e' ? apdu.slice(6, 8) : ''}:${sw}`
    })

const permit2 = permitSingle({
  chainId: 1,
  token: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  amount: 69_420_000n,
  expiration: 1_900_000_000,
  spender: '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD',
  sigDeadline: 1_900_000_000n,
})
const json = (value: unknown) =>
  JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v))
const mail = {
  domain: {
    name: 'Mail',
    chainId: 1,
    verifyingContract: '0x1111111111111111111111111111111111111111',
  },
  types: {
    EIP712Domain: [
      { name: 'name', type: 'string' },
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
    ],
    Mail: [{ name: 'contents', type: 'string' }],
  },
  primaryType: 'Mail',
  message: { contents: 'hello' },
} as const

describe('personal_sign: clear only when the device shows text (item 1)', () => {
  const hexShown: [string, Hex][] = [
    ['the keccak of a Safe transaction', keccak256(stringToHex('safe tx 0x1234'))],
    ['"héllo wörld"', stringToHex('héllo wörld')],
    ['text with U+202E', stringToHex('transfer to \u202Eexe.tellaw')],
    ['text with a terminal escape', stringToHex('login\u001b[8mhidden')],
  ]

  test.each(hexShown)(
    "%s: shown as hex, so 'refuse' refuses it before any byte",
    async (_, message) => {
      const dapp = await session('refuse')
      const result = await dapp.attempt(() =>
        dapp.provider.request({ method: 'personal_sign', params: [message, dapp.address] }),
      )
      expect(result.error?.code).toBe(4001)
      expect(result.error?.cause?.name).toBe('BlindSigningRefusedError')
      expect(result.apdus.filter((a) => a.startsWith('08'))).toEqual([])
      expect(result.screens).toEqual([])
    },
  )

  test.each(hexShown)(
    '%s: under allow, the screen is 0x + hex and the display blind',
    async (_, message) => {
      const dapp = await session('allow', { model: 'flex' })
      const result = await dapp.attempt(() =>
        dapp.provider.request({ method: 'personal_sign', params: [message, dapp.address] }),
      )
      expect(
        await recoverMessageAddress({ message: { raw: message }, signature: result.value! }),
      ).toBe(reference.address)
      expect(result.screens).toEqual([{ outcome: 'approved', shown: [`Message: ${message}`] }])
      expect(result.displays).toEqual(['blind'])
    },
  )

  test("text (with every C whitespace) is shown as text, clear, and signed under 'refuse'", async () => {
    const dapp = await session('refuse', { model: 'stax' })
    const text = 'Sign in to example.org\r\n\tNonce: 8\v\f'
    const result = await dapp.attempt(() =>
      dapp.provider.request({ method: 'personal_sign', params: [stringToHex(text), dapp.address] }),
    )
    expect(await recoverMessageAddress({ message: text, signature: result.value! })).toBe(
      reference.address,
    )
    expect(result.screens).toEqual([{ outcome: 'approved', shown: [`Message: ${text}`] }])
    expect(result.displays).toEqual(['clear'])
  })
})

describe('eth_signTypedData_v4: filters claimed only when they apply, display reported once (item 3)', () => {
  // Permit2's types and domain (its filters' key), but another primary type: the filter paths
  // (details.token, spender, sigDeadline) do not exist in the message.
  const permitDetails = {
    ...permit2,
    primaryType: 'PermitDetails',
    message: permit2.message.details,
  }

  test("Permit2's types as PermitDetails under 'refuse': refused before any EIP-712 APDU, never clear", async () => {
    const dapp = await session('refuse', { blindSigning: true })
    const result = await dapp.attempt(() =>
      dapp.provider.request({
        method: 'eth_signTypedData_v4',
        params: [dapp.address, json(permitDetails)],
      }),
    )
    expect(result.error?.code).toBe(4001)
    expect(result.apdus).toEqual(['06:9000'])
    expect(result.displays).toEqual([])
  })

  test("Permit2's types as PermitDetails under allow: blind, and the device showed no Permit2 label", async () => {
    const dapp = await session('allow', { blindSigning: true, model: 'stax' })
    const result = await dapp.attempt(() =>
      dapp.provider.request({
        method: 'eth_signTypedData_v4',
        params: [dapp.address, json(permitDetails)],
      }),
    )
    expect(
      await verifyTypedData({
        ...permitDetails,
        address: reference.address,
        signature: result.value!,
      } as never),
    ).toBe(true)
    expect(result.displays).toEqual(['blind'])
    expect(result.apdus.some((a) => a.startsWith('1e'))).toBe(false)
    expect(result.screens.flatMap((s) => s.shown)).not.toContain('Contract: Permit2')
  })

  test('PermitSingle is clear: the device shows the Permit2 labels and the amount with its ticker', async () => {
    const dapp = await session('refuse')
    const result = await dapp.attempt(() =>
      dapp.provider.request({
        method: 'eth_signTypedData_v4',
        params: [dapp.address, json(permit2)],
      }),
    )
    expect(result.displays).toEqual(['clear'])
    const shown = result.screens.flatMap((s) => s.shown)
    expect(shown).toContain('Contract: Permit2')
    expect(shown.join('\n')).toContain('69.42 USDC')
    expect(shown.join('\n')).not.toMatch(/hash/i)
  })

  test.each(['allow', 'refuse'] as const)(
    "a device that refuses the bundled filters (another CAL key), '%s': nothing after the refused message info, never blind after clear",
    async (blindSigning) => {
      const dapp = await session(blindSigning, {
        blindSigning: true,
        calPublicKey: calPublicKeyOf(`0x${'42'.repeat(32)}`),
      })
      const result = await dapp.attempt(() =>
        dapp.provider.request({
          method: 'eth_signTypedData_v4',
          params: [dapp.address, json(permit2)],
        }),
      )
      expect(result.error?.cause?.name).toBe('UnsupportedByDeviceError')
      expect(result.apdus.at(-1)).toBe('1e0f:6a00')
      expect(result.apdus.filter((a) => a.startsWith('0c'))).toEqual([])
      expect(result.screens.filter((s) => s.outcome === 'approved')).toEqual([])
    },
  )

  test('an unfiltered message at default settings: refused once (one error screen), no hashed retry', async () => {
    const dapp = await session('allow')
    const result = await dapp.attempt(() =>
      dapp.provider.request({ method: 'eth_signTypedData_v4', params: [dapp.address, json(mail)] }),
    )
    expect(result.error?.cause?.name).toBe('BlindSigningDisabledError')
    expect(result.screens).toEqual([
      { outcome: 'rejected', shown: ['Blind signing: Enable blind signing in Settings'] },
    ])
    expect(result.apdus.filter((a) => a.startsWith('0c'))).toEqual([])
    expect(result.displays).toEqual(['blind'])
  })

  test('hashed mode with blind signing off (Nano S, app 1.16.0): refused before any APDU of it', async () => {
    const dapp = await session('allow', {
      model: 'nanoS',
      app: { name: 'Ethereum', version: '1.16.0' },
    })
    const result = await dapp.attempt(() =>
      dapp.provider.request({ method: 'eth_signTypedData_v4', params: [dapp.address, json(mail)] }),
    )
    expect(result.error?.cause?.name).toBe('BlindSigningDisabledError')
    expect(result.apdus).toEqual(['06:9000'])
    expect(result.screens).toEqual([])
  })
})

describe('EIP-7702 only from app 1.17.0 (item 8)', () => {
  test('app 1.16.0: the authorization is refused before the device with the update to make', async () => {
    const dapp = await session('allow', {
      eip7702: true,
      app: { name: 'Ethereum', version: '1.16.0' },
    })
    const result = await dapp.attempt(() =>
      dapp.account.signAuthorization!({ contractAddress: simple7702Account, chainId: 1, nonce: 0 }),
    )
    expect(result.error).toMatchObject({
      name: 'UnsupportedByDeviceError',
      minimumVersion: 'Ethereum app 1.17.0 (not on Nano S)',
    })
    expect(result.apdus).toEqual(['06:9000'])
    expect(result.screens).toEqual([])
  })

  test('app 1.17.0: signed, and the delegate shown, in clear', async () => {
    const dapp = await session('refuse', {
      eip7702: true,
      app: { name: 'Ethereum', version: '1.17.0' },
    })
    const result = await dapp.attempt(() =>
      dapp.account.signAuthorization!({ contractAddress: simple7702Account, chainId: 1, nonce: 0 }),
    )
    expect(result.value).toBeDefined()
    expect(result.displays).toEqual(['clear'])
    expect(result.screens[0]?.shown).toContain('Delegate to: Simple7702Account')
  })
})
