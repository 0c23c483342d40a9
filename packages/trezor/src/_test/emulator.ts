import {
  createTrezorEmulator,
  type TrezorEmulator,
  type TrezorModelName,
  testMnemonic,
} from '@airlock/emulator'
import fc from 'fast-check'
import { type Hex, toHex } from 'viem'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { maxTrezorLegacyChainId } from '../requests/buildSignTransactionRequest.js'

export { testMnemonic }

/**
 * One emulated Trezor (and its own real TrezorConnect) for a test file, reset between tests: user
 * approves, device plugged in and unlocked, logs cleared. TEST KEYS ONLY.
 */
export function useTrezorEmulator(model: TrezorModelName, options: { firmware?: string } = {}) {
  const state = {} as { emulator: TrezorEmulator }
  beforeAll(async () => {
    state.emulator = await createTrezorEmulator({ model, ...options })
  })
  afterEach(async () => {
    const { emulator } = state
    emulator.setUser('approve')
    emulator.unlock()
    await emulator.plug()
    emulator.clearLogs()
  })
  afterAll(async () => {
    await state.emulator?.dispose()
  })
  return state
}

/** Chain ids 1 to 2^53-1, weighted toward the edges the firmware and Connect care about. */
export function chainIdArbitrary(max: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: 1, max: 200 }),
    fc.integer({ min: 2147483629 - 2, max: 2147483629 + 2 }),
    fc.integer({ min: 1, max: Math.min(max, 2 ** 32) }),
    fc.integer({ min: 2 ** 32, max }),
    fc.constant(max),
  )
}

const address = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((bytes) => toHex(bytes))
const quantity = fc.bigInt({ min: 0n, max: 2n ** 128n })
/** Calldata up to 10 KB: Connect sends the first 1 KB and the device asks for the rest in chunks. */
const data = fc
  .oneof(fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ minLength: 1000, maxLength: 10 * 1024 }))
  .map((bytes) => toHex(bytes))
const recipient = fc.option(address, { nil: undefined, freq: 4 })

const base = {
  nonce: fc.integer({ min: 0, max: 2 ** 31 }),
  // Connect's @ethereumjs/tx caps the gas limit at 2^64-1 (see `buildSignTransactionRequest`).
  gas: fc.option(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), { nil: undefined }),
  value: fc.option(quantity, { nil: undefined }),
}

/** Legacy transactions Connect can carry: chain ids up to 2^52-18 (see `maxTrezorLegacyChainId`). */
export const legacyTransaction = fc
  .record({
    ...base,
    chainId: chainIdArbitrary(maxTrezorLegacyChainId),
    to: recipient,
    data: fc.option(data, { nil: undefined }),
    gasPrice: quantity,
  })
  .map((tx) => withInitCode({ ...tx, type: 'legacy' as const }))

export const eip1559Transaction = fc
  .record({
    ...base,
    chainId: chainIdArbitrary(Number.MAX_SAFE_INTEGER),
    to: recipient,
    data: fc.option(data, { nil: undefined }),
    maxFeePerGas: quantity,
    maxPriorityFeePerGas: quantity,
    accessList: fc.option(
      fc.array(
        fc.record({
          address,
          storageKeys: fc.array(
            fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => toHex(b)),
            { maxLength: 2 },
          ),
        }),
        { maxLength: 2 },
      ),
      { nil: undefined },
    ),
  })
  .map((tx) => {
    // The tip may not exceed the fee cap.
    const [tip, cap] = [tx.maxFeePerGas, tx.maxPriorityFeePerGas].sort((a, b) => (a < b ? -1 : 1))
    return withInitCode({
      ...tx,
      type: 'eip1559' as const,
      maxFeePerGas: cap!,
      maxPriorityFeePerGas: tip!,
    })
  })

/** The firmware refuses contract creation without init code. */
function withInitCode<tx extends { to?: Hex | undefined; data?: Hex | undefined }>(tx: tx): tx {
  return !tx.to && (!tx.data || tx.data === '0x') ? { ...tx, data: '0x6000' } : tx
}
