/**
 * Nested calls (a CALLDATA field: Safe `execTransaction`) clear-signed with bundled descriptors on
 * the emulator as shipped (blind signing off): the outer call's fields and the inner call's, each
 * from its own descriptor; an inner call without a usable descriptor is reported blind.
 */
import { testMnemonic } from '@airlock/emulator'
import { exampleCounter, safeWallet, usdcToken } from '@airlock/fixtures/clearSigningContracts'
import {
  type Abi,
  type Address,
  encodeFunctionData,
  getAddress,
  type Hex,
  parseAbi,
  parseUnits,
  recoverTransactionAddress,
  zeroAddress,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { clearSigningAccount, describedCall } from '../_test/clearSigningAccount.js'
import { testDescriptors } from './testDescriptors.js'
import type { LedgerDescriptors } from './types.js'

const reference = mnemonicToAccount(testMnemonic)
const recipient: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

const execTransaction = (to: Address, data: Hex) =>
  describedCall(
    safeWallet.address,
    encodeFunctionData({
      abi: parseAbi([safeWallet.functions[0]!.signature]) as Abi,
      functionName: 'execTransaction',
      args: [to, 0n, data, 0, 0n, 0n, 0n, zeroAddress, recipient, '0x'],
    }),
  )
// Every request here is refused unless the device shows it in clear.
const setup = (descriptors: LedgerDescriptors[]) =>
  clearSigningAccount(descriptors, { policy: 'refuse' })

const usdcTransfer = encodeFunctionData({
  abi: parseAbi([usdcToken.functions[0]!.signature]) as Abi,
  functionName: 'transfer',
  args: [recipient, parseUnits('1.5', 6)],
})

const apdusOf = (emulator: { exchanges: readonly { request: string }[] }) =>
  emulator.exchanges.map((exchange) => exchange.request.slice(0, 8))

describe('nested calls with bundled descriptors', () => {
  test('a Safe transaction wrapping a USDC transfer shows both calls and is clear', async () => {
    const { emulator, account, confirmations } = await setup(testDescriptors(safeWallet, usdcToken))
    const signed = await account.signTransaction(execTransaction(usdcToken.address, usdcTransfer))
    expect(
      await recoverTransactionAddress({ serializedTransaction: signed as `0x02${string}` }),
    ).toBe(reference.address)
    expect(emulator.reviews.at(-1)?.screens.slice(0, -1)).toEqual([
      { title: 'Review transaction to', value: 'execute a Safe action' },
      { title: 'Interaction with', value: 'Safe' },
      { title: 'Transaction type', value: 'Send' },
      { title: 'To', value: recipient },
      { title: 'Amount', value: '1.5 USDC' },
      { title: 'Refund receiver', value: recipient },
    ])
    expect(confirmations().map((c) => 'display' in c && c.display)).toEqual(['clear'])
    // The Safe's certificate, info and CALLDATA field; then the transfer's certificate, info, its
    // fields (the USDC descriptor before the amount); then the Safe's last field and the start.
    expect(apdusOf(emulator).filter((a) => !a.startsWith('e006'))).toEqual([
      'e0040001',
      'e0048001',
      'e0048001',
      'b0060b00',
      'e0260100',
      'e0280100',
      'b0060b00',
      'e0260100',
      'e0280100',
      'e00a0000',
      'e0280100',
      'e0280100',
      'e0040002',
    ])
  })

  test('an inner call without a descriptor is blind before any APDU, and refused', async () => {
    const { emulator, account, confirmations } = await setup(testDescriptors(safeWallet))
    await expect(
      account.signTransaction(execTransaction(usdcToken.address, usdcTransfer)),
    ).rejects.toMatchObject({ name: 'BlindSigningRefusedError' })
    expect(confirmations()).toEqual([])
    expect(apdusOf(emulator).filter((a) => a.startsWith('e026') || a === 'e0040001')).toEqual([])
    expect(emulator.reviews).toEqual([])
  })

  test('a tampered inner descriptor is refused by the device and reported blind', async () => {
    const [safe, usdc] = testDescriptors(safeWallet, usdcToken) as [
      LedgerDescriptors,
      LedgerDescriptors,
    ]
    const transfer = usdc.calldata[0]!
    // "Send" -> "Stend" in the signed TRANSACTION INFO: its signature no longer verifies.
    const tampered = transfer.transactionInfo.replace('0453656e64', '0453746e64') as Hex
    expect(tampered).not.toBe(transfer.transactionInfo)
    const { emulator, account } = await setup([
      safe,
      { ...usdc, calldata: [{ ...transfer, transactionInfo: tampered }] },
    ])
    await expect(
      account.signTransaction(execTransaction(usdcToken.address, usdcTransfer)),
    ).rejects.toMatchObject({
      name: 'BlindSigningRefusedError',
      details: expect.stringContaining('0x6a80'),
    })
    expect(apdusOf(emulator)).not.toContain('e0040002')
    expect(emulator.reviews).toEqual([])
  })

  test('the Counter called by the Safe shows the Safe as the account counted', async () => {
    const { emulator, account, confirmations } = await setup(
      testDescriptors(safeWallet, exampleCounter),
    )
    const increment = exampleCounter.functions[0]!.selector
    await account.signTransaction(execTransaction(exampleCounter.address, increment))
    expect(emulator.reviews.at(-1)?.screens.slice(2, -1)).toEqual([
      { title: 'Transaction type', value: 'Increment the counter' },
      { title: 'Counted for', value: getAddress(safeWallet.address) },
      { title: 'Refund receiver', value: recipient },
    ])
    expect(confirmations().at(-1)).toMatchObject({ display: 'clear' })
  })
})
