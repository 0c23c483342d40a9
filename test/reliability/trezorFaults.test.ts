/**
 * The fault matrix on the Trezor emulator, behind the real Trezor Connect, every fault at every
 * step. Connect waits ~2.5 s before it uses a re-plugged device, so cells run concurrently on a pool
 * of emulators. `close-app` is a no-op on a Trezor (there is no app to close):
 * the call signs. `lock` asks for the PIN mid-flow; the user cancels it. EIP-2930, EIP-7702 and
 * authorizations are refused before the device (`UnsupportedByDeviceError`), so they have no cells.
 */
import { toHardwareAccount } from '@airlock/core'
import { createTrezorEmulator, type TrezorEmulator } from '@airlock/emulator'
import { createTrezorSigner } from '@airlock/trezor'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  type CellResult,
  cellText,
  everyStep,
  exchangeRow,
  type FaultRow,
  formatMatrix,
  indexes,
  type Profile,
  pool,
  type Rig,
  rejectionRow,
  runCell,
  signatureRows,
} from './faultMatrix.js'
import { operations, path } from './fixtures.js'

const unsupported = new Set(['tx:eip2930', 'tx:eip7702', 'authorization'])
const supported = operations.filter((operation) => !unsupported.has(operation.name))

const emulators: TrezorEmulator[] = []
const idle: TrezorEmulator[] = []
const waiting: ((emulator: TrezorEmulator) => void)[] = []

/** Runs `fn` on a fresh signer and account over an idle emulator of the pool. */
async function withRig<result>(
  timeout: number,
  fn: (rig: Rig<TrezorEmulator>) => Promise<result>,
): Promise<result> {
  const emulator = idle.pop() ?? (await new Promise<TrezorEmulator>((r) => waiting.push(r)))
  try {
    const signer = createTrezorSigner({ connect: emulator.connect, timeout })
    const account = await toHardwareAccount(signer, { path })
    emulator.clearLogs()
    return await fn({ emulator, account })
  } finally {
    const next = waiting.shift()
    if (next) next(emulator)
    else idle.push(emulator)
  }
}

// Connect's own messages, which the emulator does not count as steps of an operation.
const connectOwn = new Set(['Initialize', 'GetFeatures', 'GetAddress'])
const isRequest = (type: string) => type.startsWith('Ethereum') && !type.endsWith('Ack')

/** Each step's message type, as the emulator counts them (an Ethereum request starts again at 0). */
function stepKinds(emulator: TrezorEmulator): string[] {
  const kinds: string[] = []
  let index = -1
  for (const { request } of emulator.exchanges) {
    const type = request.split(' ')[0] ?? ''
    if (connectOwn.has(type)) continue
    index = isRequest(type) ? 0 : index + 1
    kinds[index] ??= type
  }
  return kinds
}

const profiles = new Map<string, Profile>()

const rows: FaultRow<TrezorEmulator>[] = [
  ...signatureRows(),
  exchangeRow('unplug', 'unplug', 'DeviceDisconnectedError', { repair: (e) => e.plug() }),
  // Connect keeps waiting for the silent device after `cancel()`: reconnect it.
  exchangeRow('no answer', 'no-answer', 'DeviceTimeoutError', {
    repair: async (e) => {
      await e.unplug()
      await e.plug()
    },
    timeout: 1_500,
  }),
  exchangeRow('busy', 'busy', 'DeviceBusyError'),
  {
    name: 'lock (PIN cancelled)',
    steps: everyStep,
    arm: (emulator, step) => {
      emulator.setUser((screen) => (screen.title === 'Enter PIN' ? 'reject' : 'approve'))
      emulator.injectFault({ type: 'lock', atExchange: step })
    },
    expected: () => 'DeviceLockedError',
    repair: (emulator) => {
      emulator.unlock()
      emulator.setUser('approve')
    },
  },
  exchangeRow('lock (PIN entered)', 'lock', 'signed'),
  exchangeRow('close app (no-op)', 'close-app', 'signed'),
  rejectionRow(),
]

const matrix = new Map<string, Map<string, string>>()

beforeAll(async () => {
  for (let i = 0; i < 6; i++) emulators.push(await createTrezorEmulator())
  idle.push(...emulators)
  for (const operation of supported)
    await withRig(30_000, async ({ emulator, account }) => {
      await operation.run(account)
      const stepsOf = stepKinds(emulator)
      profiles.set(operation.name, {
        steps: indexes(stepsOf.length),
        screens: emulator.reviews.reduce((sum, review) => sum + review.screens.length, 0),
      })
    })
}, 60_000)

afterAll(async () => {
  await Promise.all(emulators.map((emulator) => emulator.dispose()))
  const columns = operations.map((operation) => operation.name)
  const steps = new Map([
    [
      'steps/screens',
      new Map([...profiles].map(([name, p]) => [name, `${p.steps.length}/${p.screens}`])),
    ],
  ])
  console.log(formatMatrix('Trezor fault matrix', columns, new Map([...steps, ...matrix])))
})

describe('Trezor: every fault at every (distinct) step of every operation', () => {
  test('refused before the device: EIP-2930, EIP-7702 and authorizations', async () => {
    await withRig(30_000, async ({ emulator, account }) => {
      for (const operation of operations.filter((o) => unsupported.has(o.name))) {
        await expect(operation.run(account)).rejects.toThrowError(
          expect.objectContaining({ name: 'UnsupportedByDeviceError' }),
        )
      }
      expect(emulator.exchanges).toEqual([])
    })
  })

  test.each(rows)(
    '$name',
    async (row) => {
      const cells = supported.flatMap((operation) =>
        row.steps(profiles.get(operation.name)!, operation).map((step) => ({ operation, step })),
      )
      const results = await pool(cells, emulators.length, ({ operation, step }) =>
        withRig(row.timeout ?? 30_000, (rig) => runCell(rig, row, operation, step)),
      )
      const byOperation = new Map<string, CellResult[]>()
      for (const result of results)
        byOperation.set(result.operation, [...(byOperation.get(result.operation) ?? []), result])
      matrix.set(
        row.name,
        new Map(
          operations.map((o) => [
            o.name,
            unsupported.has(o.name) ? 'n/a' : cellText(byOperation.get(o.name) ?? []),
          ]),
        ),
      )
      expect(results.filter((r) => r.outcome !== r.expected)).toEqual([])
    },
    60_000,
  )
})
