import type { DigestSignature } from '../../common/signing.js'
import type { EmulatorOperation, EmulatorScreen } from '../../common/types.js'
import type { TrezorKeychain } from '../keys/keychain.js'
import type { TrezorModel } from '../models.js'
import type { WireMessage } from '../wire/codec.js'

/** What a firmware handler can do while it runs: talk to the host, show screens, sign. */
export type TrezorWorkflow = {
  readonly model: TrezorModel
  /** The firmware version the device plays, e.g. `2.12.4`. */
  readonly firmware: string
  readonly keychain: TrezorKeychain
  /** Sends `message` to the host and waits for its answer, one of the `expected` types. */
  readonly call: (message: WireMessage, expected: readonly string[]) => Promise<WireMessage>
  /**
   * Shows `screens` one by one, each after a `ButtonRequest`/`ButtonAck` round trip, and lets the
   * emulated user decide. Throws `Failure_ActionCancelled` when the user rejects one.
   */
  readonly confirm: (
    operation: EmulatorOperation,
    screens: readonly ConfirmScreen[],
  ) => Promise<void>
  /** Signs a digest with the key at `path`, applying injected signature faults. */
  readonly sign: (path: readonly number[], digest: Uint8Array) => DigestSignature
}

/** A screen with the `ButtonRequest` code and name the firmware sends before it. */
export type ConfirmScreen = EmulatorScreen & { readonly code?: string; readonly name?: string }

/** Firmware handler for one request message type; resolves to the final answer. */
export type TrezorHandler = (request: WireMessage, workflow: TrezorWorkflow) => Promise<WireMessage>
