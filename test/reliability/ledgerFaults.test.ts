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
import { type Operation, operations, path } from './fixtures.js'

async function createRig(timeout = 30_000): Promise<Rig<LedgerEmulator>> {
  const emulator = createLedgerEmulator({ blindSigning: true, eip7702: true })
  const signer = createLedgerSigner({ transport: emulator.transport, timeout })
  const account = await toHardwareAccount(signer, { path })
  emulator.clearLogs()
  return { emulator, account }
}

const rows: FaultRow<LedgerEmulator>[] = [
  ...signatureRows(),
  exchangeRow('unplug', 'unplug', 'DeviceDisconnectedError', { repair: (e) => e.plug() }),
  exchangeRow('no answer', 'no-answer', 'DeviceTimeoutError', { timeout: 300 }),
  exchangeRow('busy', 'busy', 'DeviceBusyError'),
  exchangeRow('lock', 'lock', 'DeviceLockedError', { repair: (e) => e.unlock() }),
  exchangeRow('close app', 'close-app', 'AppNotOpenError', {
    repair: (e) => e.openApp({ name: 'Ethereum', version: '1.22.0' }),
  }),
  rejectionRow(),
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
