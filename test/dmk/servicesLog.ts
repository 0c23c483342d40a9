/**
 * A stand-in for the Ledger services DMK calls besides CAL (names and proxy metadata, transaction
 * checks, blind-signing reports): it answers 404 to everything and logs each request with its body,
 * so a test can show what DMK would have sent.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request the services received. */
export type ServiceRequest = {
  method: string
  path: string
  params: Record<string, string>
  body: string
}

/** The running stand-in: its base URL, its request log, `close()`. */
export type ServicesLog = { url: string; requests: ServiceRequest[]; close: () => Promise<void> }

/** Starts the stand-in on a free loopback port. */
export async function startServicesLog(): Promise<ServicesLog> {
  const requests: ServiceRequest[] = []
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://localhost')
      requests.push({
        method: request.method ?? 'GET',
        path: url.pathname,
        params: Object.fromEntries(url.searchParams),
        body: Buffer.concat(chunks).toString('utf8'),
      })
      response.writeHead(404, { 'content-type': 'application/json' })
      response.end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
