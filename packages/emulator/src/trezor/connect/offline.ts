/**
 * Keeps `@trezor/connect` in-process. In Node, Connect fetches its release list with the global
 * `fetch` (once, synchronously inside `init`) and Ethereum definitions, firmware binaries and release
 * data through `cross-fetch`, which wraps `node-fetch` and so bypasses a stubbed global `fetch`.
 * Every request is answered 404, which Connect tolerates (an answer, not a throw: a throw would leave
 * Connect's 5 s abort timer holding Node open).
 */

type Listener = (url: string) => void

const listeners = new Set<Listener>()
let crossFetchRouted = false

/** A `fetch` that answers 404 to everything and reports each URL to the live emulators. */
export const offlineFetch = (async (input: string | URL | Request) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
  for (const listener of listeners) listener(url)
  return new Response(null, { status: 404, statusText: 'Blocked by the Airlock Trezor emulator' })
}) as typeof fetch

/** Calls `listener` with the URL of every request Connect attempts; returns the unsubscribe. */
export function onBlockedRequest(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * Points the `cross-fetch` module that `@trezor/connect` resolves at `offlineFetch`, for the rest of
 * the process. Modules Connect loads after this (its Ethereum definitions are loaded on first use)
 * get the offline fetch.
 */
export function routeCrossFetch(requireFromConnect: NodeJS.Require): void {
  if (crossFetchRouted) return
  const path = requireFromConnect.resolve('cross-fetch')
  requireFromConnect(path)
  const cached = requireFromConnect.cache[path]
  if (!cached) return
  const offline = Object.assign((...args: Parameters<typeof fetch>) => offlineFetch(...args), {
    default: offlineFetch,
    fetch: offlineFetch,
    Headers,
    Request,
    Response,
  })
  cached.exports = offline
  crossFetchRouted = true
}

/** Runs `action` with the global `fetch` swapped for `offlineFetch` during its synchronous part. */
export function withOfflineGlobalFetch<T>(action: () => T): T {
  const original = globalThis.fetch
  globalThis.fetch = offlineFetch
  try {
    return action()
  } finally {
    globalThis.fetch = original
  }
}
