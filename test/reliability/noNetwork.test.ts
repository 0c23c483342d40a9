import http from 'node:http'
import net from 'node:net'
import { describe, expect, onTestFinished, test } from 'vitest'
import { isLoopback, takeNetworkAttempts } from '../setup/noNetwork.js'

describe('the no-network guard', () => {
  test.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    [undefined, true],
    ['example.com', false],
    ['1.1.1.1', false],
    ['127.example.com', false],
    ['localhost.evil.com', false],
  ])('%s is loopback: %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected)
  })

  test('loopback stays open (a local stub answers)', async () => {
    const server = http.createServer((_, response) => response.end('stub'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
    const { port } = server.address() as net.AddressInfo
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('stub')
    const body = await new Promise<string>((resolve, reject) =>
      http
        .get(`http://localhost:${port}/`, (response) => {
          response.setEncoding('utf8')
          let text = ''
          response.on('data', (chunk) => (text += chunk))
          response.on('end', () => resolve(text))
        })
        .on('error', reject),
    )
    expect(body).toBe('stub')
  })
})

describe('outbound access is refused and recorded', () => {
  const refused = /Network access is not allowed in tests/

  test('fetch', async () => {
    await expect(fetch('https://example.com/')).rejects.toThrowError(refused)
    expect(takeNetworkAttempts()).toEqual(['fetch https://example.com/'])
  })

  test('http.get (through net.connect’s normalized arguments), before any DNS lookup', async () => {
    const error = await new Promise<Error>((resolve) =>
      http.get({ host: '93.184.215.14', port: 80, path: '/' }).on('error', resolve),
    )
    expect(error.message).toMatch(refused)
    expect(takeNetworkAttempts()).toEqual(['connect 93.184.215.14'])
  })

  test('net.connect to a host name', async () => {
    const error = await new Promise<Error>((resolve) =>
      net.connect({ host: 'example.com', port: 443 }).on('error', resolve),
    )
    expect(error.message).toMatch(refused)
    expect(takeNetworkAttempts()).toEqual(['connect example.com'])
  })

  test('socket.connect(port, host)', async () => {
    const error = await new Promise<Error>((resolve) =>
      new net.Socket().connect(443, '1.1.1.1').on('error', resolve),
    )
    expect(error.message).toMatch(refused)
    expect(takeNetworkAttempts()).toEqual(['connect 1.1.1.1'])
  })
})
