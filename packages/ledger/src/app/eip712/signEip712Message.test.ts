/**
 * Full EIP-712 against `@ledgerhq/hw-app-eth` 7.9's EIP-712 module: both drive a recording
 * transport and must send the same APDUs, byte for byte, with and without Ledger's filters. The
 * differences are deliberate and listed where they are allowed: hw-app-eth asks the app its version
 * (B0 01) where Airlock's driver already knows it, sends filtering activation with P1 01 where
 * `doc/ethapp.adoc` says 00, cuts long values short, and forgets the token of a Permit's
 * verifyingContract when its descriptors come from the load config.
 */

import { createHash } from 'node:crypto'
import { typedData as typedDataArbitrary } from '@airlock/fixtures/arbitraries'
import { permit, permitSingle } from '@airlock/fixtures/permit'
import type Transport from '@ledgerhq/hw-transport'
import fc from 'fast-check'
import { bytesToHex, type Hex, hexToBytes, stringToBytes, toHex } from 'viem'
import { beforeAll, describe, expect, test } from 'vitest'
import { importLedgerPackage } from '../../sdk/importLedgerPackage.js'
import { type HwTransport, loadHwTransport } from '../../sdk/loadHwTransport.js'
import { offlineLoadConfig } from '../../sdk/offlineLoadConfig.js'
import { createEthereumApp } from '../createEthereumApp.js'
import type { Eip712Filters } from './filters.js'
import { type Eip712TypedData, withDomainType } from './signEip712Message.js'

type Eip712Module = typeof import('@ledgerhq/hw-app-eth/lib-es/modules/EIP712/index')

let modules: HwTransport
let hwAppEth: Eip712Module

beforeAll(async () => {
  modules = await loadHwTransport()
  hwAppEth = (await importLedgerPackage(
    '@ledgerhq/hw-app-eth/lib/modules/EIP712/index',
    async () => undefined,
  )) as Eip712Module
})

const path = "44'/60'/0'/0/0"
const signature = new Uint8Array(65).map((_, i) => (i === 0 ? 0x1c : i))
const ok = [0x90, 0x00]

/** Answers like Ethereum app 1.22.0, records every APDU but B0 01. */
function recordingTransport(): { transport: Transport; apdus: Hex[] } {
  const apdus: Hex[] = []
  let slot = 0
  const appAndVersion = [1, 8, ...stringToBytes('Ethereum'), 6, ...stringToBytes('1.22.0'), 1, 0]
  const answer = (apdu: Uint8Array): number[] => {
    if (apdu[0] === 0xb0) return appAndVersion
    apdus.push(bytesToHex(apdu))
    if (apdu[1] === 0x0a) return [slot++]
    if (apdu[1] === 0x0c) return [...signature]
    return []
  }
  const inner = {
    deviceModel: undefined,
    async exchange(apdu: Buffer) {
      return modules.Buffer.from([...answer(apdu), ...ok])
    },
  } as unknown as Transport
  return { transport: new modules.CallTransport(inner, new AbortController().signal), apdus }
}

/** Ledger's message key: `chainId:verifyingContract:sha224(types sorted by name, as JSON)`. */
function messageKey(typedData: Eip712TypedData): string {
  const types = withDomainType(typedData)
  const sorted = Object.fromEntries(
    Object.keys(types)
      .sort()
      .map((name) => [name, types[name]!.map(({ name, type }) => ({ name, type }))]),
  )
  const schemaHash = `0x${createHash('sha224').update(JSON.stringify(sorted).replace(' ', '')).digest('hex')}`
  const { chainId, verifyingContract } = typedData.domain as {
    chainId: number
    verifyingContract: string
  }
  return `${chainId}:${verifyingContract.toLowerCase()}:${schemaHash.slice(2)}`
}

const toJson = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v)))

async function bothSign(
  typedData: Eip712TypedData,
  options: {
    filters?: Eip712Filters
    /** CAL's JSON entry for hw-app-eth, and its ERC-20 blobs by chain. */
    cal?: { entry: unknown; erc20: Record<number, string> }
  } = {},
) {
  const theirs = recordingTransport()
  const ours = recordingTransport()
  const message = toJson({ ...typedData, types: withDomainType(typedData) })
  const theirSignature = await hwAppEth.signEIP712Message(
    theirs.transport,
    path,
    message as never,
    false,
    {
      ...offlineLoadConfig,
      ...(options.cal && {
        staticEIP712SignaturesV2: { [messageKey(typedData)]: options.cal.entry },
        staticERC20Signatures: options.cal.erc20,
      }),
    },
  )
  const app = createEthereumApp(ours.transport, modules.Buffer)
  const ourSignature = await app.signEip712Message(path, typedData, options.filters)
  expect({ v: ourSignature.v, r: ourSignature.r.slice(2), s: ourSignature.s.slice(2) }).toEqual(
    theirSignature,
  )
  return { theirs: theirs.apdus, ours: ours.apdus }
}

/** A v2 token descriptor record (`length || payload`), the unit of CAL's ERC-20 blobs. */
function tokenRecord(ticker: string, address: Hex, decimals: number, chainId: number) {
  const payload = Uint8Array.from([
    ticker.length,
    ...stringToBytes(ticker),
    ...hexToBytes(address),
    ...u32(decimals),
    ...u32(chainId),
    ...[0x30, 0x44, ...new Uint8Array(68).fill(0xab)],
  ])
  return { payload, record: Uint8Array.from([...u32(payload.length), ...payload]) }
}

function u32(value: number): number[] {
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]
}

const usdc = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48' as const

const fakeSignature = (n: number): Hex => toHex(new Uint8Array(70).fill(n))

describe('the same APDUs as hw-app-eth 7.9', () => {
  test('typed data without filters: struct definitions, values, sign', async () => {
    await fc.assert(
      fc.asyncProperty(
        // hw-app-eth drops the last byte of values of 256, 511-512, … bytes (encoded), see
        // driver/prepareTypedData.ts; the arbitrary's values stay under 256.
        typedDataArbitrary,
        async (typedData) => {
          const { theirs, ours } = await bothSign(typedData as unknown as Eip712TypedData)
          expect(ours).toEqual(theirs)
        },
      ),
      { numRuns: 40 },
    )
  })

  const permit2 = permitSingle({
    chainId: 1,
    token: usdc,
    amount: 69_420_000n,
    expiration: 1_900_000_000,
    spender: '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD',
    sigDeadline: 1_800_000_000n,
  }) satisfies Eip712TypedData

  test('Permit2 PermitSingle with filters: activation, message info, token descriptor, filters', async () => {
    const usdcToken = tokenRecord('USDC', usdc, 6, 1)
    const fields = [
      {
        path: 'details.token',
        format: 'token',
        label: 'Amount allowance',
        signature: fakeSignature(1),
        tokenIndex: 0,
      },
      {
        path: 'details.amount',
        format: 'amount',
        label: 'Amount allowance',
        signature: fakeSignature(2),
        tokenIndex: 0,
      },
      {
        path: 'details.expiration',
        format: 'datetime',
        label: 'Approval expire',
        signature: fakeSignature(3),
      },
      { path: 'spender', format: 'raw', label: 'Approve to spender', signature: fakeSignature(4) },
    ] as const
    const filters: Eip712Filters = {
      messageInfo: { label: 'Permit2', signature: fakeSignature(5) },
      fields,
      tokens: new Map([[0, usdcToken.payload]]),
      discardEmptyArrays: true,
    }
    const entry = {
      contractName: { label: 'Permit2', signature: fakeSignature(5).slice(2) },
      fields: fields.map((f) => ({
        label: f.label,
        path: f.path,
        signature: f.signature.slice(2),
        format: f.format,
        ...(f.format === 'token' || f.format === 'amount' ? { coin_ref: f.tokenIndex } : {}),
      })),
    }
    const erc20 = { 1: Buffer.from(usdcToken.record).toString('base64') }
    const { theirs, ours } = await bothSign(permit2, { filters, cal: { entry, erc20 } })
    const activation = (apdus: Hex[]) =>
      apdus.findIndex((a) => a.startsWith('0xe01e') && a.slice(8, 10) === '00')
    expect(theirs[activation(theirs)]).toBe('0xe01e010000')
    expect(ours[activation(ours)]).toBe('0xe01e000000')
    expect(ours.filter((_, i) => i !== activation(ours))).toEqual(
      theirs.filter((_, i) => i !== activation(theirs)),
    )
    expect(ours.filter((a) => a.startsWith('0xe00a'))).toEqual([
      bytesToHex(
        Uint8Array.from([0xe0, 0x0a, 0, 0, usdcToken.payload.length, ...usdcToken.payload]),
      ),
    ])
  })
})

describe('what hw-app-eth gets wrong', () => {
  test('a 256-byte string reaches the app whole', async () => {
    const typedData = {
      domain: { name: 'x', chainId: 1 },
      types: { M: [{ name: 's', type: 'string' }] },
      primaryType: 'M',
      message: { s: 'a'.repeat(254) },
    } satisfies Eip712TypedData
    const { theirs, ours } = await bothSign(typedData)
    const values = (apdus: Hex[]) =>
      apdus.filter((a) => a.startsWith('0xe01c') && a.slice(8, 10) === 'ff')
    // 2 length bytes + 254 = 256 bytes: 255 then 1 (P1 01 then 00); hw-app-eth sends 255 and stops.
    expect(
      values(ours)
        .slice(2)
        .map((a) => hexToBytes(a).length - 5),
    ).toEqual([255, 1])
    expect(
      values(theirs)
        .slice(2)
        .map((a) => hexToBytes(a).length - 5),
    ).toEqual([255])
  })

  test("a Permit's verifyingContract token is sent before its amount filter", async () => {
    const token = tokenRecord('USDC', usdc, 6, 1)
    const typedData = permit({
      domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: usdc },
      owner: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
      spender: '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD',
      value: 10n ** 6n,
      deadline: 1_900_000_000n,
    }) satisfies Eip712TypedData
    const fields = [
      { path: 'spender', format: 'raw', label: 'Spender', signature: fakeSignature(1) },
      {
        path: 'value',
        format: 'amount',
        label: 'Amount',
        signature: fakeSignature(2),
        tokenIndex: 255,
      },
      {
        path: 'deadline',
        format: 'datetime',
        label: 'Approval expire',
        signature: fakeSignature(3),
      },
    ] as const
    const filters: Eip712Filters = {
      messageInfo: { label: 'USD Coin', signature: fakeSignature(4) },
      fields,
      tokens: new Map([[255, token.payload]]),
      discardEmptyArrays: true,
    }
    const entry = {
      contractName: { label: 'USD Coin', signature: fakeSignature(4).slice(2) },
      fields: fields.map((f) => ({
        label: f.label,
        path: f.path,
        signature: f.signature.slice(2),
        format: f.format,
        ...(f.format === 'amount' ? { coin_ref: 255 } : {}),
      })),
    }
    const { theirs, ours } = await bothSign(typedData, {
      filters,
      cal: { entry, erc20: { 1: Buffer.from(token.record).toString('base64') } },
    })
    const amountFilter = (apdus: Hex[]) => apdus.findIndex((a) => a.startsWith('0xe01e00fe'))
    expect(ours[amountFilter(ours) - 1]).toBe(
      bytesToHex(Uint8Array.from([0xe0, 0x0a, 0, 0, token.payload.length, ...token.payload])),
    )
    expect(theirs.some((a) => a.startsWith('0xe00a'))).toBe(false)
    const withoutToken = ours.filter((a) => !a.startsWith('0xe00a'))
    expect(withoutToken.filter((a) => !a.startsWith('0xe01e0000'))).toEqual(
      theirs.filter((a) => !a.startsWith('0xe01e0100')),
    )
  })
})
