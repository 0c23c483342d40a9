/**
 * What both emulators share: the emulated user, the screens the device shows, the exchange log and the
 * faults a test can inject. Option names are the same for the Ledger and the Trezor emulator.
 *
 * TEST KEYS ONLY. The emulators hold a mnemonic in memory to play a device in tests and demos.
 * Never give them a mnemonic that guards real funds.
 */

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

/** One request/response pair at the device's wire level (an APDU for Ledger, a message for Trezor). */
export type EmulatorExchange = {
  readonly request: string
  readonly response: string
}

/** Faults a test can inject. Each applies to the next operation that reaches the point it names. */
export type EmulatorFault =
  /** Flip a bit of r or s in the returned signature. */
  | { readonly type: 'corrupt-signature'; readonly part?: 'r' | 's' }
  /** Sign with a key other than the one for the requested path. */
  | { readonly type: 'wrong-key' }
  /** Return the other recovery parity. */
  | { readonly type: 'wrong-v' }
  /** Unplug the device when the n-th exchange (0-based, default 0) of the next operation arrives. */
  | { readonly type: 'unplug'; readonly atExchange?: number }
  /** Never answer the n-th exchange (0-based, default 0) of the next operation. */
  | { readonly type: 'no-answer'; readonly atExchange?: number }
  /** Answer that the device is busy with another request. */
  | { readonly type: 'busy'; readonly atExchange?: number }
  /** Lock the device when the n-th exchange arrives. */
  | { readonly type: 'lock'; readonly atExchange?: number }
  /** Close the Ethereum app (Ledger: back to the dashboard) when the n-th exchange arrives. */
  | { readonly type: 'close-app'; readonly atExchange?: number }

/** Simulated transport latency. `perFrame` is added for each 64-byte USB frame of a request and response. */
export type EmulatorLatency = number | { readonly perFrame: number }

/** The well-known development mnemonic that Hardhat, Anvil and Foundry fund. Test funds only. */
export const testMnemonic = 'test test test test test test test test test test test junk'
