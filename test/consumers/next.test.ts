/**
 * A Next.js 16 App Router app with wagmi (defaults: reconnect on mount), react-query and Airlock's
 * `ledger()` and `trezor()` connectors, installed from the packed tarballs, built with Turbopack
 * and with webpack, served by `next start` and loaded in Chromium. The Ledger is the emulator in
 * Node behind the e2e tests' fake WebUSB. Writes the page-load figures to .results/page-load.json.
 */
import { rmSync } from 'node:fs'
import { ledgerLive } from '@airlock/core'
import { testMnemonic } from '@airlock/emulator'
import type { Page } from 'playwright-core'
import { type HDOptions, mnemonicToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { eagerLimit, formatKb } from '../bench/budgets.js'
import { attachLedger, launchBrowser, type TestLedger } from '../e2e/harness.js'
import {
  type DevicePackage,
  deviceCodeIn,
  deviceCodeMarkers,
  packageHoldsMarker,
} from './deviceCode.js'
import { waitForQuiet } from './firstVisit.js'
import {
  type Bundler,
  buildNextApp,
  bundlers,
  copyNextApp,
  type NextServer,
  nextVersion,
  startNextServer,
} from './nextApp.js'
import { measurePageLoad } from './pageLoad.js'
import {
  type PageLoadResults,
  removePageLoadResults,
  writePageLoadResults,
} from './pageLoadResults.js'
import { type PageTraffic, recordTraffic } from './pageTraffic.js'

const projectDir = inject('consumerProjectDir')
// The connector's default: scheme 'ledgerLive', index 0.
const ledgerAccount = mnemonicToAccount(testMnemonic, {
  path: ledgerLive(0) as HDOptions['path'],
}).address

let appDir: string
let builds: Record<Bundler, Promise<string>>
const results: PageLoadResults = {
  measuredAt: new Date().toISOString(),
  next: nextVersion(projectDir),
  bundlers: {},
}

beforeAll(() => {
  removePageLoadResults()
  appDir = copyNextApp(projectDir)
  // One build at a time on two cores; webpack's runs while Turbopack's build is being tested.
  const turbopack = buildNextApp(projectDir, appDir, 'turbopack')
  const webpack = turbopack.catch(() => {}).then(() => buildNextApp(projectDir, appDir, 'webpack'))
  builds = { turbopack, webpack }
  // Each bundler's tests await (and report) their own build's failure.
  for (const build of Object.values(builds)) build.catch(() => {})
})
afterAll(async () => {
  await Promise.allSettled(Object.values(builds ?? {}))
  if (Object.keys(results.bundlers).length > 0) writePageLoadResults(results)
  if (appDir) rmSync(appDir, { recursive: true, force: true })
})

test('the device-code markers are strings of the device packages', () => {
  for (const name of Object.keys(deviceCodeMarkers) as DevicePackage[])
    expect(packageHoldsMarker(projectDir, name), name).toBe(true)
})

describe.each(bundlers)('Next.js app built with %s', (bundler) => {
  let server: NextServer | undefined
  let buildLog = ''

  beforeAll(async () => {
    buildLog = await builds[bundler]
    server = await startNextServer(projectDir, appDir, bundler)
  })
  afterAll(async () => {
    await server?.close()
  })

  test('builds without a warning about Airlock, and without the network', () => {
    const aboutAirlock = buildLog.split('\n').filter((line) => line.includes('@airlock/'))
    expect(aboutAirlock).toEqual([])
    expect(buildLog).not.toContain('network access refused')
  })

  test('first visit: nothing leaves loopback, and Airlock adds at most the eager budget', async () => {
    const { figure, airlock } = await measurePageLoad(server!.url)
    results.bundlers[bundler] = figure
    console.log(
      `${bundler}: the Airlock page loads ${formatKb(figure.airlockJsGzip)} of JavaScript (gz), the control page ${formatKb(figure.controlJsGzip)}: Airlock adds ${formatKb(figure.addedGzip)}`,
    )
    expect.soft(airlock.leaks, 'requests that left loopback').toEqual([])
    expect.soft(server!.log(), 'the server reached out').not.toContain('network access refused')
    expect.soft(deviceCodeIn(airlock.scripts), 'device packages loaded').toEqual([])
    expect(figure.addedGzip, 'gzip bytes Airlock adds to the page').toBeLessThanOrEqual(eagerLimit)
  })

  describe('a Ledger on the fake WebUSB', () => {
    let browser: Awaited<ReturnType<typeof launchBrowser>>
    let traffic: PageTraffic
    let page: Page
    let ledger: TestLedger
    const address = () => page.locator('#address').textContent()
    const status = () => page.locator('#status').textContent()
    const requestDeviceCalls = () =>
      ledger.usbEvents.filter((event) => event.startsWith('requestDevice')).length

    beforeAll(async () => {
      browser = await launchBrowser()
      traffic = recordTraffic(browser.context)
      page = await browser.context.newPage()
      ledger = await attachLedger(page)
      await page.goto(`${server!.url}/airlock`, { waitUntil: 'networkidle' })
      await waitForQuiet(traffic)
    })
    afterAll(async () => {
      await browser?.close()
    })

    test('Connect Ledger: a click reaches the account at the connector’s default path', async () => {
      await page.getByRole('button', { name: 'Connect Ledger' }).click()
      await expect.poll(address).toBe(ledgerAccount)
      await expect.poll(status).toBe('connected')
      await traffic.settled()
      // The markers find the Ledger packages once they are loaded: their absence below means something.
      expect(deviceCodeIn(traffic.scripts)).toEqual(
        expect.arrayContaining(['@airlock/ledger', '@ledgerhq/errors']),
      )
      expect(traffic.leaks(), 'requests that left loopback').toEqual([])
    })

    test('a reload reconnects the Ledger without a click', async () => {
      const asked = requestDeviceCalls()
      // Nothing touches the page until it has settled: a Playwright call into a page is a gesture.
      await page.reload({ waitUntil: 'networkidle' })
      await waitForQuiet(traffic)
      await expect.poll(address).toBe(ledgerAccount)
      expect(requestDeviceCalls(), 'requestDevice calls (the device picker)').toBe(asked)
      expect(traffic.leaks(), 'requests that left loopback').toEqual([])
    })

    test('after Disconnect, a reload loads no device package and asks no device', async () => {
      // Connected by the tests above; connects again if one failed, so this one still tells.
      if ((await status()) !== 'connected') {
        await page.getByRole('button', { name: 'Connect Ledger' }).click()
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
      expect.soft(traffic.leaks(), 'requests that left loopback').toEqual([])
      expect(await status()).toBe('disconnected')
      expect(await address()).toBe('')
    })
  })
})
