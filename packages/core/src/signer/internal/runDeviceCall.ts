import { BaseError } from '../../errors/base.js'
import { DeviceTimeoutError, OperationAbortedError } from '../../errors/device.js'
import { raceAbortSignal } from '../../utils/raceAbortSignal.js'
import type { BlindSigningPolicy, DeviceContext, DeviceOperation, DeviceStatus } from '../types.js'

/**
 * Runs one call of a signer once its turn has come: aborts it on the app's `signal` or after
 * `timeout` ms, maps what the driver throws to a typed error (its `toError`), and emits
 * `done` or `error`. Positional parameters: named ones would ship their names in both chunks.
 */
export async function runDeviceCall<result>(
  operation: DeviceOperation,
  run: (context: DeviceContext) => Promise<result>,
  signal: AbortSignal | undefined,
  timeout: number,
  emit: (status: DeviceStatus) => void,
  blindSigning: BlindSigningPolicy,
  driver: { toError: (error: unknown, operation: DeviceOperation) => Error },
): Promise<result> {
  const controller = new AbortController()
  const onAbort = () => controller.abort(new OperationAbortedError())
  signal?.addEventListener('abort', onAbort, { once: true })
  const timer = setTimeout(() => controller.abort(new DeviceTimeoutError({ timeout })), timeout)
  try {
    const context = { signal: controller.signal, status: emit, blindSigning }
    // Ends as soon as the call is aborted or times out, whatever the driver does.
    const result = await raceAbortSignal(
      // The policy's code loads only for a signer that refuses, with its first call.
      blindSigning === 'refuse'
        ? import('./refuseBlindSigning.js').then((policy) =>
            policy.refuseBlindSigning(operation, run, context),
          )
        : run(context),
      controller.signal,
    )
    emit({ type: 'done', operation })
    return result
  } catch (cause) {
    const error = cause instanceof BaseError ? cause : driver.toError(cause, operation)
    emit({ type: 'error', operation, error })
    throw error
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', onAbort)
  }
}

/**
 * Resolves when `previous` settles (it never rejects); rejects with `OperationAbortedError` as soon
 * as `signal` aborts, or if it aborted meanwhile.
 */
export async function waitTurn(
  previous: Promise<unknown>,
  signal: AbortSignal | undefined,
): Promise<void> {
  await raceAbortSignal(previous, signal).catch(() => {
    throw new OperationAbortedError()
  })
  if (signal?.aborted) throw new OperationAbortedError()
}
