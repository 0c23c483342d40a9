/**
 * The same flow through `@airlock/wagmi` (connectors in a wagmi config) and through the EIP-1193
 * provider handed to ethers v6 `BrowserProvider`, on the fake WebUSB Ledger.
 */
import type { Page } from 'playwright-core'
import { parseEther } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { attachLedger, launchBrowser, pageUrl, screenshot } from './harness.js'
import { publicClient, usdcBalance } from './localChain.js'

const recipient = '0x14dC79964da2C08b23698B3D3cc7Ca32193d9955'
const account0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'

let browser: Awaited<ReturnType<typeof launchBrowser>>

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const signature = /0x[0-9a-f]{130}$/

describe.each(['wagmi', 'ethers'] as const)('the %s page', (name) => {
  test('connects, signs a message and a permit, sends, and explains a rejection', async () => {
    const page: Page = await browser.context.newPage()
    const ledger = await attachLedger(page)
    await page.goto(pageUrl(name))

    await page.click('#connect')
    await expect.poll(() => page.locator('#address').textContent()).toBe(account0)

    await page.click('#sign-message')
    await expect.poll(() => page.locator('#message-result').textContent()).toMatch(signature)
    await page.click('#sign-permit')
    await expect.poll(() => page.locator('#permit-result').textContent()).toMatch(signature)

    const before = await publicClient.getBalance({ address: recipient })
    ledger.answer('hold')
    await page.click('#send')
    const review = await ledger.nextReview()
    expect(review.operation).toBe('transaction')
    await expect
      .poll(() => page.locator('#status').textContent())
      .toContain('Review the transaction on your Ledger')
    ledger.decide('approve')
    await expect
      .poll(() => page.locator('#send-result').textContent())
      .toMatch(/^Mined in block \d+ \(success\)/)
    expect(await publicClient.getBalance({ address: recipient })).toBe(before + parseEther('0.01'))
    await screenshot(page, name)

    // Contract data through wagmi or ethers: with blind signing on, however the device shows it.
    ledger.emulator.setBlindSigning(true)
    ledger.answer('approve')
    const usdcBefore = await usdcBalance(recipient)
    await page.click('#send-usdc')
    await expect
      .poll(() => page.locator('#usdc-result').textContent())
      .toMatch(/^Mined in block \d+ \(success\)/)
    expect(await usdcBalance(recipient)).toBe(usdcBefore + 1_000_000n)
    ledger.emulator.setBlindSigning(false)

    ledger.answer('reject')
    await page.click('#sign-message')
    await expect
      .poll(() => page.locator('#advice').getAttribute('data-error'))
      .toBe('UserRejectedOnDeviceError')
    await expect(page.locator('#advice').textContent()).resolves.toContain('Nothing was signed.')
    await page.close()
  })
})
