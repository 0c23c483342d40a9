/**
 * Local answers for the requests Reown AppKit 1.8.24 makes to Reown's servers, so its modal runs in
 * a browser that reaches nothing beyond loopback. The shapes are those AppKit reads
 * (@reown/appkit-controllers ApiController and BlockchainApiController, @reown/appkit ConfigUtil):
 * a project with every remote feature off, on the starter plan, with no wallets from Reown's list,
 * a grey square for every image Reown would serve, no fonts and no identity (ENS name, avatar) for
 * the account. A request of Reown's hosts no stub matches is answered 404 and logged as such, as
 * every request is, for the test to show and check.
 */
import type { BrowserContext, Route } from 'playwright-core'

/** The hosts AppKit talks to: its API, Blockchain API (RPC, balances), analytics, fonts. */
const reownHosts = [
  'api.web3modal.org',
  'rpc.walletconnect.org',
  'pulse.walletconnect.org',
  'fonts.reown.com',
  'secure.walletconnect.org',
  'relay.walletconnect.org',
  'relay.walletconnect.com',
]

export type ReownRequest = { url: string; answer: 'stub' | '404' }

type Stub = {
  host: string
  path: string | RegExp
  status?: number
  contentType?: string
  body: unknown
}

/** What an image of Reown's (a network's or a wallet's logo) is here. */
const greySquare =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" fill="#ccc"/></svg>'

/** The answers AppKit reads at init and when its modal opens. */
const stubs: Stub[] = [
  // ConfigUtil.fetchRemoteFeatures: a list without a feature turns that feature off.
  { host: 'api.web3modal.org', path: '/appkit/v1/config', body: { features: [] } },
  // ApiController.fetchUsage.
  {
    host: 'api.web3modal.org',
    path: '/appkit/v1/project-limits',
    body: { planLimits: { tier: 'starter', isAboveMauLimit: false, isAboveRpcLimit: false } },
  },
  // ApiController.fetchWallets (featured, recommended, ranks): Reown's wallet list, empty here.
  { host: 'api.web3modal.org', path: '/getWallets', body: { count: 0, data: [] } },
  { host: 'api.web3modal.org', path: '/getAnalyticsConfig', body: { isAnalyticsEnabled: false } },
  { host: 'api.web3modal.org', path: '/projects/v1/origins', body: { allowedOrigins: [] } },
  // ApiController's network, connector and wallet images (fetched as blobs).
  {
    host: 'api.web3modal.org',
    path: /^\/(public\/getAssetImage|getWalletImage)\//,
    contentType: 'image/svg+xml',
    body: greySquare,
  },
  // BlockchainApiController.fetchIdentity: the account has no ENS name nor avatar.
  { host: 'rpc.walletconnect.org', path: /^\/v1\/identity\//, body: { name: null, avatar: null } },
  // EventsController's events (sent even with `features.analytics` off).
  { host: 'pulse.walletconnect.org', path: /^\/(e|batch)$/, body: {} },
  // ThemeUtil's KHTeka fonts: none, the modal uses its fallback font.
  { host: 'fonts.reown.com', path: /^\//, status: 404, contentType: 'text/plain', body: '' },
]

/**
 * Answers every request of `context` to Reown's hosts from `stubs` (404 otherwise) and returns the
 * log of them. Registered after the harness's route that refuses everything beyond loopback, so it
 * takes precedence for these hosts only.
 */
export async function stubReown(context: BrowserContext): Promise<ReownRequest[]> {
  const log: ReownRequest[] = []
  await context.route(
    (url) => reownHosts.includes(url.hostname),
    (route) => answer(route, log),
  )
  return log
}

function answer(route: Route, log: ReownRequest[]): Promise<void> {
  const url = new URL(route.request().url())
  const stub = stubs.find(
    ({ host, path }) =>
      host === url.hostname &&
      (typeof path === 'string' ? path === url.pathname : path.test(url.pathname)),
  )
  log.push({ url: url.href, answer: stub ? 'stub' : '404' })
  const contentType = stub?.contentType ?? 'application/json'
  const body = stub?.body ?? { error: 'not stubbed' }
  return route.fulfill({
    status: stub ? (stub.status ?? 200) : 404,
    contentType,
    headers: { 'access-control-allow-origin': '*' },
    body: contentType === 'application/json' ? JSON.stringify(body) : String(body),
  })
}
