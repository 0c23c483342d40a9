/**
 * Bluetooth on the dApp page: the emulated Ledger Flex behind the emulator's fake Web Bluetooth
 * (`createFakeBluetooth`, serialized into the page; the emulator runs in Node), the real
 * `@ledgerhq/hw-transport-web-ble` on top. Connect from a click, sign a message and a clear-signed
 * USDC transfer, lose the link mid-request (typed advice, nothing signed), sign again without the
 * picker, and reconnect after a page load. TEST KEYS ONLY.
 */
import { createFakeBluetooth, createLedgerEmulator } from '@airlock/emulator'
import { Buffer } from 'buffer'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, pageUrl } from './harness.js'

const account0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'
const signature = /0x[0-9a-f]{130}$/
const mined = /^Mined in block \d+ \(success\)/

let browser: Awaited<ReturnType<typeof launchBrowser>>
let page: Page
const emulator = createLedgerEmulator({ model: 'flex' })

/** Runs in the page before its scripts: `navigator.bluetooth` with the Flex, granted per session. */
function installFakeBluetooth(source: string) {
  const create = new Function(`return (${source})`)() as typeof createFakeBluetooth
  const scope = window as unknown as Record<string, (...args: string[]) => Promise<string>>
  const fromHex = (hex: string) =>
    new Uint8Array((hex.match(/../g) ?? []).map((b) => Number.parseInt(b, 16)))
  const toHex = (bytes: Uint8Array) =>
    Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  const fake = create({
    model: 'flex',
    exchange: async (apdu) => fromHex(await scope.__airlockLedgerExchange!(toHex(apdu))),
    onLinkLost: () => void scope.__airlockLinkLost!(),
    granted: sessionStorage.getItem('__fakeBluetoothGranted') === 'yes',
    onGrant: () => sessionStorage.setItem('__fakeBluetoothGranted', 'yes'),
  })
  Object.defineProperty(navigator, 'bluetooth', { value: fake.bluetooth, configurable: true })
  ;(window as unknown as { __fakeBluetooth: unknown }).__fakeBluetooth = fake.controls
}

async function useAccount0() {
  await page.selectOption('#ledger-link', 'web-ble')
  await page.click('#connect')
  await expect.poll(() => page.locator('#connect').isEnabled()).toBe(true)
  await expect(page.locator('#accounts tr').count()).resolves.toBe(5)
  await page.locator('#accounts input[type=radio]').first().check()
  await page.click('#use')
  await expect.poll(() => page.locator('#address').textContent()).toBe(account0)
}

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.context.newPage()
  await page.exposeFunction('__airlockLedgerExchange', async (hex: string) => {
    const response = await emulator.transport.exchange(Buffer.from(hex, 'hex') as never)
    return Buffer.from(response).toString('hex')
  })
  await page.exposeFunction('__airlockLinkLost', async () => {
    await emulator.unplug()
    await emulator.plug()
  })
  await page.addInitScript(installFakeBluetooth, createFakeBluetooth.toString())
})
afterAll(async () => {
  await browser?.close()
})

describe('the dApp over Bluetooth (emulated Flex)', () => {
  test('connects from a click and signs a message and a clear-signed USDC transfer', async () => {
    await page.goto(pageUrl('index'))
    await useAccount0()
    await page.click('#sign-message')
    await expect.poll(() => page.locator('#message-result').textContent()).toMatch(signature)
    await page.click('#send-usdc')
    await expect.poll(() => page.locator('#usdc-result').textContent()).toMatch(mined)
    const review = emulator.reviews.at(-1)!
    expect(review.screens.map((screen) => screen.value)).toContain('1 USDC')
  })

  test('a link lost mid-request ends in advice, nothing signed; the next request signs', async () => {
    const reviews = emulator.reviews.length
    await page.evaluate(() =>
      (
        window as never as { __fakeBluetooth: { dropLink(o: object): void } }
      ).__fakeBluetooth.dropLink({ afterFrames: 1 }),
    )
    await page.click('#send-usdc')
    await expect.poll(() => page.locator('#advice').textContent()).toMatch(/nothing was signed/)
    expect(emulator.reviews.length).toBe(reviews)
    await page.click('#sign-message')
    await expect.poll(() => page.locator('#message-result').textContent()).toMatch(signature)
  })

  test('after a page load, the granted Flex reconnects without the picker', async () => {
    // The page reconnects on load (welcome back); the picker would be cancelled if it showed.
    await page.addInitScript(() => {
      const controls = (window as never as { __fakeBluetooth?: { setPicker(c: string): void } })
        .__fakeBluetooth
      controls?.setPicker('cancel')
    })
    await page.goto(pageUrl('index'))
    await expect.poll(() => page.locator('#accounts tr').count()).toBe(5)
    await expect(page.locator('#ledger-link').inputValue()).resolves.toBe('web-ble')
    await page.locator('#accounts input[type=radio]').first().check()
    await page.click('#use')
    await expect.poll(() => page.locator('#address').textContent()).toBe(account0)
    await page.click('#sign-message')
    await expect.poll(() => page.locator('#message-result').textContent()).toMatch(signature)
  })
})
