import { toHardwareAccount } from '@airlock/core'
import { driverConformanceChecks } from '@airlock/core/testing'
import { createTestRpc } from '@airlock/fixtures/testRpc'
import { announceHardwareProvider, createHardwareProvider } from '@airlock/provider'
import type { EIP6963ProviderDetail } from 'mipd'
import { recoverMessageAddress } from 'viem'
import { mainnet } from 'viem/chains'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createAcmeDevice } from './acmeDevice.js'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('a third vendor, built only on core’s public API', () => {
  describe('passes the driver conformance checks', () => {
    const checks = driverConformanceChecks({
      async setup({ blindSigning }) {
        const { signer, controls } = createAcmeDevice({ blindSigning })
        return { signer, device: controls }
      },
    })
    for (const { name, run } of checks) test(name, run)
  })

  test('signs through toHardwareAccount and an EIP-1193 provider, announced under its own name', async () => {
    const { signer } = createAcmeDevice()
    const account = await toHardwareAccount(signer, { index: 0, scheme: 'bip44' })
    expect(account.source).toBe('acme')

    const provider = createHardwareProvider({
      account,
      chains: [mainnet],
      transport: createTestRpc(mainnet).transport,
    })
    const [address] = await provider.request({ method: 'eth_requestAccounts' })
    const signature = await provider.request({
      method: 'personal_sign',
      params: ['0x68656c6c6f', address!],
    })
    expect(await recoverMessageAddress({ message: 'hello', signature })).toBe(account.address)

    const window = new EventTarget()
    vi.stubGlobal('window', window)
    const announced: EIP6963ProviderDetail[] = []
    window.addEventListener('eip6963:announceProvider', (event) =>
      announced.push((event as CustomEvent<EIP6963ProviderDetail>).detail),
    )
    announceHardwareProvider({ provider })
    expect(announced[0]?.info).toMatchObject({
      name: 'Acme via Airlock',
      rdns: 'io.github.airlock.acme',
    })
  })

  test('its errors keep their EIP-1193 codes and its own remedy through the provider', async () => {
    const { signer, controls } = createAcmeDevice()
    const account = await toHardwareAccount(signer, { index: 0, scheme: 'bip44' })
    const provider = createHardwareProvider({
      account,
      chains: [mainnet],
      transport: createTestRpc(mainnet).transport,
    })
    const [address] = await provider.request({ method: 'eth_requestAccounts' })
    controls.rejectNext()
    const rejected = await provider
      .request({ method: 'personal_sign', params: ['0x00', address!] })
      .catch((error) => error)
    expect(rejected.code).toBe(4001)
    expect(rejected.message).toContain('Press OK on the Acme.')
  })

  test("blindSigning: 'refuse' works for a vendor core does not know: refused before the device, 4001 through the provider", async () => {
    const { signer, state } = createAcmeDevice({ blindSigning: 'refuse' })
    const account = await toHardwareAccount(signer, { index: 0, scheme: 'bip44' })
    const provider = createHardwareProvider({
      account,
      chains: [mainnet],
      transport: createTestRpc(mainnet).transport,
    })
    const [address] = await provider.request({ method: 'eth_requestAccounts' })
    const refused = await provider
      .request({
        method: 'eth_signTransaction',
        params: [{ from: address!, to: address!, data: '0xa22cb465', gas: '0x5208', nonce: '0x0' }],
      } as never)
      .catch((error) => error)
    expect(refused.code).toBe(4001)
    expect(refused.cause).toMatchObject({
      name: 'BlindSigningRefusedError',
      operation: 'signTransaction',
      details: 'Acme shows calldata as raw bytes',
    })
    expect(state.signing).toBe(0)
    await provider.request({ method: 'personal_sign', params: ['0x00', address!] })
    expect(state.signing).toBe(1)
  })
})
