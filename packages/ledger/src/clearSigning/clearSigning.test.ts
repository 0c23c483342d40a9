/**
 * ERC-7730 clear signing with bundled descriptors, end to end on the emulator as shipped (blind
 * signing off): the emulator verifies the test PKI's certificate and CAL-shaped signatures as the
 * app does, and shows the fields; the driver reports `clear` only once the device accepted them.
 */
import type { DeviceStatus } from '@airlock/core'
import { createLedgerEmulator, testMnemonic, testPublicKeyOf } from '@airlock/emulator'
import {
  clearSigningTokens,
  erc1155Collection,
  testClearSigningKeys as keys,
  lendingPool,
  swapRouter,
} from '@airlock/fixtures/clearSigningContracts'
import {
  type Abi,
  type Address,
  encodeFunctionData,
  type Hex,
  parseAbi,
  parseUnits,
  recoverTransactionAddress,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { describe, expect, test, vi } from 'vitest'
import {
  describedCall as call,
  clearSigningAccount as setup,
  testKeysDevice as testDevice,
} from '../_test/clearSigningAccount.js'
import { toLedgerAccount } from '../toLedgerAccount.js'
import { testDescriptors } from './testDescriptors.js'
import type { LedgerDescriptors } from './types.js'

const reference = mnemonicToAccount(testMnemonic)
const recipient: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const [usdc, weth] = clearSigningTokens as [
  (typeof clearSigningTokens)[0],
  (typeof clearSigningTokens)[0],
]
const swap = call(
  swapRouter.address,
  encodeFunctionData({
    abi: parseAbi([swapRouter.functions[0]!.signature]) as Abi,
    functionName: 'exactInputSingle',
    args: [
      {
        tokenIn: usdc.address,
        tokenOut: weth.address,
        fee: 500,
        recipient,
        amountIn: parseUnits('1.5', 6),
        amountOutMinimum: parseUnits('0.0004', 18),
        sqrtPriceLimitX96: 0n,
      },
    ],
  }),
)
const supply = call(
  lendingPool.address,
  encodeFunctionData({
    abi: parseAbi([lendingPool.functions[0]!.signature]) as Abi,
    functionName: 'supply',
    args: [usdc.address, parseUnits('100', 6), reference.address, 0],
  }),
)
const batchTransfer = call(
  erc1155Collection.address,
  encodeFunctionData({
    abi: parseAbi([erc1155Collection.functions[0]!.signature]) as Abi,
    functionName: 'safeBatchTransferFrom',
    args: [reference.address, recipient, [7n, 42n], [1n, 5n], '0x'],
  }),
)

const apdusOf = (emulator: { exchanges: readonly { request: string }[] }) =>
  emulator.exchanges.map((exchange) => exchange.request.slice(0, 8))

describe('bundled ERC-7730 descriptors', () => {
  test('a swap is shown field by field, reported clear, and signed', async () => {
    const { emulator, account, confirmations } = await setup(testDescriptors(swapRouter))
    const signed = await account.signTransaction(swap)
    expect(
      await recoverTransactionAddress({ serializedTransaction: signed as `0x02${string}` }),
    ).toBe(reference.address)
    expect(emulator.reviews.at(-1)?.screens.slice(0, 5)).toEqual([
      { title: 'Review transaction to', value: 'Swap' },
      { title: 'Interaction with', value: 'Uniswap' },
      { title: 'Send', value: '1.5 USDC' },
      { title: 'Receive minimum', value: '0.0004 WETH' },
      { title: 'Beneficiary', value: recipient },
    ])
    expect(confirmations().at(-1)).toMatchObject({ display: 'clear' })
    // Store, certificate, info, then per field its token and the field, then the start.
    expect(apdusOf(emulator).filter((a) => !a.startsWith('e006'))).toEqual([
      'e0040001',
      'e0048001',
      'b0060b00',
      'e0260100',
      'e00a0000',
      'e0280100',
      'e00a0000',
      'e0280100',
      'e0280100',
      'e0040002',
    ])
  })

  test('a lending deposit and an ERC-1155 batch transfer, with blind signing refused', async () => {
    const { emulator, account, confirmations } = await setup(
      testDescriptors(lendingPool, erc1155Collection),
      { policy: 'refuse' },
    )
    await account.signTransaction(supply)
    expect(emulator.reviews.at(-1)?.screens.slice(2, 4)).toEqual([
      { title: 'Amount to supply', value: '100 USDC' },
      { title: 'Collateral recipient', value: reference.address },
    ])
    await account.signTransaction(batchTransfer)
    expect(emulator.reviews.at(-1)?.screens.slice(2, -1)).toEqual([
      { title: 'From', value: reference.address },
      { title: 'To', value: recipient },
      { title: 'Token ID', value: '7' },
      { title: 'Token ID', value: '42' },
      { title: 'Quantity', value: '1' },
      { title: 'Quantity', value: '5' },
    ])
    expect(confirmations().map((c) => 'display' in c && c.display)).toEqual(['clear', 'clear'])
  })

  test('every certificate model is bundled: a Stax and a Nano X each get their own', async () => {
    for (const model of ['stax', 'nanoX'] as const) {
      const { emulator, account } = await setup(testDescriptors(swapRouter), { model })
      await account.signTransaction(swap)
      expect(emulator.reviews.at(-1)?.screens[0]).toEqual({
        title: 'Review transaction to',
        value: 'Swap',
      })
    }
  })

  test('without descriptors the same swap is blind and refused by the device', async () => {
    const { emulator, account, confirmations } = await setup(undefined)
    await expect(account.signTransaction(swap)).rejects.toThrow()
    expect(confirmations().at(-1)).toMatchObject({ display: 'blind' })
    expect(emulator.reviews.map((review) => review.screens[0]?.title)).toEqual(['Blind signing'])
  })

  test("a device that does not trust the certificate's root reports blind before signing", async () => {
    const { emulator, account } = await setup(testDescriptors(swapRouter), {
      policy: 'refuse',
      pkiRootPublicKey: testPublicKeyOf(keys.erc20),
    })
    await expect(account.signTransaction(swap)).rejects.toMatchObject({
      name: 'BlindSigningRefusedError',
      details: expect.stringContaining('0x5720'),
    })
    expect(apdusOf(emulator)).not.toContain('e0040002')
    expect(emulator.reviews).toEqual([])
  })

  test('a tampered transaction info is refused by the device and reported blind', async () => {
    const [set] = testDescriptors(swapRouter)
    const descriptor = set!.calldata[0]!
    const tampered: LedgerDescriptors = {
      ...set!,
      calldata: [
        {
          ...descriptor,
          transactionInfo: descriptor.transactionInfo.replace('53776170', '53746f70') as Hex,
        },
      ],
    }
    const { emulator, account } = await setup([tampered], { policy: 'refuse' })
    await expect(account.signTransaction(swap)).rejects.toMatchObject({
      name: 'BlindSigningRefusedError',
      details: expect.stringContaining('0x6a80'),
    })
    expect(emulator.reviews).toEqual([])
  })

  test('a tampered field is caught before anything is sent and reported blind', async () => {
    const [set] = testDescriptors(swapRouter)
    const descriptor = set!.calldata[0]!
    const fields = descriptor.fields.map((field, i) =>
      i === 1
        ? { ...field, payload: field.payload.replace('6d696e696d756d', '6d6178696d756d') as Hex }
        : field,
    )
    expect(fields[1]!.payload).not.toBe(descriptor.fields[1]!.payload)
    const { emulator, account } = await setup(
      [{ ...set!, calldata: [{ ...descriptor, fields }] }],
      { policy: 'refuse' },
    )
    await expect(account.signTransaction(swap)).rejects.toMatchObject({
      name: 'BlindSigningRefusedError',
      details: expect.stringContaining('do not match'),
    })
    expect(emulator.exchanges.filter((e) => e.request.startsWith('e004'))).toEqual([])
  })

  test('with blind signing on, a refused descriptor falls back to the blind flow', async () => {
    const emulator = createLedgerEmulator({
      ...testDevice,
      model: 'nanoX',
      blindSigning: true,
      pkiRootPublicKey: testPublicKeyOf(keys.erc20),
    })
    const account = await toLedgerAccount({
      transport: emulator.transport,
      path: "m/44'/60'/0'/0/0",
      descriptors: testDescriptors(swapRouter),
    })
    const statuses: DeviceStatus[] = []
    account.signer.onStatus((status) => statuses.push(status))
    const signed = await account.signTransaction(swap)
    expect(
      await recoverTransactionAddress({ serializedTransaction: signed as `0x02${string}` }),
    ).toBe(reference.address)
    expect(statuses.filter((s) => s.type === 'confirm-on-device').at(-1)).toMatchObject({
      display: 'blind',
    })
    expect(emulator.reviews.at(-1)?.screens.map((screen) => screen.title)).toContain(
      'Blind signing',
    )
  })

  test('bundled mode sends nothing over the network', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch')
    const { account } = await setup(testDescriptors(swapRouter))
    await account.signTransaction(swap)
    expect(fetch).not.toHaveBeenCalled()
    fetch.mockRestore()
  })
})
