import type { HardwareAccount } from '@airlock/core'
import type { EmulatorControls, EmulatorFault, EmulatorUser } from '@airlock/emulator'
import { expect } from 'vitest'
import type { Operation } from './fixtures.js'

/** One emulated device, a signer on it and the account, ready for one cell. */
export type Rig<emulator extends EmulatorControls = EmulatorControls> = {
  emulator: emulator
  account: HardwareAccount
}

/** How an operation looks on a device in a clean run. */
export type Profile = {
  /** The exchange indexes a fault can be armed at (0-based, counted as the emulator counts). */
  steps: readonly number[]
  /** Screens the user is asked about, in order. */
  screens: number
}

/**
 * The outcome a cell must have: the typed error the call ends in, `signed` (the call succeeds with
 * viem's signature), or `armed` (a signature fault on a call that makes no signature: the call
 * succeeds and the fault refuses the next signature with `SignatureMismatchError`).
 */
export type Outcome = string | 'signed' | 'armed'

/** A row of the matrix: a fault, where it is armed, what it must end in and how to repair it. */
export type FaultRow<emulator extends EmulatorControls> = {
  name: string
  /** The steps of `profile` this row covers; one entry per step (or screen) it is armed at. */
  steps: (profile: Profile, operation: Operation) => readonly number[]
  arm: (emulator: emulator, step: number) => void
  expected: (operation: Operation) => Outcome
  /** Brings the device back (plug in, unlock, open the app, user approves) before the next call. */
  repair?: (emulator: emulator) => Promise<void> | void
  /** Signer timeout for this row's cells, in ms. */
  timeout?: number
}

/** Every exchange of the operation. */
export const everyStep = (profile: Profile): readonly number[] => profile.steps

/**
 * The signature faults: they land on the exchange that carries the signature, the last. An address
 * read makes no signature, so there the fault waits for the next one, which is refused.
 */
export function signatureRows<emulator extends EmulatorControls>(): FaultRow<emulator>[] {
  const faults: [string, EmulatorFault][] = [
    ['corrupt r', { type: 'corrupt-signature', part: 'r' }],
    ['corrupt s', { type: 'corrupt-signature', part: 's' }],
    ['wrong key', { type: 'wrong-key' }],
    ['wrong v', { type: 'wrong-v' }],
  ]
  return faults.map(([name, fault]) => ({
    name,
    steps: (profile) => profile.steps.slice(-1),
    arm: (emulator) => emulator.injectFault(fault),
    expected: (operation) => (operation.name === 'address' ? 'armed' : 'SignatureMismatchError'),
  }))
}

/** A fault armed at every exchange of the operation. */
export function exchangeRow<emulator extends EmulatorControls>(
  name: string,
  type: Exclude<EmulatorFault['type'], 'corrupt-signature' | 'wrong-key' | 'wrong-v'>,
  outcome: Outcome,
  options: Pick<FaultRow<emulator>, 'repair' | 'timeout'> = {},
): FaultRow<emulator> {
  return {
    name,
    steps: everyStep,
    arm: (emulator, step) => emulator.injectFault({ type, atExchange: step }),
    expected: () => outcome,
    ...options,
  }
}

/** The user rejects at each screen in turn. */
export function rejectionRow<emulator extends EmulatorControls>(): FaultRow<emulator> {
  return {
    name: 'user rejects',
    steps: (profile) => indexes(profile.screens),
    arm: (emulator, step) => emulator.setUser(rejectAtScreen(step)),
    expected: () => 'UserRejectedOnDeviceError',
    repair: (emulator) => emulator.setUser('approve'),
  }
}

export type CellResult = { operation: string; step: number; outcome: string; expected: string }

/** Runs `fn` over `items`, at most `concurrency` at a time, results in order. */
export async function pool<item, result>(
  items: readonly item[],
  concurrency: number,
  fn: (item: item, index: number) => Promise<result>,
): Promise<result[]> {
  const results: result[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index]!, index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  return results
}

/** The error name a call ended in, or `signed`. */
async function outcomeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run()
    return 'signed'
  } catch (error) {
    return (error as Error).name
  }
}

/** A user who rejects the `step`-th screen asked (0-based) and approves the others. */
export function rejectAtScreen(step: number): EmulatorUser {
  let asked = 0
  return () => (asked++ === step ? 'reject' : 'approve')
}

/**
 * Runs one cell: arms the fault, runs the operation, checks it ends in the expected outcome with no
 * signature returned, repairs the device and proves the same signer then signs correctly again.
 */
export async function runCell<emulator extends EmulatorControls>(
  rig: Rig<emulator>,
  row: FaultRow<emulator>,
  operation: Operation,
  step: number,
): Promise<CellResult> {
  const { emulator, account } = rig
  const expected = row.expected(operation)
  row.arm(emulator, step)
  let outcome = await outcomeOf(() => operation.run(account))
  if (outcome === 'signed' && expected === 'armed') {
    const next = await outcomeOf(() => account.signMessage({ message: 'armed' }))
    outcome = next === 'SignatureMismatchError' ? 'armed' : `signed, then ${next}`
  }
  await row.repair?.(emulator)
  const recovered = await outcomeOf(async () =>
    expect(await operation.run(account)).toEqual(await operation.expected()),
  )
  if (recovered !== 'signed') outcome = `${outcome}, then ${recovered} after repair`
  return { operation: operation.name, step, outcome, expected }
}

/** `ok:<outcome>[steps]` when every step of the cell has its expected outcome, `FAIL` otherwise. */
export function cellText(results: readonly CellResult[]): string {
  if (results.length === 0) return 'n/a'
  const failed = results.filter((r) => r.outcome !== r.expected)
  if (failed.length > 0) return `FAIL(${failed.map((r) => `@${r.step}:${r.outcome}`).join(';')})`
  return `ok:${results[0]!.expected}[${results.length}]`
}

/** A compact table: rows faults, columns operations. */
export function formatMatrix(
  title: string,
  columns: readonly string[],
  rows: ReadonlyMap<string, ReadonlyMap<string, string>>,
): string {
  const header = ['fault', ...columns]
  const body = [...rows].map(([row, cells]) => [row, ...columns.map((c) => cells.get(c) ?? '-')])
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((line) => line[i]!.length)))
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')
  return [
    title,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...body.map(line),
  ].join('\n')
}

/** Every index from 0 to `count - 1`. */
export function indexes(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i)
}
