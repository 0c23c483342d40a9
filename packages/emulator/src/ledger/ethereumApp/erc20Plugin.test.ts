import {
  encodeFunctionData,
  erc20Abi,
  type Hex,
  maxUint256,
  parseGwei,
  serializeTransaction,
  type TransactionSerializableEIP1559,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { beforeEach, describe, expect, test } from 'vitest'
import { testMnemonic } from '../../common/testMnemonic.js'
import { erc20Payloads, polygonDai, usdc } from '../_test/calFixtures.js'
import { createEth, denyNetwork } from '../_test/testUtils.js'
import { createLedgerEmulator, type LedgerEmulator } from '../createLedgerEmulator.js'

beforeEach(denyNetwork)

const path = "44'/60'/0'/0/0"
const account = mnemonicToAccount(testMnemonic)
const recipient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const real = erc20Payloads()

function call(chainId: number, token: Hex, data: Hex, value = 0n): TransactionSerializableEIP1559 {
  return {
    type: 'eip1559',
    chainId,
    nonce: 7,
    to: token,
    value,
    data,
    gas: 60_000n,
    maxFeePerGas: parseGwei('20'),
    maxPriorityFeePerGas: parseGwei('1'),
  }
}

const transfer = (amount: bigint) =>
  encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [recipient, amount] })
const approve = (amount: bigint) =>
  encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [recipient, amount] })

/** hw-app-eth provides the descriptors (E0 0A) before it streams the transaction. */
async function sign(emulator: LedgerEmulator, tx: TransactionSerializableEIP1559, tokens: Hex[]) {
  const resolution = { erc20Tokens: tokens, nfts: [], externalPlugin: [], plugin: [], domains: [] }
  const unsigned = serializeTransaction(tx)
  const { v, r, s } = await createEth(emulator).signTransaction(path, unsigned.slice(2), resolution)
  return serializeTransaction(tx, { r: `0x${r}`, s: `0x${s}`, yParity: Number(`0x${v}`) })
}

// hw-app-eth turns a 0x6a80 answer to SIGN into EthAppPleaseEnableContractData, whatever the cause.
async function expectRefusedSign(emulator: LedgerEmulator, promise: Promise<unknown>) {
  await expect(promise).rejects.toMatchObject({ name: 'EthAppPleaseEnableContractData' })
  expect(emulator.exchanges.at(-1)?.response).toBe('6a80')
}

const descriptor = (chainId: number, address: string) =>
  real[`${chainId}:${address.toLowerCase()}`]!.toString('hex') as Hex

describe('clear-signed with a real CAL descriptor', () => {
  test('USDC transfer: From, Send, To, Max fees', async () => {
    const emulator = createLedgerEmulator()
    const tx = call(1, usdc, transfer(1_500_000n))
    expect(await sign(emulator, tx, [descriptor(1, usdc)])).toBe(await account.signTransaction(tx))
    expect(emulator.reviews.at(-1)).toEqual({
      operation: 'transaction',
      outcome: 'approved',
      screens: [
        { title: 'From', value: account.address },
        { title: 'Send', value: '1.5 USDC' },
        { title: 'To', value: recipient },
        { title: 'Max fees', value: '0.0012 ETH' },
      ],
    })
  })

  test('USDC approve: Approve, Approve to; the maximum is "Unlimited USDC"', async () => {
    const emulator = createLedgerEmulator()
    await sign(emulator, call(1, usdc, approve(maxUint256)), [descriptor(1, usdc)])
    expect(emulator.reviews.at(-1)?.screens.slice(1, 3)).toEqual([
      { title: 'Approve', value: 'Unlimited USDC' },
      { title: 'Approve to', value: recipient },
    ])
    await sign(emulator, call(1, usdc, approve(1n)), [descriptor(1, usdc)])
    expect(emulator.reviews.at(-1)?.screens[1]).toEqual({
      title: 'Approve',
      value: '0.000001 USDC',
    })
  })

  test('Polygon DAI transfer: 18 decimals, the network, fees in POL', async () => {
    const emulator = createLedgerEmulator()
    const tx = call(137, polygonDai, transfer(12_340_000_000_000_000_000n))
    expect(await sign(emulator, tx, [descriptor(137, polygonDai)])).toBe(
      await account.signTransaction(tx),
    )
    expect(emulator.reviews.at(-1)?.screens).toEqual([
      { title: 'From', value: account.address },
      { title: 'Send', value: '12.34 DAI' },
      { title: 'To', value: recipient },
      { title: 'Network', value: 'Polygon' },
      { title: 'Max fees', value: '0.0012 POL' },
    ])
  })

  test('bytes after the amount (up to 64) show as Extra Data, text when printable', async () => {
    const emulator = createLedgerEmulator()
    const tagged = `${transfer(1n)}${Buffer.from('order-42').toString('hex')}` as Hex
    await sign(emulator, call(1, usdc, tagged), [descriptor(1, usdc)])
    expect(emulator.reviews.at(-1)?.screens[3]).toEqual({ title: 'Extra Data', value: 'order-42' })
    const tooLong = `${transfer(1n)}${'00'.repeat(65)}` as Hex
    await expectRefusedSign(emulator, sign(emulator, call(1, usdc, tooLong), [descriptor(1, usdc)]))
  })

  test('the descriptor is looked up by address only: a Polygon descriptor serves chain 1', async () => {
    const emulator = createLedgerEmulator()
    await sign(emulator, call(1, polygonDai, transfer(10n ** 18n)), [descriptor(137, polygonDai)])
    expect(emulator.reviews.at(-1)?.screens[1]).toEqual({ title: 'Send', value: '1 DAI' })
  })
})

describe('without a descriptor the ERC-20 plugin falls back to blind signing', () => {
  test('blind signing off: 0x6a80 and the "enable blind signing" screen', async () => {
    const emulator = createLedgerEmulator()
    await expectRefusedSign(emulator, sign(emulator, call(1, usdc, transfer(1n)), []))
    expect(emulator.reviews.at(-1)).toEqual({
      operation: 'transaction',
      outcome: 'rejected',
      screens: [{ title: 'Blind signing', value: 'Enable blind signing in Settings' }],
    })
  })

  test('blind signing on: the warning, From and the fees only', async () => {
    const emulator = createLedgerEmulator({ blindSigning: true })
    const tx = call(1, usdc, transfer(1n))
    expect(await sign(emulator, tx, [])).toBe(await account.signTransaction(tx))
    expect(emulator.reviews.at(-1)?.screens).toEqual([
      { title: 'Blind signing', value: 'This transaction cannot be clear-signed' },
      { title: 'From', value: account.address },
      { title: 'Max fees', value: '0.0012 ETH' },
    ])
  })

  test('a forged descriptor is refused, so the transfer stays blind', async () => {
    const emulator = createLedgerEmulator()
    const forged = descriptor(1, usdc).replace('55534443', '55534454') as Hex // USDC → USDT
    await expect(sign(emulator, call(1, usdc, transfer(1n)), [forged])).rejects.toMatchObject({
      statusCode: 0x6a80,
    })
  })
})

test('an ERC-20 call that also sends ETH is refused (0x6a80), even with blind signing on', async () => {
  const emulator = createLedgerEmulator({ blindSigning: true })
  const tx = call(1, usdc, transfer(1n), 1n)
  await expectRefusedSign(emulator, sign(emulator, tx, [descriptor(1, usdc)]))
})

test('tokens are forgotten after a signature and by GET ADDRESS', async () => {
  const emulator = createLedgerEmulator()
  const eth = createEth(emulator)
  await eth.provideERC20TokenInformation(descriptor(1, usdc))
  await eth.getAddress(path)
  await expectRefusedSign(emulator, sign(emulator, call(1, usdc, transfer(1n)), []))
  await sign(emulator, call(1, usdc, transfer(1n)), [descriptor(1, usdc)])
  await expectRefusedSign(emulator, sign(emulator, call(1, usdc, transfer(1n)), []))
})
