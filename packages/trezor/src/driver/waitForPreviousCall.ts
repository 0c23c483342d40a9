import { DeviceBusyError } from '@airlock/core'
import { raceAbortSignal } from '@airlock/core/utils'

/**
 * How long a call waits for Connect to end a cancelled one. Connect cannot end a call whose device
 * stopped answering: after `cancel()` it still awaits the transport (@trezor/connect 9.7.3
 * lib/device/DeviceCurrentSession.js:121 `callLoop`, `await callPromise`) until the device answers
 * or is unplugged.
 */
export const cancelGracePeriod = 1_000

/**
 * Resolves when Connect's previous call (`previous`, which never rejects) has ended; otherwise
 * Connect answers the next one with Device_CallInProgress while it winds the previous one down.
 * Rejects with `DeviceBusyError` if it is still running after `grace` ms, or with the signal's
 * reason if it aborts first.
 */
export async function waitForPreviousCall(
  previous: Promise<unknown>,
  signal: AbortSignal,
  grace: number = cancelGracePeriod,
): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const busy = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new DeviceBusyError({
            details:
              'Trezor Connect is still waiting for the device to answer an earlier request. Reconnect the device.',
          }),
        ),
      grace,
    )
  })
  try {
    await raceAbortSignal(Promise.race([previous, busy]), signal)
  } finally {
    clearTimeout(timer)
  }
}
