import { runReview } from '../../common/review.js'
import type { EmulatorOperation } from '../../common/types.js'
import type { TrezorDeviceParts } from '../deviceParts.js'
import { TrezorDeviceFailure } from '../failures.js'
import type { WireMessage } from '../wire/codec.js'

const pinScreen = { title: 'Enter PIN', value: 'Device locked' }

/**
 * Unlocks the device the way its model asks for the PIN: on the device (T2T1, T3T1) or on the
 * host's PIN matrix (T1B1). The user approves the PIN screen or cancels (`Failure_PinCancelled`).
 */
export async function enterPin(
  device: TrezorDeviceParts,
  operation: EmulatorOperation,
  signal: AbortSignal,
): Promise<void> {
  const show = async () => {
    if (device.model === 'T1B1') {
      const request = { type: 'PinMatrixRequestType_Current' }
      await device.runner.call(
        { type: 'PinMatrixRequest', message: request },
        ['PinMatrixAck'],
        signal,
      )
    } else {
      const button = { code: 'ButtonRequest_PinEntry', name: 'pin_device' }
      await device.runner.call({ type: 'ButtonRequest', message: button }, ['ButtonAck'], signal)
    }
  }
  if (!(await runReview(device.state, operation, [pinScreen], { show, signal }))) {
    throw new TrezorDeviceFailure('Failure_PinCancelled', 'PIN entry cancelled')
  }
  device.locked = false
}

/** `runner.call`, then the PIN when the device locked meanwhile (the `lock` fault). */
export async function callUnlocked(
  device: TrezorDeviceParts,
  message: WireMessage,
  expected: readonly string[],
  signal: AbortSignal,
  operation: EmulatorOperation,
): Promise<WireMessage> {
  const answer = await device.runner.call(message, expected, signal)
  if (device.locked) await enterPin(device, operation, signal)
  return answer
}
