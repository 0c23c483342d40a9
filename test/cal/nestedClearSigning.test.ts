/**
 * Nested calls in fetched mode (`ledgerServices`) against the fake CAL: a Safe `execTransaction`
 * wrapping a USDC transfer asks CAL for the Safe and for the inner callee (and the inner call's
 * token), never for the account; an inner call to the account itself is not asked about.
 */
import {
  calPublicKeyOf,
  createLedgerEmulator,
  testMnemonic,
  testPublicKeyOf,
} from '@airlock/emulator'
import {
  clearSigningContracts,
  testClearSigningKeys as keys,
  safeWallet,
  usdcToken,
} from '@airlock/fixtures/clearSigningContracts'
import { toLedgerAccount } from '@airlock/ledger'
import {
  type Abi,
  type Address,
  encodeFunctionData,
  type Hex,
  parseAbi,
  parseGwei,
  parseUnits,
  zeroAddress,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { type FakeCal, startFakeCal } from './fakeCal.js'

const reference = mnemonicToAccount(testMnemonic)
const recipient: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

const execTransaction = (to: Address, data: Hex) =>
  ({
    type: 'eip1559',
    chainId: 1,
    nonce: 0,
    gas: 200_000n,
    maxFeePerGas: parseGwei('30'),
    maxPriorityFeePerGas: parseGwei('1'),
    to: safeWallet.address,
    data: encodeFunctionData({
      abi: parseAbi([safeWallet.functions[0]!.signature]) as Abi,
      functionName: 'execTransaction',
      args: [to, 0n, data, 0, 0n, 0n, 0n, zeroAddress, recipient, '0x'],
    }),
  }) as const

const usdcTransfer = encodeFunctionData({
  abi: parseAbi([usdcToken.functions[0]!.signature]) as Abi,
  functionName: 'transfer',
  args: [recipient, parseUnits('1.5', 6)],
})

let cal: FakeCal
beforeEach(async () => {
  cal = await startFakeCal([...clearSigningContracts, usdcToken])
})
afterEach(() => cal.close())

async function fetchedAccount() {
  const device = createLedgerEmulator({
    model: 'flex',
    pkiRootPublicKey: testPublicKeyOf(keys.pkiRoot),
    calPublicKey: calPublicKeyOf(keys.erc20),
  })
  const account = await toLedgerAccount({
    transport: device.transport,
    path: "m/44'/60'/0'/0/0",
    ledgerServices: { url: cal.url, signatures: 'test' },
    blindSigning: 'refuse',
  })
  return { device, account }
}

describe('nested calls in fetched mode', () => {
  test('asks CAL for the Safe, then the inner callee and its token, never the account', async () => {
    const { device, account } = await fetchedAccount()
    await account.signTransaction(execTransaction(usdcToken.address, usdcTransfer))
    expect(device.reviews.at(-1)?.screens.slice(2, -1)).toEqual([
      { title: 'Transaction type', value: 'Send' },
      { title: 'To', value: recipient },
      { title: 'Amount', value: '1.5 USDC' },
      { title: 'Refund receiver', value: recipient },
    ])
    expect(
      cal.requests.map((r) => [r.path, r.params.contracts ?? r.params.contract_address]),
    ).toEqual([
      ['/cal/v1/dapps', safeWallet.address],
      ['/cal/v1/certificates', undefined],
      ['/cal/v1/dapps', usdcToken.address],
      ['/cal/v1/tokens', usdcToken.address],
    ])
    const everything = JSON.stringify(cal.requests).toLowerCase()
    expect(everything).not.toContain(reference.address.toLowerCase().slice(2))
  })

  test('an inner call to the account itself is not asked about, and goes blind', async () => {
    const { device, account } = await fetchedAccount()
    await expect(
      account.signTransaction(execTransaction(reference.address, usdcTransfer)),
    ).rejects.toMatchObject({ name: 'BlindSigningRefusedError' })
    const everything = JSON.stringify(cal.requests).toLowerCase()
    expect(everything).not.toContain(reference.address.toLowerCase().slice(2))
    expect(device.reviews).toEqual([])
  })
})
