import { gzipSync } from 'node:zlib'
import type { BrowserContext, Response } from 'playwright-core'

export type LoadedScript = { url: string; gzip: number; source: string }

/** Everything a browser context asked the network for, and every JavaScript response it got. */
export type PageTraffic = {
  /** Every request URL, in order, loopback or not (non-loopback ones are refused by the context). */
  requests: string[]
  scripts: LoadedScript[]
  /** Requests to anything but loopback: http(s)/ws(s) URLs whose host is not 127.0.0.1 or localhost. */
  leaks: () => string[]
  /** Waits until every JavaScript response seen so far has been read. */
  settled: () => Promise<void>
}

/** Starts recording the requests and JavaScript responses of every page of `context`. */
export function recordTraffic(context: BrowserContext): PageTraffic {
  const requests: string[] = []
  const scripts: LoadedScript[] = []
  const reads: Promise<void>[] = []
  context.on('request', (request) => {
    requests.push(request.url())
  })
  context.on('page', (page) => {
    page.on('websocket', (socket) => {
      requests.push(socket.url())
    })
  })
  context.on('response', (response) => {
    if (isJavaScript(response)) reads.push(readScript(response, scripts))
  })
  return {
    requests,
    scripts,
    leaks: () => requests.filter((url) => !isLoopbackUrl(url)),
    async settled() {
      await Promise.all(reads)
    },
  }
}

function isJavaScript(response: Response): boolean {
  return /javascript/.test(response.headers()['content-type'] ?? '')
}

async function readScript(response: Response, scripts: LoadedScript[]) {
  const body = await response.body().catch(() => undefined)
  if (!body) return
  scripts.push({
    url: response.url(),
    gzip: gzipSync(body, { level: 9 }).length,
    source: body.toString('utf8'),
  })
}

/** Loopback, or no host at all (`data:`, `blob:`, `about:`). */
export function isLoopbackUrl(url: string): boolean {
  const { protocol, hostname } = new URL(url)
  if (!/^(https?|wss?):$/.test(protocol)) return true
  const host = hostname.replace(/^\[|\]$/g, '')
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)
}

/** The gzip -9 bytes of the scripts, each counted once. */
export function totalGzip(scripts: readonly LoadedScript[]): number {
  const byUrl = new Map(scripts.map((script) => [script.url, script.gzip]))
  return [...byUrl.values()].reduce((sum, bytes) => sum + bytes, 0)
}
