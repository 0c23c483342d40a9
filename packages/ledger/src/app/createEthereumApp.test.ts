/**
 * `createEthereumApp` against `@ledgerhq/hw-app-eth` itself: both drive the same recording
 * transport, and every APDU they send must be the same, byte for byte, and so must what they read
 * from the answers. hw-app-eth 7.9 has no EIP-7702 command: that one is checked against the
 * emulator's reading of app-ethereum's format instead.
 */
import { createLedgerEmulator, testMnemonic } from '@airlock/emulator'
import { transaction as transactionArbitrary } from '@airlock/fixtures/arbitraries'
import type Eth from '@ledgerhq/hw-app-eth'
import type Transport from '@ledgerhq/hw-transport'
import fc from 'fast-check'
import { bytesToHex, getAddress, type Hex, serializeTransaction, toHex } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { recoverAuthorizationAddress } from 'viem/utils'
import { beforeAll, describe, expect, test } from 'vitest'
import { fromHwAppEthSignature } from '../sdk/hwAppEthFormats.js'
import { loadHwAppEth } from '../sdk/loadHwAppEth.js'
import { type HwTransport, loadHwTransport } from '../sdk/loadHwTransport.js'
import { createEthereumApp } from './createEthereumApp.js'
import { encodePath } from './encodePath.js'
import { chunkTransaction } from './signTransaction.js'

let modules: HwTransport
let createEth: (transport: Transport) => Eth

beforeAll(async () => {
  modules = await loadHwTransport()
  const hwAppEth = await loadHwAppEth()
  createEth = (transport) => hwAppEth.createEth(transport, { clearSigning: false })
})

const publicKey = new Uint8Array(65).map((_, i) => (i === 0 ? 4 : (i * 7) & 0xff))
const addressAscii = new TextEncoder().encode('f39Fd6e51aad88F6F4ce6aB8827279cffFb92266')
const chainCode = new Uint8Array(32).map((_, i) => 255 - i)
const signature = new Uint8Array(65).map((_, i) => (i === 0 ? 0x1b : i))
const ok = [0x90, 0x00]

/** Answers like the Ethereum app, by instruction, and records every APDU. */
function recordingTransport(): { transport: Transport; apdus: Hex[] } {
  const apdus: Hex[] = []
  const answer = (apdu: Uint8Array): number[] => {
    if (apdu[1] === 0x02)
      return [publicKey.length, ...publicKey, addressAscii.length, ...addressAscii, ...chainCode]
    if (apdu[1] === 0x06) return [0x01, 1, 12, 0]
    return [...signature]
  }
  const inner = {
    deviceModel: undefined,
    async exchange(apdu: Buffer) {
      apdus.push(bytesToHex(apdu))
      return modules.Buffer.from([...answer(apdu), ...ok])
    },
  } as unknown as Transport
  return { transport: new modules.CallTransport(inner, new AbortController().signal), apdus }
}

function both() {
  const theirs = recordingTransport()
  const ours = recordingTransport()
  return {
    eth: createEth(theirs.transport),
    app: createEthereumApp(ours.transport, modules.Buffer),
    theirs: theirs.apdus,
    ours: ours.apdus,
  }
}

const path = fc
  .array(fc.record({ index: fc.integer({ min: 0, max: 2 ** 31 - 1 }), hardened: fc.boolean() }), {
    minLength: 1,
    maxLength: 10,
  })
  .map((parts) => `m/${parts.map((p) => `${p.index}${p.hardened ? "'" : ''}`).join('/')}`)
const withoutM = (value: string) => value.slice(2)

describe('the same APDUs as hw-app-eth 7.9', () => {
  test('getAppConfiguration', async () => {
    const { eth, app, theirs, ours } = both()
    const expected = await eth.getAppConfiguration()
    expect(await app.getAppConfiguration()).toEqual({
      version: expected.version,
      blindSigning: expected.arbitraryDataEnabled === 1,
    })
    expect(ours).toEqual(theirs)
  })

  test('getAddress, with and without display, chain code and chain id', async () => {
    await fc.assert(
      fc.asyncProperty(
        path,
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { nil: undefined }),
        async (path, display, withChainCode, chainId) => {
          const { eth, app, theirs, ours } = both()
          const expected = await eth.getAddress(
            withoutM(path),
            display,
            withChainCode,
            chainId?.toString(),
          )
          const actual = await app.getAddress(path, { display, chainCode: withChainCode, chainId })
          expect(ours).toEqual(theirs)
          expect(actual).toEqual({
            publicKey: `0x${expected.publicKey}`,
            address: expected.address,
            chainCode: expected.chainCode === undefined ? undefined : `0x${expected.chainCode}`,
          })
        },
      ),
      { numRuns: 60 },
    )
  })

  test('signTransaction: every type, calldata up to 600 bytes', async () => {
    await fc.assert(
      fc.asyncProperty(path, transactionArbitrary, async (path, transaction) => {
        await expectSameTransactionApdus(path, serializeTransaction(transaction))
      }),
      { numRuns: 80 },
    )
  })

  test('signTransaction: legacy sizes across APDU boundaries (the trailing-fields rule)', async () => {
    for (let length = 180; length <= 800; length++) {
      const serialized = serializeTransaction({
        type: 'legacy',
        chainId: length % 3 === 0 ? 1 : 2 ** 32 + length,
        nonce: length,
        gasPrice: 1n,
        gas: 21_000n,
        to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
        data: toHex(new Uint8Array(length).fill(0xab)),
      })
      await expectSameTransactionApdus("m/44'/60'/0'/0/0", serialized)
    }
  })

  test('signPersonalMessage: lengths across the 150-byte APDUs', async () => {
    const lengths = [1, 2, 100, 128, 129, 130, 131, 150, 278, 279, 280, 281, 430, 431, 1000, 5000]
    for (const messagePath of ["m/44'/60'/0'/0/0", "m/44'/60'/0'"])
      for (const length of lengths) {
        const message = toHex(new Uint8Array(length).map((_, i) => i & 0xff))
        const { eth, app, theirs, ours } = both()
        const expected = await eth.signPersonalMessage(withoutM(messagePath), message.slice(2))
        const signature = await app.signPersonalMessage(messagePath, message)
        expect(ours).toEqual(theirs)
        expect(signature).toEqual({ v: expected.v, r: `0x${expected.r}`, s: `0x${expected.s}` })
      }
  })

  test('signPersonalMessage of an empty message: one APDU, path and length 0', async () => {
    const { app, ours } = both()
    await app.signPersonalMessage("m/44'/60'/0'/0/0", '0x')
    expect(ours).toEqual([
      bytesToHex(
        new Uint8Array([0xe0, 0x08, 0x00, 0x00, 25, ...encodePath("m/44'/60'/0'/0/0"), 0, 0, 0, 0]),
      ),
    ])
  })

  test('signEip712Hashed', async () => {
    const bytes32 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => toHex(b))
    await fc.assert(
      fc.asyncProperty(path, bytes32, bytes32, async (path, domain, message) => {
        const { eth, app, theirs, ours } = both()
        const expected = await eth.signEIP712HashedMessage(
          withoutM(path),
          domain.slice(2),
          message.slice(2),
        )
        const signature = await app.signEip712Hashed(path, domain, message)
        expect(ours).toEqual(theirs)
        expect(signature).toEqual({ v: expected.v, r: `0x${expected.r}`, s: `0x${expected.s}` })
      }),
      { numRuns: 30 },
    )
  })
})

describe('signAuthorization, which hw-app-eth 7.9 lacks: what the emulated app reads and signs', () => {
  test('any delegate, chain id and nonce, on any account', async () => {
    const emulator = createLedgerEmulator()
    const address = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => getAddress(toHex(b)))
    await fc.assert(
      fc.asyncProperty(
        fc.nat(20),
        fc.nat(20),
        address,
        fc.nat({ max: Number.MAX_SAFE_INTEGER }),
        fc.nat({ max: Number.MAX_SAFE_INTEGER }),
        async (account, index, delegate, chainId, nonce) => {
          emulator.setEip7702({ whitelist: [{ name: 'Delegate', address: delegate }] })
          const path = `m/44'/60'/${account}'/0/${index}`
          const app = createEthereumApp(emulator.transport, modules.Buffer)
          const { v, r, s } = await app.signAuthorization(path, {
            address: delegate,
            chainId,
            nonce,
          })
          const screens = emulator.reviews.at(-1)!.screens
          const screen = (title: string) => screens.find((s) => s.title === title)?.value
          expect(screen('Delegate address')).toBe(delegate)
          expect(screen('Nonce')).toBe(String(nonce))
          const signer = await recoverAuthorizationAddress({
            authorization: { address: delegate, chainId, nonce },
            signature: { r, s, yParity: v },
          })
          expect(signer).toBe(mnemonicToAccount(testMnemonic, { path: path as never }).address)
        },
      ),
      { numRuns: 25 },
    )
  })
})

test('a GET_PUBLIC_KEY answer shorter than its own lengths is an UnknownDeviceError', async () => {
  for (const answer of [[], [65, 4, 1, 2], [65, ...publicKey, 40, ...addressAscii]]) {
    const inner = {
      deviceModel: undefined,
      exchange: async () => modules.Buffer.from([...answer, ...ok]),
    } as unknown as Transport
    const transport = new modules.CallTransport(inner, new AbortController().signal)
    const app = createEthereumApp(transport, modules.Buffer)
    await expect(
      app.getAddress("m/44'/60'/0'/0/0", { display: false, chainCode: answer.length > 100 }),
    ).rejects.toThrowError(expect.objectContaining({ name: 'UnknownDeviceError' }))
  }
})

test('a GET_APP_CONFIGURATION answer without a version is an UnknownDeviceError', async () => {
  const inner = {
    deviceModel: undefined,
    exchange: async () => modules.Buffer.from([0x01, 1, ...ok]),
  } as unknown as Transport
  const app = createEthereumApp(
    new modules.CallTransport(inner, new AbortController().signal),
    modules.Buffer,
  )
  await expect(app.getAppConfiguration()).rejects.toThrowError(
    expect.objectContaining({ name: 'UnknownDeviceError' }),
  )
})

test('chunkTransaction never leaves a legacy transaction’s trailing fields alone in the last APDU', () => {
  const path = encodePath("m/44'/60'/0'/0/0")
  for (let length = 180; length <= 800; length++) {
    const serialized = serializeTransaction({
      type: 'legacy',
      chainId: 1,
      nonce: 0,
      gasPrice: 1n,
      gas: 21_000n,
      data: toHex(new Uint8Array(length)),
    })
    const chunks = chunkTransaction(path, Uint8Array.from(Buffer.from(serialized.slice(2), 'hex')))
    // chainId 1, then two empty fields: `01 80 80`.
    expect(chunks.at(-1)!.length).toBeGreaterThan(3)
    expect(chunks.every((chunk) => chunk.length <= 255)).toBe(true)
  }
})

async function expectSameTransactionApdus(path: string, serialized: Hex) {
  const { eth, app, theirs, ours } = both()
  const expected = await eth.signTransaction(withoutM(path), serialized.slice(2), null)
  const signature = await app.signTransaction(path, serialized)
  expect(ours).toEqual(theirs)
  expect(signature).toEqual(fromHwAppEthSignature(expected))
}
