/**
 * A Vite + React app on wagmi 2 with two pickers, installed from the packed tarballs with a plain
 * `npm install`, built with `vite build` and served by `vite preview`: RainbowKit 2.2.11 (Airlock's
 * wallets through `@airlock/wagmi/rainbowkit`) on index.html, Reown AppKit 1.8.24 (Airlock's
 * connectors in its WagmiAdapter) on appkit.html. Each is driven in Chromium through its modal. The
 * Ledger is the emulator in Node behind the e2e tests' fake WebUSB; the chain is the dApp example's
 * local node (chain id 1). AppKit's requests to Reown's servers are answered by local stubs
 * (reownStubs.ts) with a made-up project id.
 */
import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ledgerLive } from '@airlock/core'
import { testMnemonic } from '@airlock/emulator'
import type { Page } from 'playwright-core'
import { createPublicClient, type Hex, http, verifyMessage } from 'viem'
import { type HDOptions, mnemonicToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { type LocalChain, startLocalChain } from '../../examples/dapp/chain/startLocalChain.js'
import { attachLedger, launchBrowser, screenshot, type TestLedger } from '../e2e/harness.js'
import { deviceCodeIn } from './deviceCode.js'
import { waitForQuiet } from './firstVisit.js'
import { type PageTraffic, recordTraffic } from './pageTraffic.js'
import {
  buildRainbowKitApp,
  copyRainbowKitApp,
  freePort,
  installedVersion,
  type PreviewServer,
  startRainbowKitApp,
} from './rainbowKitApp.js'
import { type ReownRequest, stubReown } from './reownStubs.js'
import { run } from './run.js'

const projectDir = inject('rainbowKitProjectDir')
const root = resolve(import.meta.dirname, '../..')
const ledgerAccount = mnemonicToAccount(testMnemonic, {
  path: ledgerLive(0) as HDOptions['path'],
}).address

let appDir: string
let buildLog = ''
let server: PreviewServer
let chain: LocalChain

beforeAll(async () => {
  if (!projectDir) return
  appDir = copyRainbowKitApp(projectDir)
  const started = performance.now()
  ;[buildLog, chain] = await Promise.all([
    buildRainbowKitApp(projectDir, appDir),
    freePort().then((port) => startLocalChain({ port })),
  ])
  console.log(
    `wagmi 2 app (wagmi ${installedVersion(projectDir, 'wagmi')}, @wagmi/core ${installedVersion(projectDir, '@wagmi/core')}, RainbowKit ${installedVersion(projectDir, '@rainbow-me/rainbowkit')}, AppKit ${installedVersion(projectDir, '@reown/appkit')}): vite build and local node in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  )
  server = await startRainbowKitApp(projectDir, appDir)
})
afterAll(async () => {
  await server?.close()
  chain?.stop()
  if (appDir) rmSync(appDir, { recursive: true, force: true })
})

describe.skipIf(!projectDir)('wagmi 2 + RainbowKit app built with Vite', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  let traffic: PageTraffic
  let page: Page
  let ledger: TestLedger
  const address = () => page.locator('#address').textContent()
  const status = () => page.locator('#status').textContent()
  const requestDeviceCalls = () =>
    ledger.usbEvents.filter((event) => event.startsWith('requestDevice')).length
  const walletOption = (id: string) => page.getByTestId(`rk-wallet-option-${id}`)

  beforeAll(async () => {
    browser = await launchBrowser()
    traffic = recordTraffic(browser.context)
    page = await browser.context.newPage()
    ledger = await attachLedger(page)
    await page.goto(`${server.url}/?rpc=${encodeURIComponent(chain.rpcUrl)}`, {
      waitUntil: 'networkidle',
    })
    await waitForQuiet(traffic)
  })
  afterAll(async () => {
    await browser?.close()
  })

  test('installed with wagmi 2 and built without a warning about Airlock, nor the network', () => {
    expect(installedVersion(projectDir, 'wagmi')).toMatch(/^2\./)
    expect(installedVersion(projectDir, '@wagmi/core')).toMatch(/^2\./)
    expect(buildLog.split('\n').filter((line) => line.includes('@airlock/'))).toEqual([])
    expect(buildLog).not.toContain('network access refused')
  })

  test("a TypeScript app's configs compile against wagmi 2's, RainbowKit's and AppKit's types", async () => {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
    const result = await run(process.execPath, [tsc, '-p', join(appDir, 'typecheck')], {
      cwd: appDir,
    })
    expect(`${result.stdout}${result.stderr}`).toBe('')
    expect(result.code).toBe(0)
  })

  test('the first visit loads no device package and nothing leaves loopback', async () => {
    await traffic.settled()
    expect(traffic.scripts.length).toBeGreaterThan(0)
    expect(deviceCodeIn(traffic.scripts)).toEqual([])
    expect(traffic.leaks(), 'requests that left loopback').toEqual([])
  })

  test("RainbowKit's modal lists the Ledger and the Trezor, each with its icon", async () => {
    await page.getByTestId('rk-connect-button').click()
    for (const id of ['ledger', 'trezor']) {
      const icon = walletOption(id).locator('img')
      await expect.poll(() => icon.getAttribute('src')).toMatch(/^data:image\/svg\+xml,/)
      // The browser decodes it: a broken data: URL rejects.
      expect(await icon.evaluate((img: HTMLImageElement) => img.decode().then(() => true))).toBe(
        true,
      )
    }
    await expect.poll(() => walletOption('ledger').textContent()).toContain('Ledger')
    await expect.poll(() => walletOption('trezor').textContent()).toContain('Trezor')
    await screenshot(page, 'rainbowkit-wallets')
  })

  test('a locked Ledger: RainbowKit offers RETRY, the page shows the remedy; unlocked, RETRY connects', async () => {
    ledger.emulator.lock()
    await walletOption('ledger').click()
    await expect
      .poll(() => page.locator('#device-status').textContent())
      .toBe('Unlock the device with its PIN, then try again.')
    const retry = page.getByRole('button', { name: /retry/i })
    await expect.poll(() => retry.isVisible()).toBe(true)
    await screenshot(page, 'rainbowkit-locked')
    expect(await status()).toBe('disconnected')

    ledger.emulator.unlock()
    await retry.click()
    await expect.poll(address).toBe(ledgerAccount)
    await expect.poll(status).toBe('connected')
    await traffic.settled()
    expect(deviceCodeIn(traffic.scripts)).toEqual(
      expect.arrayContaining(['@airlock/ledger', '@ledgerhq/errors']),
    )
    expect(deviceCodeIn(traffic.scripts)).not.toContain('@trezor/connect')
    await page.keyboard.press('Escape')
  })

  test('signs a message on the Ledger: the signature verifies against the account', async () => {
    await page.getByRole('button', { name: 'Sign message' }).click()
    const signature = page.locator('#signature')
    await expect.poll(() => signature.textContent()).toMatch(/^0x[0-9a-f]{130}$/)
    const valid = await verifyMessage({
      address: ledgerAccount,
      message: 'hello from RainbowKit',
      signature: (await signature.textContent()) as Hex,
    })
    expect(valid).toBe(true)
  })

  test('sends a transaction signed on the Ledger: the node mines it from the account', async () => {
    await page.getByRole('button', { name: 'Send transaction' }).click()
    const transaction = page.locator('#transaction')
    await expect.poll(() => transaction.textContent()).toMatch(/^0x[0-9a-f]{64}$/)
    const client = createPublicClient({ transport: http(chain.rpcUrl) })
    const receipt = await client.waitForTransactionReceipt({
      hash: (await transaction.textContent()) as Hex,
    })
    expect(receipt.status).toBe('success')
    expect(receipt.from.toLowerCase()).toBe(ledgerAccount.toLowerCase())
  })

  test('a reload reconnects the Ledger without a click', async () => {
    const asked = requestDeviceCalls()
    await page.reload({ waitUntil: 'networkidle' })
    await waitForQuiet(traffic)
    await expect.poll(address).toBe(ledgerAccount)
    expect(requestDeviceCalls(), 'requestDevice calls (the device picker)').toBe(asked)
    expect(traffic.leaks(), 'requests that left loopback').toEqual([])
  })

  test('after Disconnect, a reload loads no device package and asks no device', async () => {
    if ((await status()) !== 'connected') {
      await page.getByTestId('rk-connect-button').click()
      await walletOption('ledger').click()
      await expect.poll(status).toBe('connected')
    }
    await page.getByRole('button', { name: 'Disconnect' }).click()
    await expect.poll(status).toBe('disconnected')
    const exchanges = ledger.emulator.exchanges.length
    const asked = requestDeviceCalls()
    await traffic.settled()
    const scriptsBefore = traffic.scripts.length

    await page.reload({ waitUntil: 'networkidle' })
    await waitForQuiet(traffic)
    await traffic.settled()
    expect.soft(deviceCodeIn(traffic.scripts.slice(scriptsBefore))).toEqual([])
    expect.soft(ledger.emulator.exchanges.length, 'APDUs sent to the Ledger').toBe(exchanges)
    expect.soft(requestDeviceCalls(), 'requestDevice calls').toBe(asked)
    expect(await status()).toBe('disconnected')
    expect(await address()).toBe('')
  })
})

describe.skipIf(!projectDir)('wagmi 2 + Reown AppKit page of the same app', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  let traffic: PageTraffic
  let reown: ReownRequest[]
  let page: Page
  let ledger: TestLedger
  const address = () => page.locator('#address').textContent()
  const status = () => page.locator('#status').textContent()
  const walletOption = (id: string) => page.getByTestId(`wallet-selector-${id}`)
  const openModal = () => page.locator('appkit-button').click()
  const beyondLoopback = () => traffic.leaks()
  const reownHosts = () => [...new Set(reown.map(({ url }) => new URL(url).host))]

  beforeAll(async () => {
    browser = await launchBrowser()
    reown = await stubReown(browser.context)
    traffic = recordTraffic(browser.context)
    page = await browser.context.newPage()
    ledger = await attachLedger(page)
    await page.goto(`${server.url}/appkit.html?rpc=${encodeURIComponent(chain.rpcUrl)}`, {
      waitUntil: 'networkidle',
    })
    await waitForQuiet(traffic)
  })
  afterAll(async () => {
    console.log(
      `AppKit's requests to Reown (answered locally):\n${reown.map(({ url, answer }) => `  ${answer} ${url}`).join('\n')}`,
    )
    await browser?.close()
  })

  test('the first visit loads no device package; only Reown hosts, stubbed, are asked beyond loopback', async () => {
    await traffic.settled()
    expect(deviceCodeIn(traffic.scripts)).toEqual([])
    // AppKit asks Reown for its project configuration at init.
    expect(reown.map(({ url }) => new URL(url).pathname)).toContain('/appkit/v1/config')
    expect(beyondLoopback().filter((url) => !reown.some((request) => request.url === url))).toEqual(
      [],
    )
  })

  test("AppKit's modal lists the Ledger and the Trezor, each with its icon", async () => {
    await openModal()
    for (const id of ['ledger', 'trezor']) {
      await expect
        .poll(() => walletOption(id).getAttribute('imageSrc'))
        .toMatch(/^data:image\/svg\+xml,/)
      const icon = walletOption(id).locator('img')
      await expect.poll(() => icon.getAttribute('src')).toMatch(/^data:image\/svg\+xml,/)
      // The browser decodes it: a broken data: URL rejects.
      expect(await icon.evaluate((img: HTMLImageElement) => img.decode().then(() => true))).toBe(
        true,
      )
    }
    await expect.poll(() => walletOption('ledger').getAttribute('name')).toBe('Ledger')
    await expect.poll(() => walletOption('trezor').getAttribute('name')).toBe('Trezor')
    await screenshot(page, 'appkit-wallets')
  })

  test("a locked Ledger: AppKit shows its fixed 'Connection declined', the page the remedy; unlocked, Try again connects", async () => {
    ledger.emulator.lock()
    await walletOption('ledger').click()
    // AppKit's connecting view prints no connector error (w3m-connecting-widget): the remedy
    // reaches the user through the connector's onStatus, in the page's banner.
    await expect
      .poll(() => page.locator('#device-status').textContent())
      .toBe('Unlock the device with its PIN, then try again.')
    await expect.poll(() => page.getByText('Connection declined').isVisible()).toBe(true)
    await screenshot(page, 'appkit-locked')
    expect(await status()).toBe('disconnected')

    ledger.emulator.unlock()
    await page.getByTestId('w3m-connecting-widget-secondary-button').click()
    await expect.poll(address).toBe(ledgerAccount)
    await expect.poll(status).toBe('connected')
    await traffic.settled()
    expect(deviceCodeIn(traffic.scripts)).toEqual(
      expect.arrayContaining(['@airlock/ledger', '@ledgerhq/errors']),
    )
    expect(deviceCodeIn(traffic.scripts)).not.toContain('@trezor/connect')
  })

  test('signs a message on the Ledger: the signature verifies against the account', async () => {
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Sign message' }).click()
    const signature = page.locator('#signature')
    await expect.poll(() => signature.textContent()).toMatch(/^0x[0-9a-f]{130}$/)
    const valid = await verifyMessage({
      address: ledgerAccount,
      message: 'hello from AppKit',
      signature: (await signature.textContent()) as Hex,
    })
    expect(valid).toBe(true)
  })

  test("beyond loopback: Reown's hosts, each answered by a stub, and Base Account's telemetry, refused", () => {
    const notReown = beyondLoopback().filter((url) => !reown.some((request) => request.url === url))
    console.log(
      `Asked beyond loopback, not Reown (refused in the browser):\n${notReown.map((url) => `  ${url}`).join('\n')}`,
    )
    expect(reownHosts().length).toBeGreaterThan(0)
    expect(reown.filter(({ answer }) => answer !== 'stub')).toEqual([])
    // AppKit 1.8.24's createAppKit never applies `enableBaseAccount: false` (only
    // OptionsController.setEnableCoinbase is called), so its wagmi adapter adds the Base Account
    // connector, whose SDK reports to Coinbase. The harness refuses those requests.
    expect(notReown.filter((url) => new URL(url).host !== 'cca-lite.coinbase.com')).toEqual([])
    expect(notReown.filter((url) => !browser.blockedRequests.includes(url))).toEqual([])
  })
})
