/**
 * Turns any outbound network access in a test into a test failure. Loopback stays open (the local
 * node of the end-to-end tests, local stubs of remote services). Wired into every test project as a
 * `setupFiles` entry of the vitest configs.
 *
 * Every way out ends in `net.Socket#connect` (http, https, tls, undici's `fetch`), so that is where
 * hosts are checked; `dns` and `fetch` are checked too, to fail before a lookup and with the URL.
 * An attempt is refused at once and recorded; the test it happened in fails in `afterEach`, even if
 * the code under test swallowed the error. Attempts outside a test (in `beforeAll`, or late timers)
 * fail the file in `afterAll`.
 */
import dns from 'node:dns'
import net from 'node:net'
import { afterAll, afterEach, expect } from 'vitest'

const attempts: string[] = []

/** Loopback only. A connect without a host goes to localhost (Node's default). */
export function isLoopback(host: string | undefined): boolean {
  if (!host) return true
  const name = host.replace(/^\[|\]$/g, '').toLowerCase()
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name === '::1' ||
    /^127\.\d+\.\d+\.\d+$/.test(name) ||
    /^::ffff:127\.\d+\.\d+\.\d+$/.test(name)
  )
}

function refuse(what: string): Error {
  attempts.push(what)
  return new Error(`Network access is not allowed in tests: ${what}`)
}

type ConnectOptions = { host?: unknown; path?: unknown; port?: unknown }

/**
 * The target of `socket.connect(...)`: `net.connect`/`http` pass Node's normalized `[options, cb]`
 * array, `tls` an options object, user code `(port, host?, cb?)`, `(path, cb?)` or `(options, cb?)`.
 */
function targetOf(args: unknown[]): { ipc: boolean; host: string | undefined } {
  const [first, second] = args
  const options = (Array.isArray(first) ? first[0] : first) as unknown
  if (typeof options === 'object' && options !== null) {
    const { host, path } = options as ConnectOptions
    if (typeof path === 'string') return { ipc: true, host: undefined }
    return { ipc: false, host: typeof host === 'string' ? host : undefined }
  }
  if (typeof options === 'string' && !/^\d+$/.test(options)) return { ipc: true, host: undefined }
  return { ipc: false, host: typeof second === 'string' ? second : undefined }
}

const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  const { ipc, host } = targetOf(args)
  if (!ipc && !isLoopback(host)) {
    const error = refuse(`connect ${host}`)
    process.nextTick(() => this.destroy(error))
    return this
  }
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args)
} as typeof connect

const lookup = dns.lookup
dns.lookup = ((hostname: string, ...rest: unknown[]) => {
  if (!isLoopback(hostname)) {
    const callback = rest.at(-1) as (error: Error) => void
    const error = refuse(`dns ${hostname}`)
    process.nextTick(() => callback(error))
    return
  }
  return (lookup as (...a: unknown[]) => void).call(dns, hostname, ...rest)
}) as typeof dns.lookup

const lookupPromise = dns.promises.lookup
dns.promises.lookup = ((hostname: string, ...rest: unknown[]) => {
  if (!isLoopback(hostname)) return Promise.reject(refuse(`dns ${hostname}`))
  return (lookupPromise as (...a: unknown[]) => Promise<unknown>).call(
    dns.promises,
    hostname,
    ...rest,
  )
}) as typeof dns.promises.lookup

const realFetch = globalThis.fetch
globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const href = input instanceof Request ? input.url : String(input)
  const url = URL.canParse(href) ? new URL(href) : undefined
  if (!url || !isLoopback(url.hostname)) throw refuse(`fetch ${href}`)
  return realFetch(input, init)
}

/** Takes the attempts recorded so far (for the guard's own tests, which expect one). */
export function takeNetworkAttempts(): string[] {
  return attempts.splice(0)
}

afterEach(() => {
  expect(attempts.splice(0), 'outbound network access during the test').toEqual([])
})

afterAll(() => {
  expect(attempts.splice(0), 'outbound network access outside a test').toEqual([])
})
