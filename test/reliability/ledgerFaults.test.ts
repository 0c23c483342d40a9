/**
 * Every fault at every step of every operation, on the Ledger emulator: each ends in its typed error
 * with no signature returned, and the same signer signs correctly once the device is back.
 */
import { toHardwareAccount } from '@airlock/core'
import { createLedgerEmulator, type LedgerEmulator } from '@airlock/emulator'
import { createLedgerSigner } from '@airlock/ledger'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  type CellResult,
  cellText,
  type FaultRow,
  formatMatrix,
  indexes,
  type Profile,
  pool,
  type Rig,
  rejectAtScreen,
  runCell,
} from './faultMatrix.js'
import { type Operation, operations, path } from './fixtures.js'

async function createRig(timeout = 30_000): Promise<Rig<LedgerEmulator>> {
  const emulator = createLedgerEmulator({ blindSigning: true, eip7702: true })
  const signer = createLedgerSigner({ transport: emulator.transport, timeout })
  const account = await toHardwareAccount(signer, { path })
  emulator.clearLogs()
  return { emulator, account }
}

/** The signature faults land on the one exchange that carries the signature, the last. */
const lastStep = (profile: Profile) => profile.steps.slice(-1)
const everyStep = (profile: Profile) => profile.steps
const signatureRow = (name: string, fault: Parameters<LedgerEmulator['injectFault']>[0]) =>
  ({
    name,
    steps: lastStep,
    arm: (emulator) => emulator.injectFault(fault),
    // verifyAddress makes no signature: the fault waits for the next one, which is refused.
    expected: (operation) => (operation.name === 'address' ? 'armed' : 'SignatureMismatchError'),
  }) satisfies FaultRow<LedgerEmulator>

const rows: FaultRow<LedgerEmulator>[] = [
  signatureRow('corrupt r', { type: 'corrupt-signature', part: 'r' }),
  signatureRow('corrupt s', { type: 'corrupt-signature', part: 's' }),
  signatureRow('wrong key', { type: 'wrong-key' }),
  signatureRow('wrong v', { type: 'wrong-v' }),
  {
    name: 'unplug',
    steps: everyStep,
    arm: (emulator, step) => emulator.injectFault({ type: 'unplug', atExchange: step }),
    expected: () => 'DeviceDisconnectedError',
    repair: (emulator) => emulator.plug(),
  },
  {
    name: 'no answer',
    steps: everyStep,
    arm: (emulator, step) => emulator.injectFault({ type: 'no-answer', atExchange: step }),
    expected: () => 'DeviceTimeoutError',
    timeout: 300,
  },
  {
    name: 'busy',
    steps: everyStep,
    arm: (emulator, step) => emulator.injectFault({ type: 'busy', atExchange: step }),
    expected: () => 'DeviceBusyError',
  },
  {
    name: 'lock',
    steps: everyStep,
    arm: (emulator, step) => emulator.injectFault({ type: 'lock', atExchange: step }),
    expected: () => 'DeviceLockedError',
    repair: (emulator) => emulator.unlock(),
  },
  {
    name: 'close app',
    steps: everyStep,
    arm: (emulator, step) => emulator.injectFault({ type: 'close-app', atExchange: step }),
    expected: () => 'AppNotOpenError',
    repair: (emulator) => emulator.openApp({ name: 'Ethereum', version: '1.16.0' }),
  },
  {
    name: 'user rejects',
    steps: (profile) => indexes(profile.screens),
    arm: (emulator, step) => emulator.setUser(rejectAtScreen(step)),
    expected: () => 'UserRejectedOnDeviceError',
    repair: (emulator) => emulator.setUser('approve'),
  },
]

const profiles = new Map<string, Profile>()
const matrix = new Map<string, Map<string, string>>()

beforeAll(async () => {
  for (const operation of operations) {
    const { emulator, account } = await createRig()
    await operation.run(account)
    profiles.set(operation.name, {
      steps: indexes(emulator.exchanges.length),
      screens: emulator.reviews.reduce((sum, review) => sum + review.screens.length, 0),
    })
  }
})

afterAll(() => {
  const columns = operations.map((operation) => operation.name)
  const steps = new Map([
    [
      'exchanges/screens',
      new Map([...profiles].map(([name, p]) => [name, `${p.steps.length}/${p.screens}`])),
    ],
  ])
  console.log(formatMatrix('Ledger fault matrix', columns, new Map([...steps, ...matrix])))
})

describe('Ledger: every fault at every step of every operation', () => {
  test.each(rows)('$name', async (row) => {
    const cells = operations.flatMap((operation: Operation) =>
      row.steps(profiles.get(operation.name)!, operation).map((step) => ({ operation, step })),
    )
    const results = await pool(cells, 4, async ({ operation, step }) =>
      runCell(await createRig(row.timeout), row, operation, step),
    )
    const byOperation = new Map<string, CellResult[]>()
    for (const result of results)
      byOperation.set(result.operation, [...(byOperation.get(result.operation) ?? []), result])
    matrix.set(
      row.name,
      new Map(operations.map((o) => [o.name, cellText(byOperation.get(o.name) ?? [])])),
    )
    expect(results.filter((r) => r.outcome !== r.expected)).toEqual([])
  })
})
