// Test helpers only (Node): not exported from the package entry.
import http from 'node:http'
import https from 'node:https'
import Eth from '@ledgerhq/hw-app-eth'
import { Buffer } from 'buffer'
import { vi } from 'vitest'
import type { LedgerEmulator } from '../createLedgerEmulator.js'

/** Makes any HTTP(S) or fetch call from hw-app-eth fail the test instead of reaching the network. */
export function denyNetwork(): void {
  const deny = () => {
    throw new Error('Network access in a test')
  }
  vi.spyOn(http, 'request').mockImplementation(deny)
  vi.spyOn(https, 'request').mockImplementation(deny)
  vi.spyOn(globalThis, 'fetch').mockImplementation(deny)
}

/** hw-app-eth with every Ledger service URL off, so nothing can be resolved over the network. */
export function createEth(emulator: LedgerEmulator): Eth {
  return new Eth(emulator.transport, 'w0w', {
    nftExplorerBaseURL: null,
    pluginBaseURL: null,
    extraPlugins: null,
    cryptoassetsBaseURL: null,
    calServiceURL: null,
  })
}

/** BIP-32 path bytes as the app reads them. */
export function pathBytes(path: string): Buffer {
  const indexes = path
    .split('/')
    .filter((part) => part !== 'm')
    .map((part) => (part.endsWith("'") ? Number(part.slice(0, -1)) + 0x80000000 : Number(part)))
  const out = Buffer.alloc(1 + 4 * indexes.length)
  out[0] = indexes.length
  for (const [i, index] of indexes.entries()) out.writeUInt32BE(index, 1 + 4 * i)
  return out
}

/** Streams `path || payload` with E0 04 in 255-byte chunks (for types hw-app-eth cannot parse). */
export async function sendTransaction(emulator: LedgerEmulator, path: string, payload: Buffer) {
  const all = Buffer.concat([pathBytes(path), payload])
  let response: Buffer = Buffer.alloc(0)
  for (let offset = 0; offset < all.length; offset += 255) {
    const p1 = offset === 0 ? 0x00 : 0x80
    response = await emulator.transport.send(
      0xe0,
      0x04,
      p1,
      0x00,
      all.subarray(offset, offset + 255),
    )
  }
  return response
}

/** SIGN EIP 7702 AUTHORIZATION as app-ethereum's client sends it: `path || length (2) || TLV`. */
export async function signAuthorization(
  emulator: LedgerEmulator,
  path: string,
  auth: { readonly address: string; readonly chainId: number; readonly nonce: number },
) {
  const int = (value: number) => {
    const hex = value.toString(16)
    return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex')
  }
  const tlv = (tag: number, value: Buffer) =>
    Buffer.concat([Buffer.from([tag, value.length]), value])
  const body = Buffer.concat([
    tlv(0x00, Buffer.from([1])),
    tlv(0x01, Buffer.from(auth.address.slice(2), 'hex')),
    tlv(0x02, int(auth.chainId)),
    tlv(0x03, int(auth.nonce)),
  ])
  const length = Buffer.alloc(2)
  length.writeUInt16BE(body.length)
  const payload = Buffer.concat([pathBytes(path), length, body])
  return emulator.transport.send(0xe0, 0x34, 0x01, 0x00, payload)
}
