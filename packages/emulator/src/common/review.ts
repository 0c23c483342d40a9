import type { EmulatorOperation, EmulatorReview, EmulatorScreen } from './types.js'
import { askUser, type EmulatorUser } from './user.js'

/** The person a review asks and the log it is recorded in. */
export type Reviewer = {
  readonly user: EmulatorUser
  readonly reviews: EmulatorReview[]
}

export type ReviewOptions = {
  /** Puts screen `index` on the device before the user is asked about it (Trezor: a button request). */
  readonly show?: (index: number) => Promise<void>
  /** Drops a pending decision when the device's workflow is interrupted. */
  readonly signal?: AbortSignal
}

/**
 * Shows `screens` to the emulated user one by one and records the review in `reviewer.reviews`.
 * Resolves `true` when the user approved every screen; the first `'reject'` rejects the review. The
 * user is read again for each screen, so `setUser` during a review applies to the screens after it.
 */
export async function runReview(
  reviewer: Reviewer,
  operation: EmulatorOperation,
  screens: readonly EmulatorScreen[],
  options: ReviewOptions = {},
): Promise<boolean> {
  const review: EmulatorReview = { operation, screens, outcome: 'pending' }
  reviewer.reviews.push(review)
  for (const [index, screen] of screens.entries()) {
    await options.show?.(index)
    if ((await askUser(reviewer.user, screen, review, options.signal)) === 'reject') {
      review.outcome = 'rejected'
      return false
    }
  }
  review.outcome = 'approved'
  return true
}

/** Records an error screen the device shows instead of a review (e.g. "enable blind signing"). */
export function recordErrorScreen(
  reviewer: Reviewer,
  operation: EmulatorOperation,
  screen: EmulatorScreen,
): void {
  reviewer.reviews.push({ operation, screens: [screen], outcome: 'rejected' })
}
