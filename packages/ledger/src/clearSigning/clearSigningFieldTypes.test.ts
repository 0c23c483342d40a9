/**
 * ERC-7730 field types beyond amounts and enums, bundled, on the emulator as shipped: an NFT field
 * (its collection's PROVIDE NFT INFORMATION goes before the field), a TRUSTED_NAME field (no name
 * is looked up: the device shows the address) and a UNIT field.
 */
import { calPublicKeyOf, testMnemonic } from '@airlock/emulator'
import {
  clearSigningTokens,
  erc721Collection,
  testClearSigningKeys as keys,
  uniswapFactory,
} from '@airlock/fixtures/clearSigningContracts'
import {
  type Abi,
  type Address,
  encodeFunctionData,
  parseAbi,
  recoverTransactionAddress,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import {
  describedCall as call,
  clearSigningAccount as setup,
} from '../_test/clearSigningAccount.js'
import { testDescriptors } from './testDescriptors.js'

const reference = mnemonicToAccount(testMnemonic)
const recipient: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

const nftTransfer = call(
  erc721Collection.address,
  encodeFunctionData({
    abi: parseAbi([erc721Collection.functions[0]!.signature]) as Abi,
    functionName: 'safeTransferFrom',
    args: [reference.address, recipient, 4242n],
  }),
)
const createPool = call(
  uniswapFactory.address,
  encodeFunctionData({
    abi: parseAbi([uniswapFactory.functions[0]!.signature]) as Abi,
    functionName: 'createPool',
    args: [clearSigningTokens[0]!.address, clearSigningTokens[1]!.address, 3000],
  }),
)

const apdusOf = (emulator: { exchanges: readonly { request: string }[] }) =>
  emulator.exchanges.map((exchange) => exchange.request.slice(0, 8))

describe('bundled descriptors with NFT, trusted-name and unit fields', () => {
  test('an NFT transfer shows "<collection> #<id>" and the recipient address, clear', async () => {
    const { emulator, account, confirmations } = await setup(testDescriptors(erc721Collection), {
      policy: 'refuse',
    })
    const signed = await account.signTransaction(nftTransfer)
    expect(
      await recoverTransactionAddress({ serializedTransaction: signed as `0x02${string}` }),
    ).toBe(reference.address)
    expect(emulator.reviews.at(-1)?.screens.slice(0, 4)).toEqual([
      { title: 'Review transaction to', value: 'Send NFT' },
      { title: 'Interaction with', value: 'Chiru Labs' },
      { title: 'NFT', value: 'Azuki #4242' },
      { title: 'To', value: recipient },
    ])
    expect(confirmations().at(-1)).toMatchObject({ display: 'clear' })
    // The collection's NFT information (E0 14) just before its field; no trusted name (E0 22).
    expect(apdusOf(emulator).filter((a) => !a.startsWith('e006'))).toEqual([
      'e0040001',
      'b0060b00',
      'e0260100',
      'e0140000',
      'e0280100',
      'e0280100',
      'e0040002',
    ])
  })

  test('without the collection the device refuses the NFT field: blind, nothing signed', async () => {
    const [set] = testDescriptors(erc721Collection)
    const { emulator, account } = await setup([{ ...set!, nfts: [] }], { policy: 'refuse' })
    await expect(account.signTransaction(nftTransfer)).rejects.toMatchObject({
      name: 'BlindSigningRefusedError',
      details: expect.stringContaining('0x6a80'),
      message: expect.stringContaining('Nothing was signed'),
    })
    expect(apdusOf(emulator)).not.toContain('e0040002')
    expect(emulator.reviews).toEqual([])
  })

  test('collection information signed with another key is refused: blind', async () => {
    const { account, emulator } = await setup(testDescriptors(erc721Collection), {
      policy: 'refuse',
      nftPublicKey: calPublicKeyOf(keys.erc20),
    })
    await expect(account.signTransaction(nftTransfer)).rejects.toMatchObject({
      name: 'BlindSigningRefusedError',
      details: expect.stringContaining('0x6a80'),
    })
    expect(emulator.reviews).toEqual([])
  })

  test('a fee tier shown as a unit', async () => {
    const { emulator, account, confirmations } = await setup(testDescriptors(uniswapFactory))
    await account.signTransaction(createPool)
    expect(emulator.reviews.at(-1)?.screens.slice(2, 5)).toEqual([
      { title: 'Token A', value: clearSigningTokens[0]!.address },
      { title: 'Token B', value: clearSigningTokens[1]!.address },
      { title: 'Fee tier', value: '0.3 %' },
    ])
    expect(confirmations().at(-1)).toMatchObject({ display: 'clear' })
  })
})
