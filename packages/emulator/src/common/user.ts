import type { EmulatorReview, EmulatorScreen } from './types.js'

export type EmulatorUserDecision = 'approve' | 'reject'

/**
 * The emulated person at the device: approves everything, rejects everything, or decides per screen.
 * A function is called once per screen; `'reject'` on any screen rejects the whole review.
 */
export type EmulatorUser =
  | EmulatorUserDecision
  | ((
      screen: EmulatorScreen,
      review: EmulatorReview,
    ) => EmulatorUserDecision | Promise<EmulatorUserDecision>)

/**
 * What `user` decides on `screen`. A decision still pending when `signal` aborts (the device's
 * workflow was interrupted) rejects with the signal's reason.
 */
export function askUser(
  user: EmulatorUser,
  screen: EmulatorScreen,
  review: EmulatorReview,
  signal?: AbortSignal,
): Promise<EmulatorUserDecision> {
  if (typeof user === 'string') return Promise.resolve(user)
  const decision = Promise.resolve().then(() => user(screen, review))
  if (!signal) return decision
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason)
    signal.addEventListener('abort', () => reject(signal.reason), { once: true })
  })
  return Promise.race([decision, aborted])
}
