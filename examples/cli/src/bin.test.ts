import { execFile } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import {
  type Hex,
  parseTransaction,
  recoverTransactionAddress,
  verifyMessage,
  verifyTypedData,
} from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const exec = promisify(execFile)
const cwd = fileURLToPath(new URL('..', import.meta.url))
const first = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'
const second = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

/** Runs `airlock` from source (the `source` condition), as a user would run the command. */
async function airlock(...args: string[]) {
  return exec('pnpm', ['exec', 'tsx', '--conditions=source', 'src/bin.ts', ...args], {
    cwd,
    timeout: 60_000,
  }).catch((error: { code: number; stdout: string; stderr: string }) => error)
}

// A JSON-RPC node on loopback that records the raw transactions sent to it.
const sent: Hex[] = []
let rpc = ''
const server = createServer((request, response) => {
  let body = ''
  request.on('data', (chunk) => {
    body += chunk
  })
  request.on('end', () => {
    const { id, method, params } = JSON.parse(body)
    const hash = `0x${'ab'.repeat(32)}`
    const results: Record<string, unknown> = {
      eth_chainId: '0x7a69',
      eth_getTransactionCount: '0x3',
      eth_estimateGas: '0x5208',
      eth_maxPriorityFeePerGas: '0x3b9aca00',
      eth_getBlockByNumber: { number: '0x10', baseFeePerGas: '0x3b9aca00', hash, timestamp: '0x1' },
      eth_blockNumber: '0x11',
      eth_getTransactionReceipt: {
        transactionHash: hash,
        blockNumber: '0x11',
        blockHash: hash,
        status: '0x1',
        logs: [],
        cumulativeGasUsed: '0x5208',
        gasUsed: '0x5208',
        effectiveGasPrice: '0x3b9aca00',
        from: first,
        to: second,
        transactionIndex: '0x0',
        type: '0x2',
        logsBloom: `0x${'00'.repeat(256)}`,
      },
    }
    if (method === 'eth_sendRawTransaction') {
      sent.push(params[0])
      results.eth_sendRawTransaction = hash
    }
    response.setHeader('content-type', 'application/json')
    response.end(
      JSON.stringify(
        method in results
          ? { jsonrpc: '2.0', id, result: results[method] }
          : { jsonrpc: '2.0', id, error: { code: -32601, message: `no ${method}` } },
      ),
    )
  })
})

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  rpc = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('airlock CLI against the emulators', () => {
  test('addresses lists a page', async () => {
    const { stdout } = await airlock('addresses', '--emulator', '--count', '2', '--json')
    expect(JSON.parse(stdout).map((a: { address: string }) => a.address)).toEqual([first, second])
  })

  test('show-address confirms on the device', async () => {
    const { stdout, stderr } = await airlock('show-address', '--emulator', '--index', '1', '--json')
    expect(JSON.parse(stdout)).toEqual({
      path: "m/44'/60'/0'/0/1",
      address: second,
      confirmed: true,
    })
    expect(stderr).toContain('Confirm on your device…')
  })

  test.each(['--ledger', '--trezor'])(
    'sign-message and sign-typed-data %s',
    async (device) => {
      const message = await airlock('sign-message', 'hello airlock', device, '--emulator', '--json')
      const { signature } = JSON.parse(message.stdout)
      expect(await verifyMessage({ address: first, message: 'hello airlock', signature })).toBe(
        true,
      )

      const typedData = {
        domain: { name: 'Airlock', version: '1', chainId: 1 },
        types: { Note: [{ name: 'text', type: 'string' }] },
        primaryType: 'Note',
        message: { text: 'signed from the command line' },
      } as const
      const signed = await airlock(
        'sign-typed-data',
        JSON.stringify(typedData),
        device,
        '--emulator',
        '--json',
      )
      expect(
        await verifyTypedData({
          address: first,
          ...typedData,
          signature: JSON.parse(signed.stdout).signature,
        }),
      ).toBe(true)
    },
    90_000,
  )

  test('sign-tx without --rpc signs for --chain-id', async () => {
    const { stdout } = await airlock(
      'sign-tx',
      '--emulator',
      '--to',
      second,
      '--value',
      '0.5',
      '--chain-id',
      '10',
      '--json',
    )
    const { serializedTransaction } = JSON.parse(stdout)
    expect(parseTransaction(serializedTransaction)).toMatchObject({
      chainId: 10,
      to: second.toLowerCase(),
    })
    expect(await recoverTransactionAddress({ serializedTransaction })).toBe(first)
  })

  test('send fills nonce and fees from --rpc and sends the raw transaction', async () => {
    const { stdout } = await airlock(
      'send',
      '--emulator',
      '--to',
      second,
      '--value',
      '1',
      '--rpc',
      rpc,
      '--json',
    )
    expect(JSON.parse(stdout)).toMatchObject({ from: first, status: 'success' })
    expect(sent).toHaveLength(1)
    expect(parseTransaction(sent[0]!)).toMatchObject({
      chainId: 31337,
      nonce: 3,
      value: 10n ** 18n,
    })
    expect(await recoverTransactionAddress({ serializedTransaction: sent[0] as never })).toBe(first)
  })

  test('bad arguments end with a clear message and exit code 2', async () => {
    const bad = await airlock('sign-tx', '--emulator')
    expect(bad).toMatchObject({ code: 2 })
    expect((bad as { stderr: string }).stderr).toContain('sign-tx needs --to <address>.')
    const unknown = await airlock('frobnicate')
    expect((unknown as { stderr: string }).stderr).toContain('Unknown command "frobnicate"')
  })
})
