/**
 * Calls to a proxy whose descriptor CAL holds for the implementation: bundled (the command writes
 * the proxy info, without a challenge, and the proxy certificates) and fetched (context-module's
 * order: the proxy asked without a challenge to learn the implementation, then at signing time with
 * the device's challenge), against the fake CAL and its metadata service. Requests carry the chain,
 * the proxy, the selector and the challenge: never the account or the rest of the calldata.
 */
import { createLedgerEmulator, testMnemonic, testPublicKeyOf } from '@airlock/emulator'
import {
  delegationManager,
  delegationManagerProxy,
  testClearSigningKeys as keys,
} from '@airlock/fixtures/clearSigningContracts'
import { type LedgerDescriptors, toLedgerAccount } from '@airlock/ledger'
import { runDescriptorsCommand } from '@airlock/ledger/descriptors'
import { type Abi, encodeFunctionData, parseAbi, parseGwei } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { type FakeCal, startFakeCal } from './fakeCal.js'

const reference = mnemonicToAccount(testMnemonic)
const transferOwnership = delegationManager.functions[0]!
const call = {
  type: 'eip1559',
  chainId: 1,
  nonce: 0,
  gas: 60_000n,
  maxFeePerGas: parseGwei('30'),
  maxPriorityFeePerGas: parseGwei('1'),
  to: delegationManagerProxy.proxy,
  data: encodeFunctionData({
    abi: parseAbi([transferOwnership.signature]) as Abi,
    functionName: 'transferOwnership',
    args: [reference.address],
  }),
} as const
const expectedScreens = [
  { title: 'Review transaction to', value: 'Transfer ownership' },
  { title: 'Interaction with', value: 'EigenLayer' },
  { title: 'New owner', value: reference.address },
]

let cal: FakeCal
beforeEach(async () => {
  cal = await startFakeCal()
})
afterEach(() => cal.close())

function emulator() {
  return createLedgerEmulator({ model: 'flex', pkiRootPublicKey: testPublicKeyOf(keys.pkiRoot) })
}

// `E0 ins` or `B0 06 usage` of each APDU, in order, with runs of chunks folded.
function sequence(exchanges: readonly { request: string }[]): string[] {
  const out: string[] = []
  for (const { request } of exchanges) {
    const name =
      request.slice(0, 2) === 'b0' ? `B0 06 ${request.slice(4, 6)}` : `E0 ${request.slice(2, 4)}`
    if (out.at(-1) !== name) out.push(name)
  }
  return out
}

async function bundledDescriptors(): Promise<LedgerDescriptors> {
  const { descriptors } = await runDescriptorsCommand([
    '--chain',
    '1',
    '--contract',
    delegationManagerProxy.proxy,
    '--selector',
    transferOwnership.selector,
    '--cal-url',
    cal.url,
    '--metadata-url',
    cal.metadataUrl,
    '--test-signatures',
  ])
  return JSON.parse(JSON.stringify(descriptors)) as LedgerDescriptors
}

describe('a call to a proxy, bundled', () => {
  test('the command writes the proxy info and certificates; signing sends them first, no request', async () => {
    const descriptors = await bundledDescriptors()
    expect(descriptors.calldata.map((d) => d.address.toLowerCase())).toEqual([
      delegationManager.address.toLowerCase(),
    ])
    expect(descriptors.proxies).toEqual([
      {
        chainId: 1,
        proxy: delegationManagerProxy.proxy,
        implementation: delegationManager.address,
        payload: expect.stringMatching(/^0x0101260201/),
      },
    ])
    // No challenge tag (0x12) in a bundled payload: any review may use it.
    expect(descriptors.proxies![0]!.payload.slice(14, 16)).toBe('22')
    expect(Object.keys(descriptors.trustedNameCertificates ?? {}).sort()).toEqual([
      'flex',
      'nanoS',
      'nanoSP',
      'nanoX',
      'stax',
    ])
    const proxyRequest = cal.requests.find((r) => r.path.endsWith('/proxy/delegate'))
    expect(proxyRequest).toEqual({
      path: '/v2/ethereum/1/contract/proxy/delegate',
      params: {},
      body: {
        proxy: delegationManagerProxy.proxy,
        data: transferOwnership.selector,
        challenge: '',
      },
    })
    expect(
      cal.requests.find((r) => r.params.public_key_id === 'domain_metadata_key')?.params,
    ).toEqual({
      output: 'descriptor',
      target_device: 'nanoS',
      latest: 'true',
      public_key_id: 'domain_metadata_key',
      public_key_usage: 'trusted_name',
    })

    cal.requests.length = 0
    const device = emulator()
    const statuses: string[] = []
    const account = await toLedgerAccount({
      transport: device.transport,
      path: "m/44'/60'/0'/0/0",
      descriptors,
      blindSigning: 'refuse',
    })
    account.signer.onStatus((status) => {
      if (status.type === 'confirm-on-device') statuses.push(status.display)
    })
    device.clearLogs()
    await account.signTransaction(call)
    expect(device.reviews.at(-1)?.screens.slice(0, 3)).toEqual(expectedScreens)
    expect(sequence(device.exchanges)).toEqual([
      'E0 06',
      'B0 06 04',
      'E0 2a',
      'E0 04',
      'B0 06 0b',
      'E0 26',
      'E0 28',
      'E0 04',
    ])
    expect(statuses).toEqual(['clear'])
    expect(cal.requests).toEqual([])
  })

  test('a module without the proxy info leaves the call blind (refused with blind signing off)', async () => {
    const { proxies: _, trustedNameCertificates: __, ...withoutProxy } = await bundledDescriptors()
    const device = emulator()
    const account = await toLedgerAccount({
      transport: device.transport,
      path: "m/44'/60'/0'/0/0",
      descriptors: withoutProxy,
      blindSigning: 'refuse',
    })
    await expect(account.signTransaction(call)).rejects.toMatchObject({
      name: 'BlindSigningRefusedError',
    })
  })

  test('a tampered proxy info is refused by the device and reported blind before any review', async () => {
    const descriptors = await bundledDescriptors()
    const [proxy] = descriptors.proxies!
    const tampered: LedgerDescriptors = {
      ...descriptors,
      proxies: [
        {
          ...proxy!,
          payload: proxy!.payload.replace(
            delegationManager.address.slice(2).toLowerCase(),
            '1111111111111111111111111111111111111111',
          ) as `0x${string}`,
        },
      ],
    }
    const device = emulator()
    const displays: string[] = []
    const account = await toLedgerAccount({
      transport: device.transport,
      path: "m/44'/60'/0'/0/0",
      descriptors: tampered,
      blindSigning: 'refuse',
    })
    account.signer.onStatus((status) => {
      if (status.type === 'confirm-on-device') displays.push(status.display)
    })
    device.clearLogs()
    await expect(account.signTransaction(call)).rejects.toMatchObject({
      name: 'BlindSigningRefusedError',
    })
    expect(displays).not.toContain('clear')
    expect(device.reviews).toEqual([])
    expect(sequence(device.exchanges)).toEqual(['E0 06', 'B0 06 04', 'E0 2a'])
  })
})

describe('a call to a proxy, fetched (ledgerServices)', () => {
  test("asks in context-module's order, binds the proxy info to the device's challenge", async () => {
    const device = emulator()
    const account = await toLedgerAccount({
      transport: device.transport,
      path: "m/44'/60'/0'/0/0",
      ledgerServices: { url: cal.url, metadataUrl: cal.metadataUrl, signatures: 'test' },
      blindSigning: 'refuse',
    })
    device.clearLogs()
    await account.signTransaction(call)
    expect(device.reviews.at(-1)?.screens.slice(0, 3)).toEqual(expectedScreens)
    expect(sequence(device.exchanges)).toEqual([
      'E0 06',
      'E0 20',
      'B0 06 04',
      'E0 2a',
      'E0 04',
      'B0 06 0b',
      'E0 26',
      'E0 28',
      'E0 04',
    ])
    const challenge = device.exchanges
      .find((e) => e.request.startsWith('e020'))!
      .response.slice(0, 8)
    expect(cal.requests.map((r) => r.path)).toEqual([
      '/cal/v1/dapps',
      '/v2/ethereum/1/contract/proxy/delegate',
      '/cal/v1/dapps',
      '/cal/v1/certificates',
      '/cal/v1/certificates',
      '/v2/ethereum/1/contract/proxy/delegate',
    ])
    expect(cal.requests[2]!.params.contract_address).toBe(delegationManager.address)
    expect(cal.requests[4]!.params.public_key_id).toBe('domain_metadata_key')
    expect(cal.requests.at(-1)!.body).toEqual({
      proxy: delegationManagerProxy.proxy,
      data: transferOwnership.selector,
      challenge,
    })
    const everything = JSON.stringify(cal.requests).toLowerCase()
    expect(everything).not.toContain(reference.address.toLowerCase().slice(2))
  })

  test('with another CAL and no metadata service named, no proxy is asked for', async () => {
    const device = emulator()
    const account = await toLedgerAccount({
      transport: device.transport,
      path: "m/44'/60'/0'/0/0",
      ledgerServices: { url: cal.url, signatures: 'test' },
      blindSigning: 'refuse',
    })
    await expect(account.signTransaction(call)).rejects.toMatchObject({
      name: 'BlindSigningRefusedError',
    })
    expect(cal.requests.map((r) => r.path)).toEqual(['/cal/v1/dapps'])
  })
})
