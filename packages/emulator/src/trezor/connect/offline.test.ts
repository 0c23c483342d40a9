import http from 'node:http'
import https from 'node:https'
import { afterAll, expect, test, vi } from 'vitest'
import { createTrezorEmulator } from '../createTrezorEmulator.js'

const globalFetch = vi.fn(async () => new Response(null, { status: 404 }))
vi.stubGlobal('fetch', globalFetch)
const httpRequest = vi.spyOn(http, 'request')
const httpsRequest = vi.spyOn(https, 'request')
afterAll(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

test('no request leaves the process: Connect is answered 404 in process', async () => {
  const emulator = await createTrezorEmulator()
  try {
    // Unknown network (slip44 from a non-standard path): Connect fetches Ethereum definitions.
    const message = await emulator.connect.ethereumSignMessage({
      path: "m/45'/60/2/1/1",
      message: 'x',
    })
    // Non-mainnet transaction with data: network and token definitions.
    const transaction = await emulator.connect.ethereumSignTransaction({
      path: "m/44'/60'/0'/0/0",
      transaction: {
        to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
        value: '0x0',
        gasLimit: '0x5208',
        gasPrice: '0x1',
        nonce: '0x0',
        chainId: 8453,
        data: '0xa9059cbb',
      },
    })
    expect(message.success && transaction.success).toBe(true)
    expect(globalFetch).not.toHaveBeenCalled()
    expect(httpRequest).not.toHaveBeenCalled()
    expect(httpsRequest).not.toHaveBeenCalled()
    // The release list, the release Connect 9.7.3 does not bundle (2.12.4, asked again on each
    // revision check), and the Ethereum definitions.
    expect([...new Set(emulator.blockedRequests)].sort()).toEqual([
      'https://data.trezor.io/firmware/config/releases.v1.json',
      'https://data.trezor.io/firmware/eth-definitions/chain-id/8453/network.dat',
      'https://data.trezor.io/firmware/eth-definitions/chain-id/8453/token-70997970c51812dc3a010c7d01b50e0d17dc79c8.dat',
      'https://data.trezor.io/firmware/eth-definitions/slip44/60/network.dat',
      'https://data.trezor.io/firmware/t3t1/universal/t3t1-2.12.4-universal.json',
    ])
  } finally {
    await emulator.dispose()
  }
})
