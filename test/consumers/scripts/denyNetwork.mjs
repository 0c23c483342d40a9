/**
 * Preloaded into the consumer scripts (`node --import`): any connection, DNS lookup or fetch to
 * a host other than loopback is refused, reported on stderr, and makes the process exit non-zero.
 * The scripts run in plain Node, outside vitest, so test/setup/noNetwork.ts cannot guard them.
 */
import dns from 'node:dns'
import net from 'node:net'

const refused = []
const refusalPrefix = 'network access refused:'

const isLoopback = (host) => {
  if (!host) return true
  const name = String(host)
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name === '::1' ||
    /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(name)
  )
}

const refuse = (what) => {
  refused.push(what)
  process.stderr.write(`${refusalPrefix} ${what}\n`)
  return new Error(`${refusalPrefix} ${what}`)
}

/** The host of `socket.connect(...)`, or undefined for a local (IPC) path. */
const hostOf = (args) => {
  const [first, second] = args
  const options = Array.isArray(first) ? first[0] : first
  if (typeof options === 'object' && options !== null)
    return typeof options.path === 'string' ? undefined : options.host
  if (typeof options === 'string' && !/^\d+$/.test(options)) return undefined
  return typeof second === 'string' ? second : undefined
}

const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function (...args) {
  const host = hostOf(args)
  if (!isLoopback(host)) {
    const error = refuse(`connect ${host}`)
    process.nextTick(() => this.destroy(error))
    return this
  }
  return connect.apply(this, args)
}

const lookup = dns.lookup
dns.lookup = (hostname, ...rest) => {
  if (isLoopback(hostname)) return lookup.call(dns, hostname, ...rest)
  const error = refuse(`dns ${hostname}`)
  process.nextTick(() => rest.at(-1)(error))
}
const lookupPromise = dns.promises.lookup
dns.promises.lookup = (hostname, ...rest) =>
  isLoopback(hostname)
    ? lookupPromise.call(dns.promises, hostname, ...rest)
    : Promise.reject(refuse(`dns ${hostname}`))

const realFetch = globalThis.fetch
globalThis.fetch = async (input, init) => {
  const href = input instanceof Request ? input.url : String(input)
  if (!URL.canParse(href) || !isLoopback(new URL(href).hostname)) throw refuse(`fetch ${href}`)
  return realFetch(input, init)
}

process.on('exit', () => {
  if (refused.length > 0) process.exitCode = 1
})
