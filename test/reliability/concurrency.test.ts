/**
 * Many calls at once on one signer: served one at a time, in call order, each correct; aborting
 * queued calls leaves the others intact.
 */
import {
  type DeviceStatus,
  type HardwareAccount,
  type HardwareSigner,
  OperationAbortedError,
  toHardwareAccount,
} from '@airlock/core'
import { createLedgerEmulator, createTrezorEmulator, type EmulatorReview } from '@airlock/emulator'
import { createLedgerSigner } from '@airlock/ledger'
import { createTrezorSigner } from '@airlock/trezor'
import { describe, expect, test } from 'vitest'
import { path, reference } from './fixtures.js'

type Setup = {
  signer: HardwareSigner
  account: HardwareAccount
  reviews: () => readonly EmulatorReview[]
  dispose: () => Promise<void>
}

const setups: Record<string, () => Promise<Setup>> = {
  ledger: async () => {
    const emulator = createLedgerEmulator()
    const signer = createLedgerSigner({ transport: emulator.transport })
    const account = await toHardwareAccount(signer, { path })
    emulator.clearLogs()
    return { signer, account, reviews: () => emulator.reviews, dispose: () => emulator.dispose() }
  },
  trezor: async () => {
    const emulator = await createTrezorEmulator()
    const signer = createTrezorSigner({ connect: emulator.connect })
    const account = await toHardwareAccount(signer, { path })
    emulator.clearLogs()
    return { signer, account, reviews: () => emulator.reviews, dispose: () => emulator.dispose() }
  },
}

// Trezor calls go through Connect (~10 ms each here): 100 of them fit the time budget as well.
const calls = 100
const message = (i: number) => `concurrent call #${i} of ${calls}`
const shown = (review: EmulatorReview) => review.screens.map((s) => s.value).join('\n')

/** Every status event of the signer, to check that one operation ends before the next starts. */
function track(signer: HardwareSigner) {
  const events: DeviceStatus['type'][] = []
  signer.onStatus((status) => {
    if (status.type === 'confirm-on-device' || status.type === 'done' || status.type === 'error')
      events.push(status.type)
  })
  return events
}

describe.each(Object.keys(setups))(`%s: ${calls} calls at once on one signer`, (device) => {
  test(`${calls} signatures: one at a time, in call order, each correct`, async () => {
    const { signer, account, reviews, dispose } = await setups[device]!()
    try {
      const events = track(signer)
      const signatures = await Promise.all(
        Array.from({ length: calls }, (_, i) => account.signMessage({ message: message(i) })),
      )
      const expected = await Promise.all(
        Array.from({ length: calls }, (_, i) => reference.signMessage({ message: message(i) })),
      )
      expect(signatures).toEqual(expected)
      // The device reviewed them in call order, each approved.
      expect(reviews()).toHaveLength(calls)
      reviews().forEach((review, i) => {
        expect(review.outcome).toBe('approved')
        expect(shown(review)).toContain(`#${i} `)
      })
      // One at a time: each confirmation ends (done) before the next begins.
      expect(events).toEqual(
        Array.from({ length: calls }, () => ['confirm-on-device', 'done']).flat(),
      )
    } finally {
      await dispose()
    }
  })

  test('aborting queued calls leaves the rest intact and in order', async () => {
    const { account, reviews, dispose } = await setups[device]!()
    try {
      const aborted = (i: number) => i % 3 === 1
      const controllers = Array.from({ length: calls }, () => new AbortController())
      const pending = controllers.map((controller, i) =>
        account.signMessage({ message: message(i), signal: controller.signal } as never),
      )
      for (const [i, controller] of controllers.entries()) if (aborted(i)) controller.abort()
      const settled = await Promise.allSettled(pending)
      for (const [i, result] of settled.entries()) {
        if (aborted(i)) {
          expect(result.status).toBe('rejected')
          expect((result as PromiseRejectedResult).reason).toBeInstanceOf(OperationAbortedError)
        } else {
          expect(result).toEqual({
            status: 'fulfilled',
            value: await reference.signMessage({ message: message(i) }),
          })
        }
      }
      // Nothing of an aborted call reached the device; the others were reviewed in order.
      const kept = Array.from({ length: calls }, (_, i) => i).filter((i) => !aborted(i))
      expect(reviews().map((review) => Number(/#(\d+) /.exec(shown(review))?.[1]))).toEqual(kept)
    } finally {
      await dispose()
    }
  })
})
