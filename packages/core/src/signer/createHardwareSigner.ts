import { formatPath } from '../path/formatPath.js'
import type { DerivationPath } from '../path/parsePath.js'
import type {
  BlindSigningPolicy,
  DeviceCallOptions,
  DeviceCapabilities,
  DeviceContext,
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

export type { DeviceContext } from './types.js'

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
    // The code that runs a call loads with the first one (beside the account code), not with the
    // signer: an app that never connects does not ship it.
    const task = import('./internal/runDeviceCall.js').then(async (call) => {
      await call.waitTurn(previous, signal)
      return call.runDeviceCall(operation, run, signal, timeout, emit, blindSigning, driver)
    })
    // The next call waits for this one and everything before it, even if this one was aborted early.
    tail = Promise.allSettled([previous, task])
    return task
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
