import type { TrezorModel } from './models.js'
import type { WireMessage } from './wire/codec.js'

/** A firmware `Failure` the device answers with, e.g. `Failure_ActionCancelled`. */
export class TrezorDeviceFailure extends Error {
  override name = 'TrezorDeviceFailure'
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.code = code
  }
}

/** The running workflow ended without an answer (host interrupted it, unplug, injected fault). */
export class TrezorWorkflowInterrupted extends Error {
  override name = 'TrezorWorkflowInterrupted'
  constructor() {
    super('The device workflow was interrupted.')
  }
}

/** A read or write reached the emulated device while it was unplugged. */
export class TrezorDeviceDisconnectedError extends Error {
  override name = 'TrezorDeviceDisconnectedError'
  constructor() {
    super('The emulated Trezor is unplugged.')
  }
}

/** `Failure_DataError`, the firmware's answer to malformed requests. */
export function dataError(message: string): TrezorDeviceFailure {
  return new TrezorDeviceFailure('Failure_DataError', message)
}

/** `Failure_ActionCancelled` in the model's words: the user rejected, or the host sent `Cancel`. */
export function actionCancelled(model: TrezorModel): TrezorDeviceFailure {
  return new TrezorDeviceFailure(
    'Failure_ActionCancelled',
    model === 'T1B1' ? 'Action cancelled' : 'Cancelled',
  )
}

/** The `Failure` message the device answers with. */
export function failureMessage(code: string, message: string): WireMessage {
  return { type: 'Failure', message: { code, message } }
}
