/**
 * The dApp example's bundled Counter descriptors (examples/dapp/src/counterDescriptors.generated.ts)
 * are what `airlock-ledger descriptors --test-signatures` writes from the fake CAL today (so they
 * cannot drift from the fixtures), and they do what the page relies on: an emulator trusting the
 * test PKI root, as the page's demo Ledger does, shows the Counter call field by field; one without
 * that root (as a real Ledger) refuses the certificate and the call is reported blind.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DeviceStatus } from '@airlock/core'
import { BlindSigningDisabledError, BlindSigningRefusedError } from '@airlock/core'
import { createLedgerEmulator, testMnemonic, testPublicKeyOf } from '@airlock/emulator'
import {
  exampleCounter,
  testClearSigningKeys as keys,
} from '@airlock/fixtures/clearSigningContracts'
import { toLedgerAccount } from '@airlock/ledger'
import {
  encodeFunctionData,
  erc20Abi,
  parseAbi,
  parseGwei,
  recoverTransactionAddress,
  type TransactionSerialized,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { writeCounterDescriptors } from '../../examples/dapp/contracts/counterDescriptors.js'
import { descriptors as committed } from '../../examples/dapp/src/counterDescriptors.generated.js'
import { testPkiRootPublicKey } from '../../examples/dapp/src/testPkiRoot.js'
import { counterAddress } from '../../examples/dapp/src/tokens.js'

const reference = mnemonicToAccount(testMnemonic)
const increment = {
  type: 'eip1559',
  chainId: 1,
  nonce: 0,
  gas: 60_000n,
  maxFeePerGas: parseGwei('30'),
  maxPriorityFeePerGas: parseGwei('1'),
  to: counterAddress,
  data: encodeFunctionData({ abi: parseAbi(['function increment()']), functionName: 'increment' }),
} as const

async function signIncrement(pkiRootPublicKey: `0x${string}` | undefined) {
  const device = createLedgerEmulator(pkiRootPublicKey ? { pkiRootPublicKey } : {})
  const account = await toLedgerAccount({
    transport: device.transport,
    path: "m/44'/60'/0'/0/0",
    descriptors: committed,
  })
  const statuses: DeviceStatus[] = []
  account.signer.onStatus((status) => statuses.push(status))
  const signing = account.signTransaction(increment)
  return { device, statuses, signing }
}

describe("the dApp's bundled Counter descriptors", () => {
  test('are what the command writes from the fake CAL now', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'airlock-dapp-descriptors-'))
    try {
      const out = join(dir, 'counterDescriptors.ts')
      await writeCounterDescriptors(out)
      expect(await readFile(out, 'utf8')).toContain("CAL's TEST signatures")
      const fresh = (await import(out)) as { descriptors: typeof committed }
      expect(fresh.descriptors).toEqual(committed)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 120_000)

  test("describe the page's Counter, signed under the page's test root", () => {
    expect(testPkiRootPublicKey).toBe(testPublicKeyOf(keys.pkiRoot))
    expect(committed.signatures).toBe('test')
    expect(
      committed.calldata.map(({ chainId, address, selector }) => [chainId, address, selector]),
    ).toEqual([[1, counterAddress.toLowerCase(), exampleCounter.functions[0]!.selector]])
  })

  test('an emulator trusting the test root shows the call in clear, with its fields', async () => {
    const { device, statuses, signing } = await signIncrement(testPkiRootPublicKey)
    const signed = await signing
    await expect(
      recoverTransactionAddress({ serializedTransaction: signed as TransactionSerialized }),
    ).resolves.toBe(reference.address)
    expect(statuses.filter((s) => s.type === 'confirm-on-device')).toMatchObject([
      { display: 'clear' },
    ])
    expect(device.reviews.at(-1)?.screens.slice(0, 3)).toEqual([
      { title: 'Review transaction to', value: 'Increment the counter' },
      { title: 'Interaction with', value: 'Airlock example' },
      { title: 'Counted for', value: reference.address },
    ])
  })

  test('an emulator without it (as a real Ledger) refuses them: blind, then refused', async () => {
    const { device, statuses, signing } = await signIncrement(undefined)
    await expect(signing).rejects.toBeInstanceOf(BlindSigningDisabledError)
    expect(statuses.filter((s) => s.type === 'confirm-on-device')).toMatchObject([
      { display: 'blind', reason: expect.stringContaining('refused the descriptor') },
    ])
    // The app's own refusal screen, never the descriptor's labels.
    expect(device.reviews.map((review) => review.screens)).toEqual([
      [{ title: 'Blind signing', value: 'Enable blind signing in Settings' }],
    ])
  })

  // A certificate refused after the transaction went in store mode leaves it stored in the app
  // (the OS refused, not the app); unless the driver resets the app, the next transfer's first
  // SIGN TX chunk does, dropping the token descriptor just provided: a transfer reported clear
  // would be refused as blind.
  test('after a refused Counter call, a USDC transfer is still clear-signed', async () => {
    const device = createLedgerEmulator()
    const account = await toLedgerAccount({
      transport: device.transport,
      path: "m/44'/60'/0'/0/0",
      descriptors: committed,
      blindSigning: 'refuse',
    })
    await expect(account.signTransaction(increment)).rejects.toBeInstanceOf(
      BlindSigningRefusedError,
    )
    await account.signTransaction({
      ...increment,
      to: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
      data: encodeFunctionData({
        abi: erc20Abi,
        functionName: 'transfer',
        args: ['0x14dC79964da2C08b23698B3D3cc7Ca32193d9955', 1_000_000n],
      }),
    })
  })
})
