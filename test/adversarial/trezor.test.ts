/**
 * A hostile dApp against a Trezor: requests through `createHardwareProvider` to `toTrezorAccount`,
 * on the Trezor emulator behind the real @trezor/connect, playing the current firmware of each model
 * (Safe 5: 2.12.4, Model One: 1.14.1). Every check compares what the emulated device showed with
 * the `display` the driver reported: a `clear` request must show what was asked, as it is; a blind
 * one is refused under `blindSigning: 'refuse'` before the device gets it.
 */
import type { DeviceStatus } from '@airlock/core'
import {
  createTrezorEmulator,
  type EmulatorScreen,
  type TrezorEmulator,
  testMnemonic,
} from '@airlock/emulator'
import { createTestRpc } from '@airlock/fixtures/testRpc'
import { createHardwareProvider } from '@airlock/provider'
import { toTrezorAccount } from '@airlock/trezor'
import {
  type Address,
  type EIP1193Provider,
  getAddress,
  type Hex,
  keccak256,
  maxUint256,
  numberToHex,
  pad,
  stringToHex,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { mainnet } from 'viem/chains'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const path = "m/44'/60'/0'/0/0"
const user = mnemonicToAccount(testMnemonic, { path })
const usdc = getAddress('0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48')
const drainer = getAddress('0x000000000000000000000000000000000000dead')
const word = (value: Hex) => pad(value).slice(2).toLowerCase()
const transferData = (to: Address, amount: bigint): Hex =>
  `0xa9059cbb${word(to)}${word(numberToHex(amount))}`
const approveData = (spender: Address, amount: bigint): Hex =>
  `0x095ea7b3${word(spender)}${word(numberToHex(amount))}`

type Outcome = {
  /** The `display` of every `confirm-on-device` status of the request. */
  displays: DeviceStatus[]
  /** What the device showed, or `undefined` when it showed nothing. */
  screens: readonly EmulatorScreen[] | undefined
  /** The EIP-1193 error code, when the request failed. */
  code: number | undefined
  /** The name of the Airlock error behind it. */
  cause: string | undefined
  /** How many signing requests reached the device. */
  sent: number
}

function useWallet(model: 'T3T1' | 'T1B1', blindSigning: 'allow' | 'refuse') {
  const state = {} as {
    emulator: TrezorEmulator
    provider: EIP1193Provider
    statuses: DeviceStatus[]
  }
  beforeAll(async () => {
    const emulator = await createTrezorEmulator({ model })
    const account = await toTrezorAccount({ connect: emulator.connect, path, blindSigning })
    const statuses: DeviceStatus[] = []
    account.signer.onStatus((status) => statuses.push(status))
    const rpc = createTestRpc(mainnet)
    const provider = createHardwareProvider({
      account,
      chains: [mainnet],
      transport: rpc.transport,
    })
    await provider.request({ method: 'eth_requestAccounts' })
    Object.assign(state, { emulator, provider, statuses })
  })
  afterAll(() => state.emulator?.dispose())

  /** Sends one request as a dApp would and reports what the device showed against `display`. */
  return async (method: string, params: unknown[]): Promise<Outcome> => {
    state.emulator.clearLogs()
    state.statuses.length = 0
    const request = state.provider.request as (args: unknown) => Promise<unknown>
    const error = await request({ method, params }).then(
      () => undefined,
      (error: { code: number; cause?: { name?: string } }) => error,
    )
    const displays = state.statuses.filter((status) => status.type === 'confirm-on-device')
    const signing = state.emulator.reviews.filter((review) => review.operation !== 'address')
    expect(signing.length).toBeLessThanOrEqual(1)
    const sent = state.emulator.exchanges.filter(({ request }) =>
      request.startsWith('EthereumSign'),
    ).length
    return {
      displays,
      screens: signing[0]?.screens,
      code: error?.code,
      cause: error?.cause?.name,
      sent,
    }
  }
}

/** One display per request (never `clear` then `blind`), and what it is. */
function displayOf({ displays }: Outcome): 'clear' | 'blind' {
  const kinds = new Set(
    displays.map((status) => (status as { display: 'clear' | 'blind' }).display),
  )
  expect(kinds.size).toBe(1)
  return [...kinds][0]!
}

/** A `clear` request: the device showed each of `shown` as a screen value, exactly. */
function expectShownInClear(outcome: Outcome, shown: readonly string[]): void {
  expect(displayOf(outcome)).toBe('clear')
  expect(outcome.code).toBeUndefined()
  const values = outcome.screens!.map((screen) => screen.value)
  for (const value of shown) expect(values).toContain(value)
}

/** Refused before the device as blind: 4001, never a `clear` status, and no screen. */
function expectRefusedBlind(outcome: Outcome): void {
  expect(outcome.code).toBe(4001)
  expect(outcome.cause).toBe('BlindSigningRefusedError')
  expect(
    outcome.displays.filter((status) => 'display' in status && status.display === 'clear'),
  ).toEqual([])
  expect(outcome.screens).toBeUndefined()
  expect(outcome.sent).toBe(0)
}

const hash = keccak256(stringToHex('execTransaction(...) of a Safe'))
const siwe = 'example.com wants you to sign in with your Ethereum account:\n0x70997970\n\nNonce: 1'
const tx = (fields: Record<string, unknown>) => ({ from: user.address, chainId: '0x1', ...fields })

const permit = (value: string) => ({
  types: {
    EIP712Domain: [
      { name: 'name', type: 'string' },
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
    ],
    Permit: [
      { name: 'owner', type: 'address' },
      { name: 'spender', type: 'address' },
      { name: 'value', type: 'uint256' },
      { name: 'note', type: 'string' },
      { name: 'tags', type: 'bytes32[]' },
    ],
  },
  primaryType: 'Permit',
  domain: { name: 'USD Coin', chainId: 1, verifyingContract: usdc },
  message: {
    owner: user.address,
    spender: drainer,
    value: '1000000',
    note: value,
    tags: [pad('0x01')],
  },
})

describe('Safe 5, firmware 2.12.4', () => {
  describe("blindSigning: 'allow'", () => {
    const send = useWallet('T3T1', 'allow')

    test('personal_sign: printable text and SIWE line breaks are shown as they are: clear', async () => {
      for (const text of ['Sign in to example.com', siwe])
        expectShownInClear(await send('personal_sign', [stringToHex(text), user.address]), [text])
    })

    test('personal_sign: a hash, accents and U+202E are not shown as text: blind', async () => {
      const outcomes = [
        await send('personal_sign', [hash, user.address]),
        await send('personal_sign', [stringToHex('héllo wörld'), user.address]),
        await send('personal_sign', [stringToHex('Pay 1 \u202EHTE 0001'), user.address]),
      ]
      expect(outcomes.map(displayOf)).toEqual(['blind', 'blind', 'blind'])
      expect(outcomes.map(({ screens }) => screens?.[1]?.value)).toEqual([
        `hex(${hash.slice(2)})`,
        'h\uFFFDllo w\uFFFDrld',
        'Pay 1 \uFFFDHTE 0001',
      ])
    })

    test('USDC transfer: the recipient, raw units and the token contract are on the screens', async () => {
      const outcome = await send('eth_signTransaction', [
        tx({ to: usdc, data: transferData(drainer, 1_000_000n) }),
      ])
      expectShownInClear(outcome, [drainer, '1,000,000 Wei UNKN', usdc, 'Unknown contract address'])
    })

    test('approve: the spender and "Unlimited" for a max approval', async () => {
      const outcome = await send('eth_signTransaction', [
        tx({ to: usdc, data: approveData(drainer, maxUint256) }),
      ])
      expectShownInClear(outcome, [drainer, 'Unlimited', usdc])
    })

    test('a transfer with trailing calldata or a dirty address word: blind, shown as raw data', async () => {
      const trailing = `${transferData(drainer, 1n)}00` as Hex
      const dirty = `0xa9059cbb${'11'.repeat(12)}${word(drainer).slice(24)}${word('0x01')}` as Hex
      for (const data of [trailing, dirty]) {
        const outcome = await send('eth_signTransaction', [tx({ to: usdc, data })])
        expect(displayOf(outcome)).toBe('blind')
        expect(outcome.screens?.find((screen) => screen.title === 'Data')?.value).toBe(data)
      }
    })

    test('typed data: every value is on the screens', async () => {
      const outcome = await send('eth_signTypedData_v4', [
        user.address,
        JSON.stringify(permit('hi')),
      ])
      expectShownInClear(outcome, [
        'USD Coin',
        '1',
        usdc,
        user.address,
        drainer,
        '1000000',
        'hi',
        pad('0x01').slice(2),
      ])
    })

    test('typed data: a 20 kB string and U+202E are blind, though the device pages through them', async () => {
      const long = await send('eth_signTypedData_v4', [
        user.address,
        JSON.stringify(permit('x'.repeat(20_000))),
      ])
      expect(displayOf(long)).toBe('blind')
      expect(long.screens?.find((s) => s.title === 'Permit.note')?.value).toHaveLength(20_000)
      const rlo = await send('eth_signTypedData_v4', [
        user.address,
        JSON.stringify(permit('gift \u202Etxt.exe')),
      ])
      expect(displayOf(rlo)).toBe('blind')
      expect(rlo.screens?.find((s) => s.title === 'Permit.note')?.value).toBe('gift \uFFFDtxt.exe')
    })
  })

  describe("blindSigning: 'refuse'", () => {
    const send = useWallet('T3T1', 'refuse')

    test('what the device would not show as it is never reaches it', async () => {
      for (const message of [hash, stringToHex('héllo wörld'), stringToHex('a\u202Eb')])
        expectRefusedBlind(await send('personal_sign', [message, user.address]))
      expectRefusedBlind(
        await send('eth_signTypedData_v4', [
          user.address,
          JSON.stringify(permit('x'.repeat(20_000))),
        ]),
      )
      expectRefusedBlind(
        await send('eth_signTransaction', [
          tx({ to: usdc, data: `${transferData(drainer, 1n)}00` }),
        ]),
      )
    })

    test('what it shows in clear still signs', async () => {
      expectShownInClear(
        await send('eth_signTransaction', [tx({ to: usdc, data: transferData(drainer, 5n) })]),
        [drainer, '5 Wei UNKN', usdc],
      )
      expectShownInClear(await send('personal_sign', [stringToHex(siwe), user.address]), [siwe])
    })
  })
})

describe('Model One, firmware 1.14.1', () => {
  describe("blindSigning: 'allow'", () => {
    const send = useWallet('T1B1', 'allow')

    test('personal_sign: printable ASCII as text; line breaks and hashes as hex: blind', async () => {
      expectShownInClear(await send('personal_sign', [stringToHex('Sign in'), user.address]), [
        'Sign in',
      ])
      const lineBreaks = await send('personal_sign', [stringToHex(siwe), user.address])
      expect(displayOf(lineBreaks)).toBe('blind')
      expect(lineBreaks.screens?.[1]).toEqual({
        title: 'Binary message',
        value: stringToHex(siwe).slice(2),
      })
    })

    test('USDC transfer: recipient and raw units without the token contract: blind', async () => {
      const outcome = await send('eth_signTransaction', [
        tx({ to: usdc, data: transferData(drainer, 1_000_000n) }),
      ])
      expect(displayOf(outcome)).toBe('blind')
      expect(outcome.screens?.slice(0, 2).map((screen) => screen.value)).toEqual([
        drainer,
        '1,000,000 Wei UNKN',
      ])
      expect(JSON.stringify(outcome.screens)).not.toContain(usdc)
    })
  })

  describe("blindSigning: 'refuse'", () => {
    const send = useWallet('T1B1', 'refuse')

    test('token transfers, typed data and binary messages never reach it', async () => {
      expectRefusedBlind(
        await send('eth_signTransaction', [tx({ to: usdc, data: transferData(drainer, 1n) })]),
      )
      expectRefusedBlind(
        await send('eth_signTypedData_v4', [user.address, JSON.stringify(permit('hi'))]),
      )
      expectRefusedBlind(await send('personal_sign', [hash, user.address]))
      expectShownInClear(await send('personal_sign', [stringToHex('gm'), user.address]), ['gm'])
    })
  })
})
