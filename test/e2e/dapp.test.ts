/**
 * The dApp page end to end, in Chromium, with the real `@ledgerhq/hw-transport-webusb` on a fake
 * USB port whose Ledger is the emulator in Node, and a Hardhat node for the sends.
 */
import { permit } from '@airlock/fixtures/permit'
import type { Page } from 'playwright-core'
import { type Hex, parseEther, verifyMessage, verifyTypedData } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { attachLedger, launchBrowser, pageUrl, screenshot, type TestLedger } from './harness.js'
import { publicClient, usdc, usdcNonce } from './localChain.js'

const recipient = '0x14dC79964da2C08b23698B3D3cc7Ca32193d9955'
const account0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'

let browser: Awaited<ReturnType<typeof launchBrowser>>
let page: Page
let ledger: TestLedger

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.context.newPage()
  ledger = await attachLedger(page)
})
afterAll(async () => {
  await browser?.close()
})

const advice = () => page.locator('#advice')
const status = () => page.locator('#status')

describe('the dApp over WebUSB', () => {
  test('asks for a click before the device picker, then lists accounts with balances', async () => {
    // A returning visitor: the page reconnects on load, without a click. The browser has not
    // granted the device yet, so requestDevice needs a user gesture, and the page says so.
    await page.addInitScript(() => localStorage.setItem('airlock-dapp:device', 'ledger'))
    await page.goto(pageUrl('index'))
    // Wait on the fake USB port, not on the page: any Playwright call into the page is a gesture.
    await ledger.usbEvent('requestDevice: no user gesture')
    await expect.poll(() => advice().textContent()).toContain('The browser needs a click')
    expect(ledger.emulator.exchanges).toHaveLength(0)

    // A real click is a user gesture: the (fake) device picker opens and the accounts are read.
    await page.click('#connect')
    await expect.poll(() => page.locator('#accounts tr').count()).toBe(5)
    await expect(advice().isHidden()).resolves.toBe(true)
    const first = page.locator('#accounts tr').first()
    await expect(first.locator('code').first().textContent()).resolves.toBe(account0)
    await expect(first.locator('.number').textContent()).resolves.toMatch(/ETH$/)
    await screenshot(page, 'accounts')
  })

  test('pages through the accounts of each path scheme', async () => {
    await page.click('#next')
    await expect
      .poll(() => page.locator('#accounts tr td:nth-child(2)').allTextContents())
      .toEqual(['5', '6', '7', '8', '9'])
    await page.click('#previous')
    await expect
      .poll(() => page.locator('#accounts tr td:nth-child(2)').first().textContent())
      .toBe('0')

    // BIP44 is the scheme Hardhat funds: the page lists the balances from the chain.
    await page.selectOption('#scheme', 'bip44')
    await page.click('#connect')
    await expect
      .poll(() => page.locator('#accounts tr code').nth(3).textContent())
      .toBe("m/44'/60'/0'/0/1")
    await expect(page.locator('#accounts tr .number').nth(1).textContent()).resolves.toBe(
      '10000 ETH',
    )

    await page.selectOption('#scheme', 'legacy')
    await page.click('#connect')
    await expect
      .poll(() => page.locator('#accounts tr code').nth(1).textContent())
      .toBe("m/44'/60'/0'/0")

    // A custom path is checked before anything reaches the device.
    await page.selectOption('#scheme', 'custom')
    await page.fill('#custom-path', "m/44'/60'/x'/0/{i}")
    const before = ledger.emulator.exchanges.length
    await page.click('#connect')
    await expect.poll(() => advice().getAttribute('data-error')).toBe('InvalidPathError')
    expect(ledger.emulator.exchanges.length).toBe(before)

    await page.fill('#custom-path', "m/44'/60'/0'/0/{i}")
    await page.click('#connect')
    await expect
      .poll(() => page.locator('#accounts tr code').nth(1).textContent())
      .toBe("m/44'/60'/0'/0/0")
  })

  test('shows the chosen account on the device', async () => {
    await page.locator('#accounts input[type=radio]').first().check()
    await page.click('#use')
    await expect.poll(() => page.locator('#address').textContent()).toBe(account0)

    ledger.answer('hold')
    await page.click('#show')
    const review = await ledger.nextReview()
    expect(review.operation).toBe('address')
    expect(review.screens.map((screen) => screen.value).join(' ')).toContain(account0)
    await expect.poll(() => status().textContent()).toContain('Compare the address on your Ledger')
    await screenshot(page, 'show-address')
    ledger.decide('approve')
    await expect.poll(() => page.locator('#shown').isVisible()).toBe(true)
    await expect(status().isHidden()).resolves.toBe(true)
  })

  test('signs a message and a permit', async () => {
    ledger.answer('hold')
    await page.click('#sign-message')
    await ledger.nextReview()
    await expect.poll(() => status().textContent()).toContain('Confirm on your device')
    ledger.decide('approve')
    await expect
      .poll(() => page.locator('#message-result').textContent())
      .toMatch(/0x[0-9a-f]{130}$/)
    const messageSignature = (await page.locator('#message-result').textContent())!.split(
      ': ',
    )[1] as Hex
    await expect(
      verifyMessage({
        address: account0,
        message: 'Sign in to the Airlock demo',
        signature: messageSignature,
      }),
    ).resolves.toBe(true)

    ledger.answer('approve')
    const nonce = await usdcNonce(account0)
    await page.click('#sign-permit')
    await expect
      .poll(() => page.locator('#permit-result').textContent())
      .toMatch(/0x[0-9a-f]{130}$/)
    const permitSignature = (await page.locator('#permit-result').textContent())!.split(
      ': ',
    )[1] as Hex
    const review = ledger.emulator.reviews.at(-1)!
    expect(review.operation).toBe('typed-data')
    expect(review.outcome).toBe('approved')
    await expect(
      verifyTypedData({
        address: account0,
        signature: permitSignature,
        ...permit({
          domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: usdc.address },
          owner: account0,
          spender: recipient,
          value: 1_000_000n,
          nonce,
          deadline: 1_900_000_000n,
        }),
      }),
    ).resolves.toBe(true)
  })

  test('sends a transaction that the node mines', async () => {
    const before = await publicClient.getBalance({ address: recipient })
    ledger.answer('hold')
    await page.click('#send')
    const review = await ledger.nextReview()
    expect(review.operation).toBe('transaction')
    expect(JSON.stringify(review.screens)).toContain('0.01')
    await expect
      .poll(() => status().textContent())
      .toContain('Review the transaction on your Ledger')
    ledger.decide('approve')
    await expect
      .poll(() => page.locator('#send-result').textContent())
      .toMatch(/^Mined in block \d+ \(success\)/)
    expect(await publicClient.getBalance({ address: recipient })).toBe(before + parseEther('0.01'))
    await screenshot(page, 'signed')
  })

  test('explains a rejection on the device', async () => {
    ledger.answer('reject')
    await page.click('#sign-message')
    await expect.poll(() => advice().getAttribute('data-error')).toBe('UserRejectedOnDeviceError')
    await expect(advice().textContent()).resolves.toBe(
      'The request was rejected on the device.Nothing was signed. Try again and approve on the device if you meant to.',
    )
    await screenshot(page, 'rejected')
  })

  test('waits for the device to be unlocked', async () => {
    ledger.answer('approve')
    ledger.emulator.lock()
    await page.click('#sign-message')
    await expect.poll(() => status().textContent()).toContain('Unlock your Ledger with its PIN.')
    await screenshot(page, 'locked')
    ledger.emulator.unlock()
    await expect
      .poll(() => page.locator('#message-result').textContent())
      .toMatch(/0x[0-9a-f]{130}$/)
    await expect(advice().isHidden()).resolves.toBe(true)
  })

  test('recovers from an unplug in the middle of a signature', async () => {
    ledger.answer('hold')
    await page.click('#send')
    await ledger.nextReview()
    await ledger.unplug()
    await expect.poll(() => advice().getAttribute('data-error')).toBe('DeviceDisconnectedError')
    await expect(advice().textContent()).resolves.toContain(
      'Reconnect the device, unlock it, then try again.',
    )
    await screenshot(page, 'unplugged')

    await ledger.plug()
    ledger.answer('approve')
    await page.click('#sign-message')
    await expect
      .poll(() => page.locator('#message-result').textContent())
      .toMatch(/0x[0-9a-f]{130}$/)
    await expect(advice().isHidden()).resolves.toBe(true)
  })
})
