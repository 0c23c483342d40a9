/**
 * Clear signing offline, as a dApp gets it from `toLedgerAccount` with no option: the emulator
 * plays the current Ethereum app as shipped (blind signing off) and checks every descriptor and
 * filter against Ledger's production key, so what signs here is what Ledger signed.
 */
import type { DeviceStatus } from '@airlock/core'
import { BlindSigningRefusedError } from '@airlock/core'
import {
  calPublicKeyOf,
  createLedgerEmulator,
  type LedgerEmulator,
  type LedgerEmulatorOptions,
  testMnemonic,
} from '@airlock/emulator'
import { permit as erc2612Permit, permitSingle } from '@airlock/fixtures/permit'
import {
  type Address,
  encodeFunctionData,
  erc20Abi,
  getAddress,
  maxUint256,
  parseTransaction,
  recoverTransactionAddress,
  verifyTypedData,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { findTypedDataFilters } from './descriptors/findTypedDataFilters.js'
import { toLedgerAccount } from './toLedgerAccount.js'

const reference = mnemonicToAccount(testMnemonic)
const recipient: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const spender: Address = '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD'
const tokens = {
  usdc: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  usdt: '0xdAC17F958D2ee523a2206206994597C13D831ec7',
  polygonDai: '0x8f3Cf7ad23Cd3CaDbD9735AFf958023239c6A063',
} as const satisfies Record<string, Address>
const unknownContract: Address = '0x1111111111111111111111111111111111111111'

async function setup(
  options: { blindSigning?: 'allow' | 'refuse' } = {},
  device: LedgerEmulatorOptions = {},
) {
  const emulator = createLedgerEmulator(device)
  const statuses: DeviceStatus[] = []
  const account = await toLedgerAccount({
    transport: emulator.transport,
    path: "m/44'/60'/0'/0/0",
    ...options,
  })
  account.signer.onStatus((status) => statuses.push(status))
  emulator.clearLogs()
  const confirmations = () => statuses.filter((s) => s.type === 'confirm-on-device')
  return { emulator, account, confirmations }
}

const call = (to: Address, chainId: number, data: `0x${string}`) =>
  ({
    chainId,
    to,
    data,
    gas: 80_000n,
    maxFeePerGas: 2n,
    maxPriorityFeePerGas: 1n,
    nonce: 0,
  }) as const

const screenValues = (emulator: LedgerEmulator) =>
  emulator.reviews.flatMap((review) =>
    review.screens.map((screen) => `${screen.title}: ${screen.value}`),
  )

/** INS of every APDU the Ethereum app received (`E0 xx`). */
const instructions = (emulator: LedgerEmulator) =>
  emulator.exchanges
    .map(({ request }) => request.replace(/^0x/, ''))
    .filter((apdu) => apdu.startsWith('e0'))
    .map((apdu) => apdu.slice(2, 4))

describe('ERC-20 calls on bundled tokens sign in clear with blind signing off', () => {
  test.each([
    ['USDC transfer on Ethereum', tokens.usdc, 1, 'transfer', 1_500_000n, '1.5 USDC'],
    ['USDT approve on Ethereum', tokens.usdt, 1, 'approve', 250_000_000n, '250 USDT'],
    ['DAI transfer on Polygon', tokens.polygonDai, 137, 'transfer', 10n ** 18n, '1 DAI'],
  ] as const)('%s', async (_, token, chainId, functionName, amount, shown) => {
    const { emulator, account, confirmations } = await setup()
    const data = encodeFunctionData({ abi: erc20Abi, functionName, args: [recipient, amount] })
    const signed = await account.signTransaction(call(token, chainId, data))
    expect(await recoverTransactionAddress({ serializedTransaction: signed as never })).toBe(
      reference.address,
    )
    expect(getAddress(parseTransaction(signed).to!)).toBe(token)
    expect(instructions(emulator)).toContain('0a')
    expect(screenValues(emulator).join('\n')).toContain(shown)
    expect(confirmations()).toEqual([expect.objectContaining({ display: 'clear' })])
  })

  test('an unlimited approval shows as unlimited', async () => {
    const { emulator, account } = await setup()
    const data = encodeFunctionData({
      abi: erc20Abi,
      functionName: 'approve',
      args: [spender, maxUint256],
    })
    await account.signTransaction(call(tokens.usdc, 1, data))
    expect(screenValues(emulator).join('\n')).toMatch(/Unlimited USDC/)
  })
})

describe('what the bundle does not cover is blind', () => {
  const transfer = encodeFunctionData({
    abi: erc20Abi,
    functionName: 'transfer',
    args: [recipient, 5n],
  })

  test('an unknown token: no descriptor sent, display blind, refused by the app as blind signing is off', async () => {
    const { emulator, account, confirmations } = await setup()
    await expect(account.signTransaction(call(unknownContract, 1, transfer))).rejects.toThrowError(
      expect.objectContaining({ name: 'BlindSigningDisabledError' }),
    )
    expect(instructions(emulator)).not.toContain('0a')
    expect(confirmations()).toEqual([expect.objectContaining({ display: 'blind' })])
  })

  test('a bundled token on a chain where it is not that token: no descriptor sent', async () => {
    const { emulator, account } = await setup()
    await expect(account.signTransaction(call(tokens.usdc, 137, transfer))).rejects.toThrowError()
    expect(instructions(emulator)).not.toContain('0a')
  })

  test("blindSigning: 'refuse' stops before any signing APDU", async () => {
    const { emulator, account } = await setup({ blindSigning: 'refuse' })
    await expect(account.signTransaction(call(unknownContract, 1, transfer))).rejects.toThrowError(
      BlindSigningRefusedError,
    )
    expect(instructions(emulator)).not.toContain('04')
  })

  test("blindSigning: 'refuse' still signs what is clear", async () => {
    const { account } = await setup({ blindSigning: 'refuse' })
    const data = encodeFunctionData({
      abi: erc20Abi,
      functionName: 'transfer',
      args: [recipient, 1n],
    })
    await expect(account.signTransaction(call(tokens.usdc, 1, data))).resolves.toMatch(/^0x02/)
  })
})

const usdcPermit = erc2612Permit({
  domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: tokens.usdc },
  owner: reference.address,
  spender,
  value: 69_420_000n,
  deadline: 1_900_000_000n,
})

const permit2Single = permitSingle({
  chainId: 1,
  token: tokens.usdc,
  amount: 69_420_000n,
  expiration: 1_900_000_000,
  spender,
  sigDeadline: 1_900_000_000n,
})

describe('typed data with bundled filters signs in clear with blind signing off', () => {
  test.each([
    ['the USDC permit', usdcPermit],
    ['Permit2 PermitSingle', permit2Single],
  ] as const)('%s', async (_, typedData) => {
    const { emulator, account, confirmations } = await setup()
    const signature = await account.signTypedData(typedData as never)
    expect(
      await verifyTypedData({
        ...(typedData as object),
        address: reference.address,
        signature,
      } as never),
    ).toBe(true)
    const filters = await findTypedDataFilters(typedData as never)
    const shown = screenValues(emulator).join('\n')
    for (const field of filters!.v2!.fields)
      if (field.format !== 'token') expect(shown).toContain(field.label)
    expect(shown).toContain('69.42 USDC')
    expect(shown).not.toMatch(/hash/i)
    expect(confirmations()).toEqual([expect.objectContaining({ display: 'clear' })])
  })

  test("unknown typed data is blind: refused by the app as shipped, and by 'refuse' before any APDU of it", async () => {
    const mail = {
      domain: { name: 'Mail', chainId: 1, verifyingContract: unknownContract },
      types: { Mail: [{ name: 'contents', type: 'string' }] },
      primaryType: 'Mail',
      message: { contents: 'hello' },
    } as const
    const shipped = await setup()
    await expect(shipped.account.signTypedData(mail)).rejects.toThrowError(
      expect.objectContaining({ name: 'BlindSigningDisabledError' }),
    )
    expect(shipped.confirmations()[0]).toEqual(expect.objectContaining({ display: 'blind' }))
    expect(instructions(shipped.emulator)).not.toContain('1e')
    const refusing = await setup({ blindSigning: 'refuse' })
    await expect(refusing.account.signTypedData(mail)).rejects.toThrowError(
      BlindSigningRefusedError,
    )
    expect(
      instructions(refusing.emulator).filter((ins) => ['1a', '1c', '1e', '0c'].includes(ins)),
    ).toEqual([])
  })
})

describe("a device that does not trust the bundle's signatures", () => {
  // The emulator checks descriptors and filters against another key than Ledger's: to it, every
  // bundled signature is a forgery, as an altered bundle would be to a real device.
  const otherKey = calPublicKeyOf(`0x${'42'.repeat(32)}`)

  test('refuses the token descriptor: the transfer goes blind and is refused, never shown with a ticker', async () => {
    const { emulator, account, confirmations } = await setup({}, { calPublicKey: otherKey })
    const data = encodeFunctionData({
      abi: erc20Abi,
      functionName: 'transfer',
      args: [recipient, 1n],
    })
    await expect(account.signTransaction(call(tokens.usdc, 1, data))).rejects.toThrowError(
      expect.objectContaining({ name: 'BlindSigningDisabledError' }),
    )
    expect(emulator.exchanges.find((e) => e.request.startsWith('e00a'))?.response).toBe('6a80')
    expect(confirmations()).toEqual([expect.objectContaining({ display: 'blind' })])
    expect(screenValues(emulator).join('\n')).not.toContain('USDC')
  })

  test.each(['allow', 'refuse'] as const)(
    "refuses the filters (blindSigning: '%s'): the request ends there, never shown blind after clear",
    async (blindSigning) => {
      const { emulator, account, confirmations } = await setup(
        { blindSigning },
        { calPublicKey: otherKey },
      )
      await expect(account.signTypedData(usdcPermit)).rejects.toThrowError(
        expect.objectContaining({
          name: 'UnsupportedByDeviceError',
          details: expect.stringContaining('refused their signature (0x6a00)'),
        }),
      )
      expect(emulator.reviews.filter((review) => review.outcome === 'approved')).toEqual([])
      // The message info (E0 1E P2 0F) is the last APDU: nothing after the refused filter.
      const last = emulator.exchanges.at(-1)!
      expect([last.request.slice(0, 8), last.response]).toEqual(['e01e000f', '6a00'])
      expect(confirmations().map((status) => status.display)).not.toContain('blind')
    },
  )
})
