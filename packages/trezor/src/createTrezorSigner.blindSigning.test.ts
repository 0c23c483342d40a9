import { BlindSigningRefusedError, type DeviceStatus, toHardwareAccount } from '@airlock/core'
import { getAddress, type Hex, keccak256, pad, stringToHex } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { testMnemonic, useTrezorEmulator } from './_test/emulator.js'
import { createTrezorSigner } from './createTrezorSigner.js'

const path = "m/44'/60'/0'/0/0"
const reference = mnemonicToAccount(testMnemonic, { path })
const usdc = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48'
const word = (value: Hex) => pad(value).slice(2)
const base = { type: 'eip1559', chainId: 1, maxFeePerGas: 10n ** 10n, gas: 100_000n } as const
const requests = {
  plain: { ...base, to: reference.address, value: 1n },
  transfer: { ...base, to: usdc, data: `0xa9059cbb${word(reference.address)}${word('0x01')}` },
  approve: { ...base, to: usdc, data: `0x095ea7b3${word(reference.address)}${word('0x01')}` },
  // setApprovalForAll(address,bool): calldata no Trezor decodes.
  unknown: { ...base, to: usdc, data: `0xa22cb465${word(reference.address)}${word('0x01')}` },
} as const
const typedData = {
  domain: { name: 'Airlock', chainId: 1 },
  types: { Check: [{ name: 'contents', type: 'string' }] },
  primaryType: 'Check',
  message: { contents: 'hello' },
} as const

function useSigner(device: ReturnType<typeof useTrezorEmulator>) {
  return async (options: { blindSigning?: 'allow' | 'refuse'; events?: boolean } = {}) => {
    const { on: _on, off: _off, ...methods } = device.emulator.connect
    const connect = options.events === false ? (methods as never) : device.emulator.connect
    const signer = createTrezorSigner({ connect, blindSigning: options.blindSigning })
    const account = await toHardwareAccount(signer, { path })
    const statuses: DeviceStatus[] = []
    signer.onStatus((status) => statuses.push(status))
    device.emulator.clearLogs()
    /** The Ethereum signing messages the device received. */
    const signingRequests = () =>
      device.emulator.exchanges
        .map(({ request }) => request.split(' ')[0]!)
        .filter((name) => name.startsWith('EthereumSign'))
    const confirms = () => statuses.filter((status) => status.type === 'confirm-on-device')
    return { signer, account, statuses, signingRequests, confirms }
  }
}

describe('Safe 5 (T3T1, firmware 2.12.4)', () => {
  const device = useTrezorEmulator('T3T1')
  const setup = useSigner(device)

  test('each transaction says how the firmware shows it, when the device asks', async () => {
    const { account, confirms } = await setup()
    for (const request of Object.values(requests))
      expect(await account.signTransaction(request)).toBe(await reference.signTransaction(request))
    expect(confirms()).toEqual([
      {
        type: 'confirm-on-device',
        operation: 'signTransaction',
        display: 'clear',
        reason: 'plain transfer',
      },
      {
        type: 'confirm-on-device',
        operation: 'signTransaction',
        display: 'clear',
        reason: 'ERC-20 transfer',
      },
      {
        type: 'confirm-on-device',
        operation: 'signTransaction',
        display: 'clear',
        reason: 'ERC-20 approval',
      },
      {
        type: 'confirm-on-device',
        operation: 'signTransaction',
        display: 'blind',
        reason: 'contract data the device cannot decode',
      },
    ])
    // The emulated firmware showed the unknown call as raw data.
    expect(device.emulator.reviews.at(-1)?.screens.map((screen) => screen.title)).toContain('Data')
  })

  test('messages, typed data and addresses are clear', async () => {
    const { account, confirms } = await setup()
    await account.signMessage({ message: 'hello' })
    await account.signTypedData(typedData)
    await account.verifyAddress()
    expect(
      confirms().map(({ operation, display, reason }) => [operation, display, reason]),
    ).toEqual([
      ['signMessage', 'clear', 'message text'],
      ['signTypedData', 'clear', 'EIP-712 fields'],
      ['getAddress', 'clear', 'address'],
    ])
  })

  test("'refuse': an unknown contract call ends in BlindSigningRefusedError; the device got nothing", async () => {
    const { account, statuses, signingRequests } = await setup({ blindSigning: 'refuse' })
    const error = await account.signTransaction(requests.unknown).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BlindSigningRefusedError)
    expect(error).toMatchObject({
      operation: 'signTransaction',
      details: 'contract data the device cannot decode',
      rpcCode: 4001,
    })
    expect(signingRequests()).toEqual([])
    expect(device.emulator.reviews).toEqual([])
    expect(statuses.map((status) => status.type)).toEqual(['error'])
  })

  test('an ERC-20 transfer and approval: the screens name the token contract, the party and raw units', async () => {
    const { account } = await setup()
    await account.signTransaction(requests.transfer)
    await account.signTransaction(requests.approve)
    const [transfer, approve] = device.emulator.reviews.map((review) => review.screens.slice(0, 4))
    const unknownToken = [
      { title: 'Unknown token', value: 'Unknown contract address' },
      { title: 'Token contract', value: getAddress(usdc) },
    ]
    expect(transfer).toEqual([
      ...unknownToken,
      { title: 'Recipient', value: reference.address },
      { title: 'Amount', value: '1 Wei UNKN' },
    ])
    expect(approve).toEqual([
      ...unknownToken,
      { title: 'Approve to', value: reference.address },
      { title: 'Amount', value: '1 Wei UNKN' },
    ])
  })

  test('messages the device shows as hex or with placeholder glyphs are blind, and refused under refuse', async () => {
    const hash = keccak256(stringToHex('a Safe transaction'))
    const messages = [{ raw: hash }, 'héllo wörld', 'pay \u202Eevil'] as const
    const { account, confirms } = await setup()
    for (const message of messages) await account.signMessage({ message })
    expect(confirms().map(({ display, reason }) => [display, reason])).toEqual([
      ['blind', 'the device shows this message as 32 bytes of hex: it may be a hash'],
      ['blind', 'this message: 2 characters the device cannot draw'],
      ['blind', 'this message: 1 characters the device cannot draw'],
    ])
    expect(device.emulator.reviews.map((review) => review.screens[1]?.value)).toEqual([
      `hex(${hash.slice(2)})`,
      'h\uFFFDllo w\uFFFDrld',
      'pay \uFFFDevil',
    ])
    const refusing = await setup({ blindSigning: 'refuse' })
    for (const message of messages)
      await expect(refusing.account.signMessage({ message })).rejects.toBeInstanceOf(
        BlindSigningRefusedError,
      )
    expect(refusing.signingRequests()).toEqual([])
  })

  test("'refuse': what the firmware decodes still signs", async () => {
    const { account, signingRequests } = await setup({ blindSigning: 'refuse' })
    for (const request of [requests.plain, requests.transfer, requests.approve])
      expect(await account.signTransaction(request)).toBe(await reference.signTransaction(request))
    expect(await account.signTypedData(typedData)).toBe(await reference.signTypedData(typedData))
    expect(await account.signMessage({ message: 'hello' })).toBe(
      await reference.signMessage({ message: 'hello' }),
    )
    expect(signingRequests()).toEqual([
      'EthereumSignTxEIP1559',
      'EthereumSignTxEIP1559',
      'EthereumSignTxEIP1559',
      'EthereumSignTypedData',
      'EthereumSignMessage',
    ])
  })

  test("'refuse' without Connect events: refused before the call as well", async () => {
    const { account, signingRequests } = await setup({ blindSigning: 'refuse', events: false })
    await expect(account.signTransaction(requests.unknown)).rejects.toBeInstanceOf(
      BlindSigningRefusedError,
    )
    expect(signingRequests()).toEqual([])
    expect(await account.signTransaction(requests.transfer)).toBe(
      await reference.signTransaction(requests.transfer),
    )
  })
})

describe('Model One (T1B1)', () => {
  const device = useTrezorEmulator('T1B1')
  const setup = useSigner(device)

  test('typed data is blind (two hashes); an approval is raw data; a transfer lacks its token', async () => {
    const { account, confirms } = await setup()
    await account.signTypedData(typedData)
    await account.signTransaction(requests.approve)
    await account.signTransaction(requests.transfer)
    expect(confirms().map(({ display, reason }) => [display, reason])).toEqual([
      ['blind', 'the Model One shows only the domain and message hashes'],
      ['blind', 'an ERC-20 approval, which the Model One shows as raw data'],
      ['blind', 'an ERC-20 transfer, which the Model One shows without the token contract'],
    ])
    // Recipient and raw units, and nowhere the token contract.
    const screens = device.emulator.reviews.at(-1)!.screens
    expect(screens.slice(0, 2)).toEqual([
      { title: 'Recipient', value: reference.address },
      { title: 'Amount', value: '1 Wei UNKN' },
    ])
    expect(JSON.stringify(screens).toLowerCase()).not.toContain(usdc.slice(2))
  })

  test("'refuse': typed data and approvals are refused before the device gets them", async () => {
    const { account, signingRequests } = await setup({ blindSigning: 'refuse' })
    await expect(account.signTypedData(typedData)).rejects.toMatchObject({
      name: 'BlindSigningRefusedError',
      operation: 'signTypedData',
      details: 'the Model One shows only the domain and message hashes',
    })
    await expect(account.signTransaction(requests.approve)).rejects.toMatchObject({
      name: 'BlindSigningRefusedError',
      operation: 'signTransaction',
    })
    expect(signingRequests()).toEqual([])
    expect(await account.signMessage({ message: 'hello' })).toBe(
      await reference.signMessage({ message: 'hello' }),
    )
  })
})
