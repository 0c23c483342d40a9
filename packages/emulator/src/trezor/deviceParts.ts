import type { EmulatorState } from '../common/emulatorState.js'
import type { TrezorKeychain } from './keys/keychain.js'
import type { TrezorModel } from './models.js'
import type { TrezorSession } from './session/session.js'
import type { MessageLink } from './wire/messageLink.js'
import type { OperationCounter } from './workflow/operationCounter.js'
import type { WorkflowRunner } from './workflow/workflowRunner.js'

/** What an emulated Trezor is made of, as its workflows use it. TEST KEYS ONLY. */
export type TrezorDeviceParts = {
  readonly model: TrezorModel
  /** The firmware version it plays, e.g. `2.12.4`. */
  readonly firmware: string
  readonly keychain: TrezorKeychain
  /** The user, armed faults, latency and logs, as on every emulator. */
  readonly state: EmulatorState
  readonly link: MessageLink
  readonly session: TrezorSession
  readonly runner: WorkflowRunner
  readonly operations: OperationCounter
  locked: boolean
  /** Pulls the cable, as the `unplug` fault does. */
  unplug(): void
}
