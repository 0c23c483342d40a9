import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import { toHardwareAccount } from '@airlock/core'
import { createLedgerEmulator } from '@airlock/emulator'
import { permit as erc2612Permit } from '@airlock/fixtures/permit'
import { type Address, encodeFunctionData, erc20Abi, parseEther } from 'viem'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createLedgerSigner } from './createLedgerSigner.js'

const path = "m/44'/60'/0'/0/0"
const usdc: Address = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'
const recipient: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const unlisted: Address = '0x1111111111111111111111111111111111111111'

/** Every way out of the process: fetch, http(s) (axios, which hw-app-eth uses) and raw sockets. */
function denyNetwork() {
  const attempts: string[] = []
  const blocked = (what: string) => {
    attempts.push(what)
    return new Error(`network access blocked in this test: ${what}`)
  }
  const saved = {
    fetch: globalThis.fetch,
    httpRequest: http.request,
    httpGet: http.get,
    httpsRequest: https.request,
    httpsGet: https.get,
    connect: net.Socket.prototype.connect,
  }
  globalThis.fetch = async (input) => {
    throw blocked(`fetch ${String(input instanceof Request ? input.url : input)}`)
  }
  const deny = (name: string) => (options: unknown) => {
    throw blocked(
      `${name} ${typeof options === 'string' ? options : JSON.stringify((options as { hostname?: string; host?: string })?.hostname ?? (options as { host?: string })?.host ?? options)}`,
    )
  }
  http.request = deny('http.request') as never
  http.get = deny('http.get') as never
  https.request = deny('https.request') as never
  https.get = deny('https.get') as never
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    this.destroy(blocked(`socket ${JSON.stringify(args[0])}`))
    return this
  } as never
  const restore = () => {
    globalThis.fetch = saved.fetch
    http.request = saved.httpRequest
    http.get = saved.httpGet
    https.request = saved.httpsRequest
    https.get = saved.httpsGet
    net.Socket.prototype.connect = saved.connect
  }
  return { attempts, restore }
}

/**
 * A local stand-in for Ledger's metadata services (crypto-assets, CAL, NFT and plugin APIs): the HTTPS
 * requests hw-app-eth makes through axios are answered 404 ("nothing known") by a loopback server,
 * and recorded. Nothing leaves the process (the no-network guard of the test setup checks it too).
 */
const loopback = { request: http.request, connect: net.Socket.prototype.connect }

async function stubLedgerServices() {
  const requests: string[] = []
  const server = http.createServer((request, response) => {
    requests.push(`https://${request.headers['x-stubbed-host']}${request.url}`)
    response.writeHead(404, { 'content-type': 'application/json' }).end('{}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  const denied = { request: https.request, connect: net.Socket.prototype.connect }
  // Sockets to the stub only: the setup's guard (loopback only) instead of this file's deny-all.
  net.Socket.prototype.connect = loopback.connect
  https.request = ((options: https.RequestOptions, callback?: () => void) => {
    const { hostname, host, headers, agent: _agent, ...rest } = options
    return loopback.request(
      {
        ...rest,
        protocol: 'http:',
        hostname: '127.0.0.1',
        port,
        headers: { ...headers, 'x-stubbed-host': hostname ?? host ?? '' },
      },
      callback,
    )
  }) as never
  return {
    requests,
    close: () => {
      https.request = denied.request
      net.Socket.prototype.connect = denied.connect
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

let network: ReturnType<typeof denyNetwork>
beforeEach(() => {
  network = denyNetwork()
})
afterEach(() => network.restore())

const erc20Transfer = {
  chainId: 1,
  maxFeePerGas: 2n,
  maxPriorityFeePerGas: 1n,
  gas: 60_000n,
  nonce: 0,
  to: usdc,
  data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [recipient, 5n] }),
} as const

const permit = erc2612Permit({
  domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: usdc },
  owner: recipient,
  spender: recipient,
  value: 1n,
  deadline: 1n,
})

describe('offline by default', () => {
  test('the interception works (control)', async () => {
    await expect(fetch('https://example.com')).rejects.toThrowError(/blocked/)
    expect(() => https.get('https://example.com')).toThrowError(/blocked/)
    expect(network.attempts).toHaveLength(2)
  })

  test('no request leaves the process: ERC-20 transfer, permit (full EIP-712), message, transfer', async () => {
    const emulator = createLedgerEmulator({ eip7702: true })
    const signer = createLedgerSigner({ transport: emulator.transport })
    const account = await toHardwareAccount(signer, { path })
    await account.signTransaction(erc20Transfer)
    await account.signTypedData(permit)
    expect(signer.typedDataMode?.mode).toBe('full')
    await account.signMessage({ message: 'hello' })
    await account.signTransaction({ ...erc20Transfer, data: undefined, value: parseEther('1') })
    await account.signAuthorization!({
      contractAddress: '0x4Cd241E8d1510e30b2076397afc7508Ae59C66c9',
      chainId: 1,
      nonce: 0,
    })
    expect(network.attempts).toEqual([])
  })

  test('clearSigning asks Ledger services (a local stub that has nothing) for what the bundle lacks, then falls back to blind signing', async () => {
    const services = await stubLedgerServices()
    try {
      const emulator = createLedgerEmulator({ blindSigning: true })
      const signer = createLedgerSigner({ transport: emulator.transport, clearSigning: true })
      const account = await toHardwareAccount(signer, { path })
      // Bundled: the token's descriptor and the permit's filters, no request.
      await account.signTransaction(erc20Transfer)
      await account.signTypedData(permit)
      expect(services.requests).toEqual([])
      // Not bundled: a token and a message Ledger's list does not have.
      await account.signTransaction({ ...erc20Transfer, to: unlisted })
      await account.signTypedData({
        ...permit,
        domain: { ...permit.domain, verifyingContract: unlisted },
      })
      expect(services.requests.length).toBeGreaterThan(0)
      expect(services.requests.every((url) => /^https:\/\/[\w.-]+\.ledger\.com\//.test(url))).toBe(
        true,
      )
      expect(network.attempts).toEqual([])
    } finally {
      await services.close()
    }
  })
})
