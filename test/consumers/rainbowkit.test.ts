/**
 * A Vite + React app on wagmi 2 with RainbowKit 2.2.11, Airlock's wallets added through
 * `@airlock/wagmi/rainbowkit`, installed from the packed tarballs with a plain `npm install`,
 * built with `vite build`, served by `vite preview` and driven in Chromium through RainbowKit's
 * modal. The Ledger is the emulator in Node behind the e2e tests' fake WebUSB; the chain is the
 * dApp example's local node (chain id 1).
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
import { run } from './run.js'

const projectDir = inject('rainbowKitProjectDir')
const root = resolve(import.meta.dirname, '../..')
const ledgerAccount = mnemonicToAccount(testMnemonic, {
  path: ledgerLive(0) as HDOptions['path'],
}).address

describe.skipIf(!projectDir)('wagmi 2 + RainbowKit app built with Vite', () => {
  let appDir: string
  let buildLog = ''
  let server: PreviewServer
  let chain: LocalChain
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
    appDir = copyRainbowKitApp(projectDir)
    const started = performance.now()
    ;[buildLog, chain] = await Promise.all([
      buildRainbowKitApp(projectDir, appDir),
      freePort().then((port) => startLocalChain({ port })),
    ])
    console.log(
      `RainbowKit app (wagmi ${installedVersion(projectDir, 'wagmi')}, @wagmi/core ${installedVersion(projectDir, '@wagmi/core')}, RainbowKit ${installedVersion(projectDir, '@rainbow-me/rainbowkit')}): vite build and local node in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    )
    server = await startRainbowKitApp(projectDir, appDir)
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
    await server?.close()
    chain?.stop()
    if (appDir) rmSync(appDir, { recursive: true, force: true })
  })

  test('installed with wagmi 2 and built without a warning about Airlock, nor the network', () => {
    expect(installedVersion(projectDir, 'wagmi')).toMatch(/^2\./)
    expect(installedVersion(projectDir, '@wagmi/core')).toMatch(/^2\./)
    expect(buildLog.split('\n').filter((line) => line.includes('@airlock/'))).toEqual([])
    expect(buildLog).not.toContain('network access refused')
  })

  test("a TypeScript app's config compiles against wagmi 2's and RainbowKit's types", async () => {
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
