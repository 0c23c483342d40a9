/**
 * Demo mode: the page runs the Ledger emulator itself (bundled by Vite) and draws it beside the
 * page; the person approves or rejects on that panel. No fake USB, no device. That emulator trusts
 * the TEST PKI root, so the page's own Counter call shows in clear from the descriptor it bundles.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchBrowser, pageUrl, screenshot } from './harness.js'
import { counterCount } from './localChain.js'

let browser: Awaited<ReturnType<typeof launchBrowser>>

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

test('the whole flow against the emulated Ledger in the page', async () => {
  const page = await browser.context.newPage()
  await page.goto(pageUrl('index'))
  await page.check('#demo')
  await page.selectOption('#scheme', 'bip44')
  await page.click('#connect')
  await expect.poll(() => page.locator('#accounts tr').count()).toBe(5)
  await expect(page.locator('#device-panel').isVisible()).resolves.toBe(true)
  await page.locator('#accounts input[type=radio]').nth(1).check()
  await page.click('#use')
  await expect
    .poll(() => page.locator('#address').textContent())
    .toBe('0x70997970C51812dc3A010C7d01b50e0d17dc79C8')

  // The review waits for the person: its screens are on the panel until Approve.
  await page.click('#sign-permit')
  // The spender, on the screens with or without Ledger's EIP-712 filters.
  await expect
    .poll(async () =>
      (await page.locator('[data-testid=device-screen]').textContent())?.toLowerCase(),
    )
    .toContain('0x14dc79964da2c08b23698b3d3cc7ca32193d9955')
  await expect(page.locator('#status').textContent()).resolves.toContain(
    'Review the permit on your Ledger',
  )
  await screenshot(page, 'demo')
  await page.click('#device-panel [data-action=approve]')
  await expect.poll(() => page.locator('#permit-result').textContent()).toMatch(/0x[0-9a-f]{130}$/)

  await page.click('#send')
  await page.click('#device-panel [data-action=reject]')
  await expect
    .poll(() => page.locator('#advice').getAttribute('data-error'))
    .toBe('UserRejectedOnDeviceError')

  // Quit the Ethereum app on the panel: the page asks to open it, and goes on once it is open.
  await page.click('#device-panel [data-action=app]')
  await page.click('#send')
  await expect
    .poll(() => page.locator('#status').textContent())
    .toContain('Open the Ethereum app on your Ledger.')
  await page.click('#device-panel [data-action=app]')
  await expect
    .poll(() => page.locator('[data-testid=device-screen]').textContent())
    .toContain('0.01')
  await page.click('#device-panel [data-action=approve]')
  await expect
    .poll(() => page.locator('#send-result').textContent())
    .toMatch(/^Mined in block \d+ \(success\)/)
})

test("the Counter call in clear on the panel, from the page's bundled descriptor", async () => {
  const page = await browser.context.newPage()
  const warnings: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text())
  })
  await page.goto(pageUrl('index'))
  await page.check('#demo')
  await page.click('#connect')
  await expect.poll(() => page.locator('#connect').isEnabled()).toBe(true)
  await expect(page.locator('#accounts tr').count()).resolves.toBe(5)
  // The emulator says, on the panel and in the console, that it trusts a TEST root.
  await expect(page.locator('[data-testid=test-root]').textContent()).resolves.toContain(
    'TEST PKI root',
  )
  expect(warnings.join('\n')).toContain('TEST PKI root')
  await page.locator('#accounts input[type=radio]').first().check()
  await page.click('#use')
  const account0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'
  await expect.poll(() => page.locator('#address').textContent()).toBe(account0)

  const count = await counterCount()
  await page.click('#call-contract')
  const rows = page.locator('[data-testid=device-screen] .screen-row')
  const shown = () =>
    rows.evaluateAll((elements) =>
      elements.map((row) => Array.from(row.children, (part) => part.textContent)),
    )
  await expect
    .poll(async () => (await shown()).slice(0, 3))
    .toEqual([
      ['Review transaction to', 'Increment the counter'],
      ['Interaction with', 'Airlock example'],
      ['Counted for', account0],
    ])
  expect((await shown()).map(([title]) => title)).not.toContain('Blind signing')
  await expect(page.locator('#signing-note').getAttribute('data-display')).resolves.toBe('clear')
  await screenshot(page, 'demo-clear-descriptor')
  await page.click('#device-panel [data-action=approve]')
  await expect
    .poll(() => page.locator('#contract-result').textContent())
    .toMatch(/^Mined in block \d+ \(success\)/)
  expect(await counterCount()).toBe(count + 1n)
})
