/** The operation a device screen flow belongs to. */
export type EmulatorOperation =
  | 'address'
  | 'transaction'
  | 'message'
  | 'typed-data'
  | 'authorization'

/** One screen as the device would show it, e.g. `{ title: 'Amount', value: '1.5 ETH' }`. */
export type EmulatorScreen = {
  readonly title: string
  readonly value: string
}

/** A review on the device: every screen of one operation, in order, and how the user answered. */
export type EmulatorReview = {
  readonly operation: EmulatorOperation
  readonly screens: readonly EmulatorScreen[]
  outcome: 'approved' | 'rejected' | 'pending'
}
