/**
 * Clear and blind signing on the dApp page (issues #13, #18), with the emulated Ledger as shipped
 * (blind signing off in its Ethereum app) on the fake WebUSB, and the local Ethereum (chain 1) with
 * USDC at its mainnet address: the page says how the device will show a request before it asks, the
 * device shows tokens and permits in clear from Ledger's bundled metadata, and what can only be
 * blind-signed is refused, by the device or, when asked, before it reaches the device.
 *
 * The page bundles a TEST-signed ERC-7730 descriptor for its Counter. The first Ledger here trusts
 * only Ledger's PKI root, as a real one: it refuses that descriptor, so the Counter call is blind.
 * The second trusts the test root: the same call shows in clear, field by field, and is mined.
 */
import { testPublicKeyOf } from '@airlock/emulator'
import { testClearSigningKeys } from '@airlock/fixtures/clearSigningContracts'
import { permit } from '@airlock/fixtures/permit'
import type { Page } from 'playwright-core'
import { type Hex, verifyTypedData } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { attachLedger, launchBrowser, pageUrl, screenshot, type TestLedger } from './harness.js'
import {
  counterCount,
  submitUsdcPermit,
  usdc,
  usdcAllowance,
  usdcBalance,
  usdcNonce,
} from './localChain.js'

const recipient = '0x14dC79964da2C08b23698B3D3cc7Ca32193d9955'
const account0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'
const oneUsdc = 1_000_000n
const mined = /^Mined in block \d+ \(success\)/
const signature = /0x[0-9a-f]{130}$/
const hash32 = /0x[0-9a-f]{64}/i

let browser: Awaited<ReturnType<typeof launchBrowser>>
let page: Page
let ledger: TestLedger

const note = () => page.locator('#signing-note')
const advice = () => page.locator('#advice')

/** Connects the Ledger on the page and uses account 0, refusing blind signing if asked. */
async function useAccount0({ refuseBlindSigning }: { refuseBlindSigning: boolean }) {
  await page.setChecked('#refuse-blind', refuseBlindSigning)
  await page.click('#connect')
  // The click disables the buttons until the accounts are listed afresh.
  await expect.poll(() => page.locator('#connect').isEnabled()).toBe(true)
  await expect(page.locator('#accounts tr').count()).resolves.toBe(5)
  await page.locator('#accounts input[type=radio]').first().check()
  await page.click('#use')
  await expect.poll(() => page.locator('#address').textContent()).toBe(account0)
}

/** SIGN ETH TRANSACTION (E0 04) APDUs the device received after the first `since` exchanges. */
function signTransactionApdus(since: number): string[] {
  return ledger.emulator.exchanges
    .slice(since)
    .map(({ request }) => request.toLowerCase())
    .filter((request) => request.startsWith('e004'))
}

/**
 * Those that sign or start a review: all but store mode (P2 01), where the generic parser only
 * parks the transaction until its descriptor is accepted.
 */
function signingApdus(since: number): string[] {
  return signTransactionApdus(since).filter((request) => request.slice(6, 8) !== '01')
}

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.context.newPage()
  ledger = await attachLedger(page)
})
afterAll(async () => {
  await browser?.close()
})

describe('clear signing on the dApp page, blind signing off on the device', () => {
  test('connects the Ledger and uses account 0', async () => {
    await page.goto(pageUrl('index'))
    await useAccount0({ refuseBlindSigning: false })
  })

  test('a USDC transfer: "in clear" on the page first, "1 USDC" on the device, mined', async () => {
    const before = await usdcBalance(recipient)
    ledger.answer('hold')
    await page.click('#send-usdc')
    await expect.poll(() => note().getAttribute('data-display')).toBe('clear')
    await expect(note().textContent()).resolves.toContain('Your Ledger will show this in clear')
    const review = await ledger.nextReview()
    expect(review.operation).toBe('transaction')
    expect(review.screens.map((screen) => screen.value)).toContain('1 USDC')
    expect(review.screens.map((screen) => screen.title)).not.toContain('Blind signing')
    await screenshot(page, 'clear-transfer')
    ledger.decide('approve')
    await expect.poll(() => page.locator('#usdc-result').textContent()).toMatch(mined)
    expect(await usdcBalance(recipient)).toBe(before + oneUsdc)
  })

  test('with blind signing on in the app, the transfer is mined however the device shows it', async () => {
    ledger.emulator.setBlindSigning(true)
    try {
      const before = await usdcBalance(recipient)
      ledger.answer('approve')
      await page.click('#send-usdc')
      await expect.poll(() => page.locator('#usdc-result').textContent()).toMatch(mined)
      await expect(page.locator('#usdc-result').textContent()).resolves.toContain(
        `${recipient} now holds`,
      )
      expect(await usdcBalance(recipient)).toBe(before + oneUsdc)
      await expect(page.locator('#balance').textContent()).resolves.toMatch(/ETH · [\d.]+ USDC$/)
    } finally {
      ledger.emulator.setBlindSigning(false)
    }
  })

  test("the USDC permit: in clear with Ledger's filter labels, and it sets the allowance", async () => {
    const nonce = await usdcNonce(account0)
    ledger.answer('hold')
    await page.click('#sign-permit')
    const review = await ledger.nextReview()
    // The page said how the device would show it before the device asked: read it now.
    const display = await note().getAttribute('data-display')
    const noteText = await note().textContent()
    ledger.decide('approve')
    await expect.poll(() => page.locator('#permit-result').textContent()).toMatch(signature)
    const signed = (await page.locator('#permit-result').textContent())!.split(': ')[1] as Hex

    const typedData = permit({
      domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: usdc.address },
      owner: account0,
      spender: recipient,
      value: oneUsdc,
      nonce,
      deadline: 1_900_000_000n,
    })
    await expect(
      verifyTypedData({ address: account0, signature: signed, ...typedData }),
    ).resolves.toBe(true)
    await submitUsdcPermit({
      owner: account0,
      spender: recipient,
      value: oneUsdc,
      deadline: 1_900_000_000n,
      signature: signed,
    })
    await expect.poll(() => usdcAllowance(account0, recipient)).toBe(oneUsdc)

    expect(review.operation).toBe('typed-data')
    expect(display).toBe('clear')
    expect(noteText).toContain('Your Ledger will show this in clear')
    const titles = review.screens.map((screen) => screen.title)
    const values = review.screens.map((screen) => screen.value)
    // Ledger's filters name the fields for people and leave out the domain and the nonce.
    expect(values).toContain('1 USDC')
    expect(titles).not.toContain('Blind signing')
    expect(titles).not.toEqual(expect.arrayContaining(['value']))
    expect(titles).not.toEqual(expect.arrayContaining(['nonce']))
    expect(values.filter((value) => hash32.test(value))).toEqual([])
  })

  test('the Counter call: its test-signed descriptor refused, blind, then the device refuses', async () => {
    const count = await counterCount()
    const since = ledger.emulator.exchanges.length
    ledger.answer('approve')
    await page.click('#call-contract')
    await expect.poll(() => advice().getAttribute('data-error')).toBe('BlindSigningDisabledError')
    await expect(advice().textContent()).resolves.toContain('blind signing')
    expect(await counterCount()).toBe(count)
    // The device was asked, and said no.
    expect(signTransactionApdus(since).length).toBeGreaterThan(0)
    await screenshot(page, 'blind-refused-by-device')

    await expect(note().getAttribute('data-display')).resolves.toBe('blind')
    await expect(note().textContent()).resolves.toContain('your Ledger will blind-sign this')
    await expect(note().textContent()).resolves.toContain('refused the descriptor')
  })

  test('with blind signing on in the app, the call is blind-signed after the warning', async () => {
    ledger.emulator.setBlindSigning(true)
    try {
      const count = await counterCount()
      ledger.answer('hold')
      await page.click('#call-contract')
      const review = await ledger.nextReview()
      const display = await note().getAttribute('data-display')
      expect(review.screens.map((screen) => screen.title)).toContain('Blind signing')
      await screenshot(page, 'blind-warning')
      ledger.decide('approve')
      await expect.poll(() => page.locator('#contract-result').textContent()).toMatch(mined)
      await expect(page.locator('#contract-result').textContent()).resolves.toContain(
        `The counter is at ${count + 1n}.`,
      )
      expect(await counterCount()).toBe(count + 1n)

      expect(display).toBe('blind')
    } finally {
      ledger.emulator.setBlindSigning(false)
    }
  })

  test('"Refuse blind signing": clear signing still works; the call fails before any review', async () => {
    await useAccount0({ refuseBlindSigning: true })
    ledger.answer('approve')
    const count = await counterCount()
    const since = ledger.emulator.exchanges.length
    const reviews = ledger.emulator.reviews.length
    await page.click('#call-contract')
    await expect.poll(() => advice().getAttribute('data-error')).toBe('BlindSigningRefusedError')
    await expect(advice().locator('li').count()).resolves.toBeGreaterThan(0)
    // The descriptor goes first (the transaction in store mode, then the certificate the device
    // refuses); nothing is signed and no review starts.
    expect(signingApdus(since)).toEqual([])
    expect(ledger.emulator.reviews.length).toBe(reviews)
    expect(await counterCount()).toBe(count)

    // The refused certificate left the call stored in the app: the driver resets it, so the
    // transfer's token descriptor survives and it is still clear-signed and mined.
    const before = await usdcBalance(recipient)
    await page.click('#send-usdc')
    await expect.poll(() => page.locator('#usdc-result').textContent()).toMatch(mined)
    expect(await usdcBalance(recipient)).toBe(before + oneUsdc)
    await screenshot(page, 'blind-refused')
  })

  test('the page reached nothing beyond 127.0.0.1', () => {
    expect(browser.blockedRequests).toEqual([])
  })
})

describe("the Counter call on a Ledger that trusts the test PKI root: the page's descriptor, in clear", () => {
  let testPage: Page
  let trusting: TestLedger

  beforeAll(async () => {
    testPage = await browser.context.newPage()
    trusting = await attachLedger(testPage, {
      pkiRootPublicKey: testPublicKeyOf(testClearSigningKeys.pkiRoot),
    })
  })

  test('"in clear" on the page first, its labelled fields on the device, mined', async () => {
    await testPage.goto(pageUrl('index'))
    await testPage.click('#connect')
    // The click disables the buttons until the accounts are listed.
    await expect.poll(() => testPage.locator('#connect').isEnabled()).toBe(true)
    await expect(testPage.locator('#accounts tr').count()).resolves.toBe(5)
    await testPage.locator('#accounts input[type=radio]').first().check()
    await testPage.click('#use')
    await expect.poll(() => testPage.locator('#address').textContent()).toBe(account0)

    const count = await counterCount()
    trusting.answer('hold')
    await testPage.click('#call-contract')
    const review = await trusting.nextReview()
    const testNote = testPage.locator('#signing-note')
    await expect(testNote.getAttribute('data-display')).resolves.toBe('clear')
    await expect(testNote.textContent()).resolves.toContain('Your Ledger will show this in clear')
    await expect(testNote.textContent()).resolves.toContain('ERC-7730 descriptor (test signatures)')
    expect(review.operation).toBe('transaction')
    expect(review.screens.slice(0, 3)).toEqual([
      { title: 'Review transaction to', value: 'Increment the counter' },
      { title: 'Interaction with', value: 'Airlock example' },
      { title: 'Counted for', value: account0 },
    ])
    expect(review.screens.map((screen) => screen.title)).not.toContain('Blind signing')
    await screenshot(testPage, 'clear-descriptor')
    trusting.decide('approve')
    await expect.poll(() => testPage.locator('#contract-result').textContent()).toMatch(mined)
    await expect(testPage.locator('#contract-result').textContent()).resolves.toContain(
      `The counter is at ${count + 1n}.`,
    )
    expect(await counterCount()).toBe(count + 1n)
    expect(browser.blockedRequests).toEqual([])
  })
})
