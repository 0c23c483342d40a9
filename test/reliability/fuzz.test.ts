/**
 * Bad input, fuzzed: every case ends in a typed error before any byte reaches the device (both
 * emulators' exchange logs stay empty), and nothing crashes or hangs.
 */
import {
  type HardwareAccount,
  type HardwareSigner,
  InvalidPathError,
  InvalidRequestError,
  toHardwareAccount,
  UnsupportedByDeviceError,
} from '@airlock/core'
import {
  createLedgerEmulator,
  createTrezorEmulator,
  type LedgerEmulator,
  type TrezorEmulator,
} from '@airlock/emulator'
import { transaction as transactionArbitrary, typedData } from '@airlock/fixtures/arbitraries'
import { createLedgerSigner } from '@airlock/ledger'
import { createTrezorSigner } from '@airlock/trezor'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { path } from './fixtures.js'

type Device = {
  name: string
  emulator: LedgerEmulator | TrezorEmulator
  signer: HardwareSigner
  account: HardwareAccount
}
const devices: Device[] = []
const numRuns = 150

beforeAll(async () => {
  const ledger = createLedgerEmulator({ blindSigning: true, eip7702: true })
  const ledgerSigner = createLedgerSigner({ transport: ledger.transport })
  const trezor = await createTrezorEmulator()
  const trezorSigner = createTrezorSigner({ connect: trezor.connect })
  devices.push(
    {
      name: 'ledger',
      emulator: ledger,
      signer: ledgerSigner,
      account: await toHardwareAccount(ledgerSigner, { path }),
    },
    {
      name: 'trezor',
      emulator: trezor,
      signer: trezorSigner,
      account: await toHardwareAccount(trezorSigner, { path }),
    },
  )
  for (const { emulator } of devices) emulator.clearLogs()
}, 30_000)

afterAll(async () => {
  for (const { emulator } of devices) await emulator.dispose()
})

const typedErrors = [InvalidRequestError, InvalidPathError, UnsupportedByDeviceError]

/** Runs `call` on each device: a typed request error, and not one exchange with the device. */
async function refusedBeforeTheDevice(
  call: (device: Device) => Promise<unknown>,
  allowed: readonly (abstract new (...args: never[]) => Error)[] = typedErrors,
) {
  for (const device of devices) {
    device.emulator.clearLogs()
    let error: unknown
    try {
      await call(device)
    } catch (caught) {
      error = caught
    }
    expect(error, `${device.name}: refused`).toBeDefined()
    if (!allowed.some((type) => error instanceof type)) throw error
    expect(device.emulator.exchanges, `${device.name}: nothing reached the device`).toEqual([])
  }
}

const notAString = fc.oneof(
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.object(),
  fc.bigInt(),
)
const level = fc.tuple(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom('', "'", 'h'))
const goodLevels = fc.array(
  level.map(([i, h]) => `${i}${h}`),
  { minLength: 1, maxLength: 5 },
)
const badLevel = fc.oneof(
  fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }).map(String),
  fc.integer({ min: 2 ** 31, max: 2 ** 40 }).map((i) => `${i}'`),
  fc.integer({ min: -1000, max: -1 }).map(String),
  fc.constantFrom(
    '',
    ' ',
    'x',
    "1''",
    "'1",
    '1.5',
    '0x10',
    '1e3',
    '١',
    '1 ',
    '+1',
    '99999999999999999999',
  ),
  fc.string({ maxLength: 4 }).filter((s) => !/^\d+['hH]?$/.test(s)),
)

/** Paths with one broken level, too deep, empty, or not a path at all. */
const badPath = fc.oneof(
  fc.tuple(goodLevels, badLevel, fc.nat()).map(([levels, bad, at]) => {
    const copy = [...levels]
    copy.splice(at % (copy.length + 1), 0, bad)
    return `m/${copy.join('/')}`
  }),
  fc.array(fc.constant("0'"), { minLength: 11, maxLength: 40 }).map((l) => `m/${l.join('/')}`),
  fc.constantFrom('', 'm', 'm/', '/', '//', "m//44'", "m/44'/", 'n/44', "M/44'/60'"),
  notAString,
  fc.array(
    fc.oneof(
      fc.integer({ min: -(2 ** 40), max: -1 }),
      fc.integer({ min: 2 ** 32, max: Number.MAX_SAFE_INTEGER }),
      fc.double(),
    ),
    {
      minLength: 1,
      maxLength: 5,
    },
  ),
  fc.constant([]),
  fc.array(fc.nat(), { minLength: 11, maxLength: 20 }),
)

describe('paths', () => {
  test('bad paths: InvalidPathError from every entry point, nothing sent', async () => {
    await fc.assert(
      fc.asyncProperty(badPath, async (bad) => {
        await refusedBeforeTheDevice(
          ({ signer }) => signer.getAddress({ path: bad as never }),
          [InvalidPathError],
        )
        // `path: undefined` reads as "no path": the scheme is missing (InvalidRequestError).
        await refusedBeforeTheDevice(
          ({ signer }) => toHardwareAccount(signer, { path: bad as never }),
          bad === undefined ? [InvalidRequestError] : [InvalidPathError],
        )
        await refusedBeforeTheDevice(
          ({ signer }) => signer.signMessage({ path: bad as never, message: '0x01' }),
          [InvalidPathError],
        )
      }),
      { numRuns },
    )
  })

  test('bad account indexes and schemes', async () => {
    const badIndex = fc.oneof(
      fc.integer({ min: -(2 ** 40), max: -1 }),
      fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }),
      fc.double().filter((d) => !Number.isInteger(d)),
      fc.oneof(fc.constant(null), fc.boolean(), fc.object(), fc.bigInt(), fc.string()),
    )
    await fc.assert(
      fc.asyncProperty(
        badIndex,
        fc.constantFrom('ledgerLive', 'bip44', 'legacy'),
        async (index, scheme) => {
          await refusedBeforeTheDevice(({ signer }) =>
            toHardwareAccount(signer, { index: index as never, scheme }),
          )
        },
      ),
      { numRuns },
    )
    await refusedBeforeTheDevice(({ signer }) =>
      toHardwareAccount(signer, { index: 0, scheme: 'electrum' as never }),
    )
  })
})

const oneOfFields = <field extends string>(fields: readonly field[]) => fc.constantFrom(...fields)
const badQuantity = fc.oneof(
  fc.bigInt({ min: -(2n ** 300n), max: -1n }),
  fc.bigInt({ min: 2n ** 256n, max: 2n ** 300n }),
  fc.integer({ min: -(2 ** 40), max: -1 }),
  fc.double().filter((d) => !Number.isSafeInteger(d)),
  fc.string(),
  fc.constant(null),
  fc.boolean(),
  fc.object(),
)
const badChainId = fc.oneof(
  fc.constant(undefined),
  fc.constant(0),
  fc.integer({ min: -(2 ** 40), max: -1 }),
  fc.double().filter((d) => !Number.isInteger(d)),
  fc.string(),
  fc.bigInt({ min: 1n, max: 2n ** 64n }),
  fc.constant(null),
)
const badType = fc.oneof(
  fc.constantFrom('eip4844', 'blob', '0x3', '0x2', 'EIP1559', '', 'eip7702 ', 'deposit'),
  fc.string().filter((s) => !['legacy', 'eip2930', 'eip1559', 'eip7702'].includes(s)),
  fc.integer(),
)
const badHex = fc.oneof(
  fc.string().filter((s) => !/^0x[0-9a-fA-F]*$/.test(s)),
  fc.constantFrom('0xzz', '0x 01', 'deadbeef', '0X01'),
  fc.integer(),
)
/** Above 128 KiB, the largest transaction nodes accept (go-ethereum's txMaxSize). */
const oversizedData = fc
  .integer({ min: 128 * 1024 + 1, max: 256 * 1024 })
  .map((n) => `0x${'00'.repeat(n)}`)

const badTransaction = fc.oneof(
  fc
    .tuple(
      transactionArbitrary,
      oneOfFields(['value', 'gas', 'gasPrice', 'maxFeePerGas', 'maxPriorityFeePerGas', 'nonce']),
      badQuantity,
    )
    .map(([tx, field, value]) => ({ ...tx, [field]: value })),
  fc.tuple(transactionArbitrary, badChainId).map(([tx, chainId]) => ({ ...tx, chainId })),
  fc.tuple(transactionArbitrary, badType).map(([tx, type]) => ({ ...tx, type })),
  fc
    .tuple(
      transactionArbitrary,
      fc.constantFrom(
        { blobs: [`0x${'00'.repeat(32)}`] },
        { maxFeePerBlobGas: 1n },
        { blobVersionedHashes: [`0x01${'00'.repeat(31)}`] },
        { sidecars: [] },
      ),
    )
    .map(([tx, blob]) => ({ ...tx, ...blob })),
  fc.tuple(transactionArbitrary, badHex).map(([tx, data]) => ({ ...tx, data })),
  // viem pads odd-length hex: `0xabc` would be signed as `0x0abc`.
  fc
    .tuple(
      transactionArbitrary,
      fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 1, maxLength: 99 }),
    )
    .filter(([, digits]) => digits.length % 2 === 1)
    .map(([tx, digits]) => ({ ...tx, data: `0x${digits}` })),
  fc.tuple(transactionArbitrary, badHex).map(([tx, to]) => ({ ...tx, to })),
  fc.tuple(transactionArbitrary, oversizedData).map(([tx, data]) => ({ ...tx, data })),
  fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.constant([])),
)

describe('transactions', () => {
  test('negative, above 2^256, wrong types, no chain id, unknown or blob types, bad hex, oversized calldata', async () => {
    await fc.assert(
      fc.asyncProperty(badTransaction, async (transaction) => {
        await refusedBeforeTheDevice(({ account }) => account.signTransaction(transaction as never))
      }),
      { numRuns },
    )
  })
})

const withValue = (path: readonly (string | number)[], value: unknown) =>
  typedData.map((data) => {
    const copy = structuredClone(data) as Record<string, unknown>
    let target = copy
    for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>
    target[path.at(-1)!] = value
    return copy
  })

// Decimal and hex strings are valid integers: JSON typed data (eth_signTypedData_v4) carries
// uint256 values that way.
const notAnInteger = fc.string().filter((s) => !/^(-?\d+|0x[0-9a-fA-F]+)$/.test(s))

const badTypedData = fc.oneof(
  // Values of the wrong type.
  fc
    .oneof(
      notAnInteger,
      fc.bigInt({ min: -(2n ** 300n), max: -1n }),
      fc.bigInt({ min: 2n ** 256n, max: 2n ** 260n }),
      fc.constant(null),
      fc.object(),
    )
    .chain((v) => withValue(['message', 'amount'], v)),
  fc
    .oneof(
      fc.string().filter((s) => !/^0x[0-9a-fA-F]{40}$/.test(s)),
      fc.integer(),
      fc.constant(null),
    )
    .chain((v) => withValue(['message', 'from', 'wallet'], v)),
  fc
    .oneof(fc.string(), fc.integer(), fc.constant(null), fc.object())
    .chain((v) => withValue(['message', 'flag'], v)),
  fc
    .oneof(fc.constant('0x12'), fc.string(), fc.integer(), fc.constant(null))
    .chain((v) => withValue(['message', 'digest'], v)),
  fc
    .oneof(fc.constant(5), fc.string({ minLength: 1 }), fc.object())
    .chain((v) => withValue(['message', 'tags'], v)),
  fc
    .oneof(fc.integer(), fc.object(), fc.constant(null), fc.boolean())
    .chain((v) => withValue(['message', 'contents'], v)),
  fc
    .oneof(
      badHex.filter((v) => v !== ''),
      fc.constant(null),
    )
    .chain((v) => withValue(['message', 'blob'], v)),
  fc
    .oneof(
      fc.integer({ min: -1000, max: 1000 }).filter((i) => i < 0 || i > 255),
      notAnInteger,
    )
    .chain((v) => withValue(['message', 'small'], v)),
  fc.constant(undefined).chain((v) => withValue(['message', 'from'], v)),
  // Bad domains.
  fc
    .oneof(
      fc.integer({ max: -1, min: -(2 ** 40) }),
      fc.string().filter((s) => !/^\d+$/.test(s)),
      fc.constant(2n ** 256n),
      fc.constant(null),
    )
    .chain((v) => withValue(['domain', 'chainId'], v)),
  fc
    .oneof(
      fc.string().filter((s) => !/^0x[0-9a-fA-F]{40}$/.test(s)),
      fc.integer(),
    )
    .chain((v) => withValue(['domain', 'verifyingContract'], v)),
  fc.oneof(fc.integer(), fc.object(), fc.boolean()).chain((v) => withValue(['domain', 'name'], v)),
  fc
    .string({ minLength: 1 })
    .filter((k) => !['name', 'version', 'chainId', 'verifyingContract', 'salt'].includes(k))
    .chain((key) => withValue(['domain', key], 'unsigned')),
  fc.oneof(fc.string(), fc.integer(), fc.constant([])).chain((v) => withValue(['domain'], v)),
  // Missing or cyclic types.
  fc.constant(undefined).chain((v) => withValue(['types'], v)),
  fc.constant(undefined).chain((v) => withValue(['types', 'Person'], v)),
  fc
    .constantFrom(undefined, '', 'Nope', 'EIP712Domain ')
    .chain((v) => withValue(['primaryType'], v)),
  fc.constant(undefined).chain((v) => withValue(['message'], v)),
  fc
    .constant([
      { name: 'name', type: 'string' },
      { name: 'wallet', type: 'address' },
      { name: 'boss', type: 'Person' },
    ])
    .chain((v) => withValue(['types', 'Person'], v)),
  fc
    .constant([
      { name: 'name', type: 'Mail[]' },
      { name: 'wallet', type: 'address' },
    ])
    .chain((v) => withValue(['types', 'Person'], v)),
  fc
    .constantFrom('uint257', 'int0', 'bytes33', 'bytes0', 'address[', 'string[x]', 'Unknown', '')
    .chain((type) => withValue(['types', 'Mail', 0], { name: 'from', type })),
  fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.constant([])),
)

describe('typed data', () => {
  test('missing or cyclic types, values of the wrong type, bad domains', async () => {
    await fc.assert(
      fc.asyncProperty(badTypedData, async (data) => {
        await refusedBeforeTheDevice(({ account }) => account.signTypedData(data as never))
      }),
      { numRuns },
    )
  })
})

const badMessage = fc.oneof(
  badHex.map((raw) => ({ raw })),
  fc.constantFrom('0x1', '0xabc').map((raw) => ({ raw })),
  fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.integer(),
    fc.object(),
    fc.constant({ raw: null }),
  ),
  /** Above 64 KiB: no device shows it, and Ledger's app needs minutes to stream it. */
  fc.integer({ min: 64 * 1024 + 1, max: 256 * 1024 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 64 * 1024 + 1, max: 256 * 1024 }).map((n) => ({ raw: new Uint8Array(n) })),
)

describe('messages', () => {
  test('invalid hex, not a message, huge', async () => {
    await fc.assert(
      fc.asyncProperty(badMessage, async (message) => {
        await refusedBeforeTheDevice(({ account }) =>
          account.signMessage({ message: message as never }),
        )
      }),
      { numRuns },
    )
  })
})
