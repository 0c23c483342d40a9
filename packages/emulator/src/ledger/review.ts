import type { EmulatorOperation, EmulatorReview, EmulatorScreen } from '../shared/types.js'
import type { LedgerDevice } from './device.js'

/**
 * Shows screens to the emulated user and records the review. Resolves `true` when approved.
 * A per-screen user function is asked once per screen; the first `'reject'` rejects the review.
 */
export async function review(
  device: LedgerDevice,
  operation: EmulatorOperation,
  screens: readonly EmulatorScreen[],
): Promise<boolean> {
  const record: EmulatorReview = { operation, screens, outcome: 'pending' }
  device.reviews.push(record)
  const approved = await decide(device, record)
  record.outcome = approved ? 'approved' : 'rejected'
  return approved
}

/** Records an error screen the app shows instead of a review (e.g. "enable blind signing"). */
export function showError(
  device: LedgerDevice,
  operation: EmulatorOperation,
  screen: EmulatorScreen,
): void {
  device.reviews.push({ operation, screens: [screen], outcome: 'rejected' })
}

async function decide(device: LedgerDevice, record: EmulatorReview): Promise<boolean> {
  const { user } = device
  if (user === 'approve') return true
  if (user === 'reject') return false
  for (const screen of record.screens) {
    if ((await user(screen, record)) === 'reject') return false
  }
  return true
}
