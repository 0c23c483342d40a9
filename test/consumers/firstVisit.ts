import { launchBrowser } from '../e2e/harness.js'
import { type LoadedScript, type PageTraffic, recordTraffic, totalGzip } from './pageTraffic.js'

export type FirstVisit = {
  /** gzip -9 bytes of every JavaScript response the page loaded. */
  jsGzip: number
  scripts: LoadedScript[]
  /** Requests that left loopback (refused by the browser, but asked for). */
  leaks: string[]
}

/** How long the network must stay quiet after load for the page to count as settled. */
const quietMs = 1_000

/**
 * Loads `url` in a fresh browser profile (empty storage and cache), lets it settle (wagmi
 * reconnects on mount), and returns what it loaded.
 */
export async function firstVisit(url: string): Promise<FirstVisit> {
  const browser = await launchBrowser()
  try {
    const traffic = recordTraffic(browser.context)
    const page = await browser.context.newPage()
    await page.goto(url, { waitUntil: 'networkidle' })
    await waitForQuiet(traffic)
    await traffic.settled()
    return { jsGzip: totalGzip(traffic.scripts), scripts: traffic.scripts, leaks: traffic.leaks() }
  } finally {
    await browser.close()
  }
}

/** Resolves once no request has been made for `quietMs`. */
export async function waitForQuiet(traffic: PageTraffic): Promise<void> {
  let seen = -1
  while (seen !== traffic.requests.length) {
    seen = traffic.requests.length
    await new Promise((resolveWait) => setTimeout(resolveWait, quietMs))
  }
}
