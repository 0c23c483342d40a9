/**
 * What each browser test needs: Debian's Chromium (playwright-core, never a downloaded browser) with
 * a fresh profile and every non-loopback request refused, the dApp page, and a Ledger emulator in
 * Node behind the page's fake WebUSB (fakeWebUsb.ts). TEST KEYS ONLY.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import {
  createLedgerEmulator,
  type EmulatorReview,
  type EmulatorUserDecision,
  type LedgerEmulator,
  type LedgerEmulatorOptions,
} from '@airlock/emulator'
import { Buffer } from 'buffer'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { inject } from 'vitest'
import { installFakeWebUsb } from './fakeWebUsb.js'

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const artifacts = resolve(import.meta.dirname, '.artifacts')
const docs = resolve(import.meta.dirname, '../../examples/dapp/docs')

/** A fresh Chromium profile that can reach 127.0.0.1 and nothing else. */
export async function launchBrowser(): Promise<{
  context: BrowserContext
  /** The URLs the pages tried to reach beyond 127.0.0.1, all refused. */
  blockedRequests: readonly string[]
  close: () => Promise<void>
}> {
  const profile = mkdtempSync(join(tmpdir(), 'airlock-e2e-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1180, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const blockedRequests: string[] = []
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (new URL(url).hostname === '127.0.0.1') return route.continue()
    blockedRequests.push(url)
    return route.abort('blockedbyclient')
  })
  return {
    context,
    blockedRequests,
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** The URL of one of the dApp's pages, talking to the test's Hardhat node. */
export function pageUrl(page: 'index' | 'wagmi' | 'ethers', query: Record<string, string> = {}) {
  const url = new URL(`/${page}.html`, inject('baseUrl'))
  url.searchParams.set('rpc', inject('rpcUrl'))
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value)
  return url.href
}

/** The emulated Ledger on the fake USB port, and the person at it. */
export type TestLedger = {
  emulator: LedgerEmulator
  /** What the page asked the fake `navigator.usb` for, e.g. `requestDevice: no user gesture`. */
  usbEvents: readonly string[]
  /** Resolves once the page has caused `event`; waits without touching the page. */
  usbEvent: (event: string) => Promise<void>
  /** How the person answers the next reviews: at once, or when the test says (`hold`). */
  answer: (mode: EmulatorUserDecision | 'hold') => void
  /** Resolves with the next review the person is holding. */
  nextReview: () => Promise<EmulatorReview>
  /** Answers the held review. */
  decide: (decision: EmulatorUserDecision) => void
  /** Pulls the cable: the exchange in flight fails, and the page's `navigator.usb` loses the device. */
  unplug: () => Promise<void>
  plug: () => Promise<void>
}

/**
 * Installs the fake WebUSB in `page` (before its scripts run) with a Ledger emulator behind it,
 * made with `options` (e.g. `pkiRootPublicKey`: a device that trusts the test PKI root).
 */
export async function attachLedger(
  page: Page,
  options: Omit<LedgerEmulatorOptions, 'user'> = {},
): Promise<TestLedger> {
  let mode: EmulatorUserDecision | 'hold' = 'approve'
  const decisions = new WeakMap<EmulatorReview, Promise<EmulatorUserDecision>>()
  let held: ((decision: EmulatorUserDecision) => void) | undefined
  let onHeld: ((review: EmulatorReview) => void) | undefined
  let heldReview: EmulatorReview | undefined

  const emulator = createLedgerEmulator({
    ...options,
    user: (_screen, review) => {
      if (mode !== 'hold') return mode
      let decision = decisions.get(review)
      if (!decision) {
        decision = new Promise((resolveDecision) => {
          held = resolveDecision
          heldReview = review
          onHeld?.(review)
        })
        decisions.set(review, decision)
      }
      return decision
    },
  })
  if (process.env.E2E_DEBUG)
    page.on('console', (message) => console.log(`[page ${message.type()}]`, message.text()))
  await page.exposeFunction('__airlockLedgerExchange', async (hex: string) => {
    const response = await emulator.transport.exchange(Buffer.from(hex, 'hex') as never)
    return Buffer.from(response).toString('hex')
  })
  const usbEvents: string[] = []
  const usbWaiters: (() => void)[] = []
  await page.exposeFunction('__airlockUsbReport', (event: string) => {
    usbEvents.push(event)
    for (const wake of usbWaiters.splice(0)) wake()
  })
  await page.addInitScript(installFakeWebUsb, {
    binding: '__airlockLedgerExchange',
    report: '__airlockUsbReport',
  })

  return {
    emulator,
    usbEvents,
    async usbEvent(event) {
      while (!usbEvents.includes(event)) await new Promise<void>((wake) => usbWaiters.push(wake))
    },
    answer(next) {
      mode = next
    },
    nextReview() {
      if (heldReview && held) return Promise.resolve(heldReview)
      return new Promise((resolveReview) => {
        onHeld = resolveReview
      })
    },
    decide(decision) {
      const resolveDecision = held
      held = undefined
      heldReview = undefined
      resolveDecision?.(decision)
    },
    async unplug() {
      await emulator.unplug()
      held = undefined
      heldReview = undefined
      await page.evaluate(() =>
        (window as never as { __fakeWebUsb: { unplug(): void } }).__fakeWebUsb.unplug(),
      )
    },
    async plug() {
      await emulator.plug()
      await page.evaluate(() =>
        (window as never as { __fakeWebUsb: { plug(): void } }).__fakeWebUsb.plug(),
      )
    },
  }
}

/**
 * Saves a screenshot in test/e2e/.artifacts, and in examples/dapp/docs (the README's pictures)
 * when AIRLOCK_SCREENSHOTS=1.
 */
export async function screenshot(page: Page, name: string) {
  mkdirSync(artifacts, { recursive: true })
  const image = await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true })
  if (process.env.AIRLOCK_SCREENSHOTS === '1') {
    mkdirSync(docs, { recursive: true })
    writeFileSync(join(docs, `${name}.png`), image)
  }
}
