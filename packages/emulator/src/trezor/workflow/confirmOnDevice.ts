import { runReview } from '../../common/review.js'
import type { EmulatorOperation } from '../../common/types.js'
import type { TrezorDeviceParts } from '../deviceParts.js'
import { actionCancelled } from '../failures.js'
import { callUnlocked } from './pinEntry.js'
import type { ConfirmScreen } from './workflow.js'

/**
 * Shows `screens` one by one, each after a `ButtonRequest`/`ButtonAck` round trip, and lets the
 * emulated user decide. Throws `Failure_ActionCancelled` when the user rejects one.
 */
export async function confirmOnDevice(
  device: TrezorDeviceParts,
  operation: EmulatorOperation,
  screens: readonly ConfirmScreen[],
  signal: AbortSignal,
): Promise<void> {
  const show = async (index: number) => {
    const { code = 'ButtonRequest_Other', name } = screens[index]!
    const button = { code, pages: 1, name }
    await callUnlocked(
      device,
      { type: 'ButtonRequest', message: button },
      ['ButtonAck'],
      signal,
      operation,
    )
  }
  const shown = screens.map(({ title, value }) => ({ title, value }))
  if (!(await runReview(device.state, operation, shown, { show, signal }))) {
    throw actionCancelled(device.model)
  }
}
