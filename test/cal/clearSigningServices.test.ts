/**
 * Where clear-signing descriptors come from, against a fake CAL that logs every request:
 * bundled (written by `airlock-ledger descriptors` ahead of time: no request at signing time) and
 * fetched (`ledgerServices`: the chain, the called contract and its tokens, never the account).
 */
import {
  calPublicKeyOf,
  createLedgerEmulator,
  testMnemonic,
  testPublicKeyOf,
} from '@airlock/emulator'
import {
  clearSigningTokens,
  testClearSigningKeys as keys,
  swapRouter,
} from '@airlock/fixtures/clearSigningContracts'
import { type LedgerDescriptors, toLedgerAccount } from '@airlock/ledger'
import { parseDescriptorsArguments, runDescriptorsCommand } from '@airlock/ledger/descriptors'
import { type Abi, encodeFunctionData, parseAbi, parseGwei, parseUnits } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { type FakeCal, startFakeCal } from './fakeCal.js'

const reference = mnemonicToAccount(testMnemonic)
const [usdc, weth] = clearSigningTokens as [
  (typeof clearSigningTokens)[0],
  (typeof clearSigningTokens)[0],
]
const swap = {
  type: 'eip1559',
  chainId: 1,
  nonce: 0,
  gas: 200_000n,
  maxFeePerGas: parseGwei('30'),
  maxPriorityFeePerGas: parseGwei('1'),
  to: swapRouter.address,
  data: encodeFunctionData({
    abi: parseAbi([swapRouter.functions[0]!.signature]) as Abi,
    functionName: 'exactInputSingle',
    args: [
      {
        tokenIn: usdc.address,
        tokenOut: weth.address,
        fee: 500,
        recipient: reference.address,
        amountIn: parseUnits('1.5', 6),
        amountOutMinimum: parseUnits('0.0004', 18),
        sqrtPriceLimitX96: 0n,
      },
    ],
  }),
} as const

let cal: FakeCal
beforeEach(async () => {
  cal = await startFakeCal()
})
afterEach(() => cal.close())

function emulator() {
  return createLedgerEmulator({
    model: 'flex',
    pkiRootPublicKey: testPublicKeyOf(keys.pkiRoot),
    calPublicKey: calPublicKeyOf(keys.erc20),
  })
}

describe('airlock-ledger descriptors (bundled mode)', () => {
  test('writes a module from CAL, and signing with it makes no request', async () => {
    const { module, descriptors } = await runDescriptorsCommand([
      '--chain',
      '1',
      '--contract',
      swapRouter.address,
      '--token',
      usdc.address,
      '--token',
      weth.address,
      '--cal-url',
      cal.url,
      '--test-signatures',
      '--out',
      'descriptors.ts',
    ])
    expect(module).toContain("import type { LedgerDescriptors } from '@airlock/ledger'")
    expect(module).toContain("CAL's TEST signatures")
    expect(descriptors.calldata.map((d) => d.selector)).toEqual([swapRouter.functions[0]!.selector])
    expect(Object.keys(descriptors.certificates).sort()).toEqual([
      'flex',
      'nanoS',
      'nanoSP',
      'nanoX',
      'stax',
    ])
    expect(cal.requests.map((r) => r.path)).toEqual([
      '/cal/v1/dapps',
      ...Array(6).fill('/cal/v1/certificates'),
      '/cal/v1/tokens',
      '/cal/v1/tokens',
    ])
    expect(cal.requests[0]!.params).toEqual({
      output: 'descriptors_calldata',
      chain_id: '1',
      contracts: swapRouter.address,
      contract_address: swapRouter.address,
      ref: 'branch:main',
    })
    expect(cal.requests[1]!.params).toEqual({
      output: 'descriptor',
      target_device: 'nanoS',
      latest: 'true',
      public_key_id: 'cal_calldata_key',
      public_key_usage: 'calldata',
    })

    cal.requests.length = 0
    const device = emulator()
    const account = await toLedgerAccount({
      transport: device.transport,
      path: "m/44'/60'/0'/0/0",
      descriptors: JSON.parse(JSON.stringify(descriptors)) as LedgerDescriptors,
      blindSigning: 'refuse',
    })
    await account.signTransaction(swap)
    expect(device.reviews.at(-1)?.screens.slice(2, 4)).toEqual([
      { title: 'Send', value: '1.5 USDC' },
      { title: 'Receive minimum', value: '0.0004 WETH' },
    ])
    expect(cal.requests).toEqual([])
  })

  test('production signatures are the default: test ones need --test-signatures', async () => {
    expect(parseDescriptorsArguments(['--chain', '1', '--contract', swapRouter.address]).mode).toBe(
      'prod',
    )
    // The fake CAL signs with test keys only, so a production run finds nothing to write.
    await expect(
      runDescriptorsCommand([
        '--chain',
        '1',
        '--contract',
        swapRouter.address,
        '--cal-url',
        cal.url,
      ]),
    ).rejects.toThrow(/no prod descriptors/)
  })

  test('bad arguments name what is wrong', () => {
    expect(() => parseDescriptorsArguments(['--chain', '1'])).toThrow(/--contract/)
    expect(() =>
      parseDescriptorsArguments(['--chain', 'x', '--contract', swapRouter.address]),
    ).toThrow(/--chain/)
  })
})

describe('ledgerServices (fetched mode)', () => {
  async function fetchedAccount() {
    const device = emulator()
    const account = await toLedgerAccount({
      transport: device.transport,
      path: "m/44'/60'/0'/0/0",
      ledgerServices: { url: cal.url, signatures: 'test' },
      blindSigning: 'refuse',
    })
    return { device, account }
  }

  test('asks CAL for the called contract, its certificate and tokens, never the account', async () => {
    const { device, account } = await fetchedAccount()
    expect(cal.requests).toEqual([])
    await account.signTransaction(swap)
    expect(device.reviews.at(-1)?.screens.slice(0, 4)).toEqual([
      { title: 'Review transaction to', value: 'Swap' },
      { title: 'Interaction with', value: 'Uniswap' },
      { title: 'Send', value: '1.5 USDC' },
      { title: 'Receive minimum', value: '0.0004 WETH' },
    ])
    expect(cal.requests).toEqual([
      {
        path: '/cal/v1/dapps',
        params: {
          output: 'descriptors_calldata',
          chain_id: '1',
          contracts: swapRouter.address,
          contract_address: swapRouter.address,
          ref: 'branch:main',
        },
      },
      {
        path: '/cal/v1/certificates',
        params: {
          output: 'descriptor',
          target_device: 'flex',
          latest: 'true',
          public_key_id: 'cal_calldata_key',
          public_key_usage: 'calldata',
        },
      },
      {
        path: '/cal/v1/tokens',
        params: {
          contract_address: usdc.address,
          chain_id: '1',
          output: 'descriptor',
          ref: 'branch:main',
        },
      },
      {
        path: '/cal/v1/tokens',
        params: {
          contract_address: weth.address,
          chain_id: '1',
          output: 'descriptor',
          ref: 'branch:main',
        },
      },
    ])
    const everything = JSON.stringify(cal.requests).toLowerCase()
    expect(everything).not.toContain(reference.address.toLowerCase().slice(2))
  })

  test('answers are cached for the session', async () => {
    const { account } = await fetchedAccount()
    await account.signTransaction(swap)
    const first = cal.requests.length
    await account.signTransaction({ ...swap, nonce: 1 })
    expect(cal.requests.length).toBe(first)
  })

  test('a contract CAL does not know is asked once, then signed as without descriptors', async () => {
    const { account } = await fetchedAccount()
    const unknown = { ...swap, to: '0x1111111111111111111111111111111111111111' as const }
    await expect(account.signTransaction(unknown)).rejects.toMatchObject({
      name: 'BlindSigningRefusedError',
    })
    expect(cal.requests.map((r) => r.path)).toEqual(['/cal/v1/dapps'])
  })

  test('off by default: no request at all', async () => {
    const device = emulator()
    const account = await toLedgerAccount({
      transport: device.transport,
      path: "m/44'/60'/0'/0/0",
      blindSigning: 'refuse',
    })
    await expect(account.signTransaction(swap)).rejects.toMatchObject({
      name: 'BlindSigningRefusedError',
    })
    expect(cal.requests).toEqual([])
  })
})
