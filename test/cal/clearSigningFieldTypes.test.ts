/**
 * Fetched mode (`ledgerServices`) for NFT and trusted-name fields, against the fake CAL and its NFT
 * metadata service: the collection a descriptor names is asked of the metadata service with
 * context-module's path; the signer's own address is never asked, even where crafted calldata
 * puts it in a token path; no name is looked up for a TRUSTED_NAME field.
 */
import {
  calPublicKeyOf,
  createLedgerEmulator,
  testMnemonic,
  testPublicKeyOf,
} from '@airlock/emulator'
import {
  clearSigningTokens,
  erc721Collection,
  testClearSigningKeys as keys,
  swapRouter,
} from '@airlock/fixtures/clearSigningContracts'
import { type LedgerDescriptors, toLedgerAccount } from '@airlock/ledger'
import { runDescriptorsCommand } from '@airlock/ledger/descriptors'
import { type Abi, type Address, encodeFunctionData, type Hex, parseAbi, parseGwei } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { type FakeCal, startFakeCal } from './fakeCal.js'

const reference = mnemonicToAccount(testMnemonic)
const recipient: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const weth = clearSigningTokens[1]!

const call = (to: Address, data: Hex) =>
  ({
    type: 'eip1559',
    chainId: 1,
    nonce: 0,
    gas: 200_000n,
    maxFeePerGas: parseGwei('30'),
    maxPriorityFeePerGas: parseGwei('1'),
    to,
    data,
  }) as const

const nftTransfer = (to: Address = erc721Collection.address) =>
  call(
    to,
    encodeFunctionData({
      abi: parseAbi([erc721Collection.functions[0]!.signature]) as Abi,
      functionName: 'safeTransferFrom',
      args: [reference.address, recipient, 4242n],
    }),
  )

let cal: FakeCal
beforeEach(async () => {
  cal = await startFakeCal()
})
afterEach(() => cal.close())

async function fetchedAccount() {
  const device = createLedgerEmulator({
    model: 'flex',
    pkiRootPublicKey: testPublicKeyOf(keys.pkiRoot),
    calPublicKey: calPublicKeyOf(keys.erc20),
    nftPublicKey: calPublicKeyOf(keys.nft),
  })
  const account = await toLedgerAccount({
    transport: device.transport,
    path: "m/44'/60'/0'/0/0",
    ledgerServices: { url: cal.url, metadataUrl: cal.metadataUrl, signatures: 'test' },
    blindSigning: 'refuse',
  })
  return { device, account }
}

const signer = reference.address.toLowerCase().slice(2)

describe('ledgerServices with NFT and trusted-name fields', () => {
  test('an NFT transfer: the collection from the metadata service, no name looked up', async () => {
    const { device, account } = await fetchedAccount()
    await account.signTransaction(nftTransfer())
    expect(device.reviews.at(-1)?.screens.slice(2, 4)).toEqual([
      { title: 'NFT', value: 'Azuki #4242' },
      { title: 'To', value: recipient },
    ])
    expect(cal.requests.map((r) => r.path)).toEqual([
      '/cal/v1/dapps',
      '/cal/v1/certificates',
      `/v1/ethereum/1/contracts/${erc721Collection.address}`,
    ])
    const everything = JSON.stringify(cal.requests).toLowerCase()
    expect(everything).not.toContain(signer)
    expect(everything).not.toContain(recipient.toLowerCase().slice(2))
  })

  test("crafted calldata with the signer's address as a token: that token is not asked", async () => {
    const { account } = await fetchedAccount()
    const data = encodeFunctionData({
      abi: parseAbi([swapRouter.functions[0]!.signature]) as Abi,
      functionName: 'exactInputSingle',
      args: [
        {
          tokenIn: reference.address,
          tokenOut: weth.address,
          fee: 500,
          recipient,
          amountIn: 1n,
          amountOutMinimum: 1n,
          sqrtPriceLimitX96: 0n,
        },
      ],
    })
    await account.signTransaction(call(swapRouter.address, data))
    expect(cal.requests.map((r) => r.path)).toEqual([
      '/cal/v1/dapps',
      '/cal/v1/certificates',
      '/cal/v1/tokens',
    ])
    expect(cal.requests[2]!.params.contract_address).toBe(weth.address)
    expect(JSON.stringify(cal.requests).toLowerCase()).not.toContain(signer)
  })

  test("a call to the signer's own address asks nothing", async () => {
    const { account } = await fetchedAccount()
    await expect(account.signTransaction(nftTransfer(reference.address))).rejects.toMatchObject({
      name: 'BlindSigningRefusedError',
    })
    expect(cal.requests).toEqual([])
  })
})

describe('airlock-ledger descriptors --nft (bundled mode)', () => {
  test('bundles the collection from the metadata service; signing makes no request', async () => {
    const { descriptors } = await runDescriptorsCommand([
      '--chain',
      '1',
      '--contract',
      erc721Collection.address,
      '--nft',
      erc721Collection.address,
      '--cal-url',
      cal.url,
      '--metadata-url',
      cal.metadataUrl,
      '--test-signatures',
    ])
    expect(descriptors.nfts?.map((nft) => nft.address)).toEqual([erc721Collection.address])
    expect(cal.requests.at(-1)?.path).toBe(`/v1/ethereum/1/contracts/${erc721Collection.address}`)
    cal.requests.length = 0
    const device = createLedgerEmulator({
      model: 'stax',
      pkiRootPublicKey: testPublicKeyOf(keys.pkiRoot),
      nftPublicKey: calPublicKeyOf(keys.nft),
    })
    const account = await toLedgerAccount({
      transport: device.transport,
      path: "m/44'/60'/0'/0/0",
      descriptors: JSON.parse(JSON.stringify(descriptors)) as LedgerDescriptors,
      blindSigning: 'refuse',
    })
    await account.signTransaction(nftTransfer())
    expect(device.reviews.at(-1)?.screens[2]).toEqual({ title: 'NFT', value: 'Azuki #4242' })
    expect(cal.requests).toEqual([])
  })
})
