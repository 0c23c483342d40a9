import { BaseError } from '../errors/base.js'
import { DeviceTimeoutError, OperationAbortedError } from '../errors/device.js'
import { formatPath } from '../path/formatPath.js'
import type { DerivationPath } from '../path/parsePath.js'
import type {
  BlindSigningPolicy,
  DeviceCallOptions,
  DeviceCapabilities,
  DeviceOperation,
  DeviceSignature,
  DeviceSource,
  DeviceStatus,
  DeviceStatusListener,
  GetAddressParameters,
  GetAddressReturnType,
  GetExtendedPublicKeyParameters,
  GetExtendedPublicKeyReturnType,
  HardwareSigner,
  SignAuthorizationRequest,
  SignMessageRequest,
  SignTransactionRequest,
  SignTypedDataRequest,
} from './types.js'

/** What a driver method gets besides its request. */
export type DeviceContext = {
  /** Aborted when the call times out or the app aborts it: cancel the device request. */
  signal: AbortSignal
  /**
   * Reports progress to the UI. Report `confirm-on-device` just before the request the device asks
   * the user about, and let what it throws end the call: under `blindSigning: 'refuse'` a request
   * that is not `'clear'` throws `BlindSigningRefusedError` here, before the device is asked to sign.
   */
  status: (status: DeviceStatus) => void
  /** The signer's policy, for a driver that wants to refuse a blind request earlier. */
  blindSigning: BlindSigningPolicy
}

type PathOperation = Exclude<DeviceOperation, 'getCapabilities'>

type DriverMethod<parameters, result> = (
  parameters: Omit<parameters, keyof DeviceCallOptions>,
  context: DeviceContext,
) => Promise<result>

/**
 * The device-specific half of a signer: talks to one device, one call at a time, with no queueing,
 * timeouts or path validation of its own. `createHardwareSigner` adds those.
 */
export type HardwareSignerDriver = {
  source: DeviceSource
  /** The device's name for people (`'Ledger'`). */
  name: string
  getCapabilities: (context: DeviceContext) => Promise<DeviceCapabilities>
  getAddress: DriverMethod<GetAddressParameters, GetAddressReturnType>
  getExtendedPublicKey: DriverMethod<GetExtendedPublicKeyParameters, GetExtendedPublicKeyReturnType>
  signTransaction: DriverMethod<SignTransactionRequest, DeviceSignature>
  signMessage: DriverMethod<SignMessageRequest, DeviceSignature>
  signTypedData: DriverMethod<SignTypedDataRequest, DeviceSignature>
  signAuthorization: DriverMethod<SignAuthorizationRequest, DeviceSignature>
  /** Turns a vendor error into a typed Airlock error. */
  toError: (error: unknown, operation: DeviceOperation) => Error
  close: () => Promise<void>
}

export type CreateHardwareSignerOptions = {
  /**
   * How long a call may wait for the device, in ms, before it ends with `DeviceTimeoutError`. It
   * includes the time the user takes to review, so keep it generous.
   * @default 300_000
   */
  timeout?: number | undefined
  /**
   * `'refuse'`: a signing request that the device would show only blind (raw contract data,
   * hashes) ends with `BlindSigningRefusedError` before any of it reaches the device.
   * @default 'allow'
   */
  blindSigning?: BlindSigningPolicy | undefined
}

/**
 * Builds a `HardwareSigner` from a device driver: validates paths before anything reaches the
 * device, runs one device operation at a time in call order, honours `AbortSignal`s and timeouts,
 * maps vendor errors to typed errors and emits status events.
 */
export function createHardwareSigner(
  driver: HardwareSignerDriver,
  options: CreateHardwareSignerOptions = {},
): HardwareSigner {
  const { timeout: defaultTimeout = 300_000, blindSigning = 'allow' } = options
  const listeners = new Set<DeviceStatusListener>()
  let tail: Promise<unknown> = Promise.resolve()

  function emit(status: DeviceStatus) {
    for (const listener of listeners) listener(status)
  }

  function enqueue<result>(
    operation: DeviceOperation,
    callOptions: DeviceCallOptions,
    run: (context: DeviceContext) => Promise<result>,
  ): Promise<result> {
    const { signal, timeout = defaultTimeout } = callOptions
    const previous = tail
    const task = (async () => {
      await waitTurn(previous, signal)
      return runWithTimeout(operation, run, signal, timeout)
    })()
    // The next call waits for this one and everything before it, even if this one was aborted early.
    tail = Promise.allSettled([previous, task])
    return task
  }

  async function runWithTimeout<result>(
    operation: DeviceOperation,
    run: (context: DeviceContext) => Promise<result>,
    signal: AbortSignal | undefined,
    timeout: number,
  ): Promise<result> {
    const controller = new AbortController()
    const onAbort = () => controller.abort(new OperationAbortedError())
    signal?.addEventListener('abort', onAbort, { once: true })
    let timer: ReturnType<typeof setTimeout> | undefined
    const ended = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new DeviceTimeoutError({ timeout })
        controller.abort(error)
        reject(error)
      }, timeout)
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {
        once: true,
      })
    })
    try {
      const context = { signal: controller.signal, status: emit, blindSigning }
      const result = await Promise.race([
        // The policy's code loads only for a signer that refuses, with its first call.
        blindSigning === 'refuse'
          ? import('./internal/refuseBlindSigning.js').then((policy) =>
              policy.refuseBlindSigning(operation, run, context),
            )
          : run(context),
        ended,
      ])
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

  // Every operation but getCapabilities is on a path: checked here, before the call is queued.
  function withPath<operation extends PathOperation>(
    operation: operation,
  ): HardwareSigner[operation] {
    return (async ({
      signal,
      timeout,
      ...request
    }: DeviceCallOptions & { path: DerivationPath }) => {
      const path = formatPath(request.path)
      const method = driver[operation] as DriverMethod<{ path: DerivationPath }, unknown>
      return enqueue(operation, { signal, timeout }, (context) =>
        method({ ...request, path }, context),
      )
    }) as HardwareSigner[operation]
  }

  return {
    source: driver.source,
    name: driver.name,
    getCapabilities: (callOptions = {}) =>
      enqueue('getCapabilities', callOptions, (context) => driver.getCapabilities(context)),
    getAddress: withPath('getAddress'),
    getExtendedPublicKey: withPath('getExtendedPublicKey'),
    signTransaction: withPath('signTransaction'),
    signMessage: withPath('signMessage'),
    signTypedData: withPath('signTypedData'),
    signAuthorization: withPath('signAuthorization'),
    onStatus(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: () => driver.close(),
  }
}

/** Resolves when `previous` settles; rejects early with `OperationAbortedError` if `signal` aborts. */
function waitTurn(previous: Promise<unknown>, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(new OperationAbortedError())
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new OperationAbortedError())
    signal?.addEventListener('abort', onAbort, { once: true })
    previous.then(
      () => {
        signal?.removeEventListener('abort', onAbort)
        if (signal?.aborted) reject(new OperationAbortedError())
        else resolve()
      },
      () => {},
    )
  })
}
