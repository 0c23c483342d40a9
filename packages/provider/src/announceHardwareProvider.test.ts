import { toHardwareAccount } from '@airlock/core'
import { createTestRpc } from '@airlock/fixtures/testRpc'
import type { EIP6963ProviderDetail } from 'mipd'
import { mainnet } from 'viem/chains'
import { afterEach, expect, test, vi } from 'vitest'
import { createSoftwareSigner as createTestSigner } from '../../core/src/_test/createSoftwareSigner.js'
import { announceHardwareProvider } from './announceHardwareProvider.js'
import { createHardwareProvider } from './createHardwareProvider.js'

afterEach(() => {
  vi.unstubAllGlobals()
})

async function setup() {
  const account = await toHardwareAccount(createTestSigner(), { index: 0, scheme: 'bip44' })
  const { transport } = createTestRpc(mainnet)
  return createHardwareProvider({ account, chains: [mainnet], transport })
}

function fakeWindow() {
  const window = new EventTarget()
  vi.stubGlobal('window', window)
  const announced: EIP6963ProviderDetail[] = []
  window.addEventListener('eip6963:announceProvider', (event) =>
    announced.push((event as CustomEvent<EIP6963ProviderDetail>).detail),
  )
  const request = () => window.dispatchEvent(new Event('eip6963:requestProvider'))
  return { announced, request }
}

test('announces on call and on every request, until unsubscribed', async () => {
  const provider = await setup()
  const { announced, request } = fakeWindow()
  const unsubscribe = announceHardwareProvider({
    provider,
    info: { uuid: '350670db-19fa-4704-a166-e52e178b59d2' },
  })
  expect(announced).toHaveLength(1)
  const [detail] = announced
  expect(detail?.provider).toBe(provider)
  expect(detail?.info).toMatchObject({
    uuid: '350670db-19fa-4704-a166-e52e178b59d2',
    name: 'Software signer (tests) via Airlock',
    rdns: 'io.github.airlock.software',
  })
  expect(detail?.info.icon).toMatch(/^data:image\/svg\+xml;base64,/)
  expect(Object.isFrozen(detail)).toBe(true)

  request()
  expect(announced).toHaveLength(2)
  unsubscribe()
  request()
  expect(announced).toHaveLength(2)
})

test('info overrides the defaults; each call gets a fresh uuid', async () => {
  const provider = await setup()
  const { announced } = fakeWindow()
  announceHardwareProvider({ provider })
  announceHardwareProvider({
    provider,
    info: { name: 'My Ledger', rdns: 'com.example.wallet', icon: 'data:image/png;base64,AA==' },
  })
  const [first, second] = announced.map((detail) => detail.info)
  expect(first?.uuid).toMatch(/^[0-9a-f-]{36}$/)
  expect(second?.uuid).not.toBe(first?.uuid)
  expect(second).toMatchObject({
    name: 'My Ledger',
    rdns: 'com.example.wallet',
    icon: 'data:image/png;base64,AA==',
  })
})

test('importing the package does not touch window (SSR)', async () => {
  vi.stubGlobal('window', undefined)
  vi.resetModules()
  await expect(import('./exports/index.js')).resolves.toHaveProperty('announceHardwareProvider')
})
