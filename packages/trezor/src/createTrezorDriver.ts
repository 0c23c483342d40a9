import {
  DeviceBusyError,
  type DeviceContext,
  type DeviceOperation,
  type HardwareSignerDriver,
  InvalidPathError,
  parsePath,
  UnsupportedByDeviceError,
} from '@airlock/core'
import { getAddress, type Hex } from 'viem'
import { publicKeyToAddress } from 'viem/accounts'
import { buildSignTransactionRequest } from './buildSignTransactionRequest.js'
import { decompressPublicKey } from './decompressPublicKey.js'
import { disposeTrezorConnect, initTrezorConnect, loadTrezorConnect } from './loadTrezorConnect.js'
import { parseRecoverableSignature, parseTransactionSignature } from './parseTrezorSignature.js'
import { prepareTypedData } from './prepareTypedData.js'
import { toTrezorCapabilities } from './toTrezorCapabilities.js'
import { type ToTrezorErrorOptions, toTrezorError } from './toTrezorError.js'
import type { TrezorConnectLike, TrezorConnectResponse, TrezorManifest } from './types.js'

export type CreateTrezorDriverOptions =
  | { connect: TrezorConnectLike; manifest?: undefined }
  | { connect?: undefined; manifest: TrezorManifest }

/**
 * The Trezor half of a `HardwareSigner`, on Trezor Connect: a shared `connect`, or the one loaded
 * and initialised with `manifest` (already validated) on first use.
 */
export function createTrezorDriver(options: CreateTrezorDriverOptions): HardwareSignerDriver {
  const { connect: shared, manifest: checkedManifest } = options
  let loading: Promise<TrezorConnectLike> | undefined
  let connected = false
  let model: string | undefined
  // Connect's own call, which outlives an aborted or timed-out Airlock call until `cancel()` lands.
  let inFlight: Promise<unknown> = Promise.resolve()

  async function connection(context: DeviceContext): Promise<TrezorConnectLike> {
    if (!connected) context.status({ type: 'connecting' })
    if (shared) {
      connected = true
      return shared
    }
    if (!loading) {
      const pending = loadTrezorConnect()
      loading = pending
      pending.catch(() => {
        if (loading === pending) loading = undefined
      })
    }
    const connect = await loading
    // A no-op once initialised; again after any signer disposed the instance.
    await initTrezorConnect(connect, checkedManifest!)
    connected = true
    return connect
  }

  async function call<payload>(
    operation: DeviceOperation,
    context: DeviceContext,
    run: (connect: TrezorConnectLike) => TrezorConnectResponse<payload>,
    options: Omit<ToTrezorErrorOptions, 'operation' | 'model'> & { confirm?: boolean } = {},
  ): Promise<payload> {
    const connect = await connection(context)
    const cancel = () => {
      try {
        connect.cancel()
      } catch {
        // Connect throws when it has no call to cancel (lib/index.js `cancel`): nothing to free.
      }
    }
    context.signal.addEventListener('abort', cancel, { once: true })
    const stopStatus = forwardStatus(connect, operation, context, options.confirm ?? false)
    try {
      // Otherwise Connect answers Device_CallInProgress while it winds down a cancelled call.
      await settled(inFlight, context.signal, cancelGracePeriod)
      const request = run(connect)
      inFlight = request.catch(() => {})
      const response = await request
      if (!response.success) throw toTrezorError(response.payload, { ...options, operation, model })
      return response.payload
    } finally {
      context.signal.removeEventListener('abort', cancel)
      stopStatus()
    }
  }

  return {
    source: 'trezor',
    name: 'Trezor',

    async getCapabilities(context) {
      const features = await call('getCapabilities', context, (c) => c.getFeatures())
      model = features.internal_model ?? undefined
      return toTrezorCapabilities(features)
    },

    async getAddress({ path, display }, context) {
      checkDepth(path)
      const key = await call('getAddress', context, (c) =>
        c.ethereumGetPublicKey({ path, showOnTrezor: false }),
      )
      const publicKey = decompressPublicKey(key.publicKey)
      if (!display) return { address: publicKeyToAddress(publicKey), publicKey }
      const shown = await call(
        'getAddress',
        context,
        (c) => c.ethereumGetAddress({ path, showOnTrezor: true }),
        { confirm: true },
      )
      return { address: getAddress(shown.address), publicKey }
    },

    async getExtendedPublicKey({ path }, context) {
      checkDepth(path)
      const key = await call('getExtendedPublicKey', context, (c) =>
        c.ethereumGetPublicKey({ path, showOnTrezor: false }),
      )
      decompressPublicKey(key.publicKey) // throws unless it is a point on the curve
      return { publicKey: toHex(key.publicKey), chainCode: toHex(key.chainCode) }
    },

    async signTransaction({ path, transaction, serializedTransaction }, context) {
      checkDepth(path)
      const request = buildSignTransactionRequest({ transaction, serializedTransaction })
      const type = 'maxFeePerGas' in request ? 'eip1559' : 'legacy'
      const signature = await call(
        'signTransaction',
        context,
        (c) => c.ethereumSignTransaction({ path, transaction: request }),
        { confirm: true, transactionType: type },
      )
      return parseTransactionSignature({ signature, type, chainId: request.chainId })
    },

    async signMessage({ path, message }, context) {
      checkDepth(path)
      const { signature } = await call(
        'signMessage',
        context,
        (c) => c.ethereumSignMessage({ path, message, hex: true }),
        { confirm: true },
      )
      return parseRecoverableSignature(signature)
    },

    async signTypedData({ path, typedData }, context) {
      checkDepth(path)
      const request = prepareTypedData({ path, typedData })
      const { signature } = await call(
        'signTypedData',
        context,
        (c) => c.ethereumSignTypedData(request),
        { confirm: true },
      )
      return parseRecoverableSignature(signature)
    },

    async signAuthorization() {
      throw new UnsupportedByDeviceError({
        operation: 'sign EIP-7702 authorizations',
        reason:
          'Trezor Connect 9.7 has no API for EIP-7702 authorizations (firmware support is experimental).',
      })
    },

    toError: (error, operation) => toTrezorError(error, { operation, model }),

    async close() {
      connected = false
      if (shared || !loading) return
      await disposeTrezorConnect(await loading.catch(() => undefined))
    },
  }
}

/**
 * Reports Connect's UI events as status: `ui-button` (a screen to confirm, or PIN entry on the
 * device), `ui-request_pin` (the Model One's PIN matrix on the host) and `ui-select_device` (no
 * Trezor connected yet: Connect waits for one). Without `on`, announces confirmation before each
 * call that needs one.
 */
function forwardStatus(
  connect: TrezorConnectLike,
  operation: DeviceOperation,
  context: DeviceContext,
  confirm: boolean,
): () => void {
  if (!connect.on || !connect.off) {
    if (confirm) context.status({ type: 'confirm-on-device', operation })
    return () => {}
  }
  let confirming = false
  const onButton = (payload: { code?: string } | undefined) => {
    if (payload?.code === 'ButtonRequest_PinEntry') return context.status({ type: 'unlock-device' })
    if (confirming) return
    confirming = true
    context.status({ type: 'confirm-on-device', operation })
  }
  const onPin = () => context.status({ type: 'unlock-device' })
  const onSelectDevice = () => context.status({ type: 'connecting' })
  connect.on('ui-button', onButton)
  connect.on('ui-request_pin', onPin)
  connect.on('ui-select_device', onSelectDevice)
  return () => {
    connect.off?.('ui-button', onButton)
    connect.off?.('ui-request_pin', onPin)
    connect.off?.('ui-select_device', onSelectDevice)
  }
}

/**
 * How long a call waits for Connect to end a cancelled one. Connect cannot end a call whose device
 * stopped answering: after `cancel()` it still awaits the transport
 * (lib/device/DeviceCurrentSession.js `callLoop`, `await callPromise`) until the device answers or
 * is unplugged.
 */
const cancelGracePeriod = 1_000

/**
 * Resolves when `previous` settles. Rejects with `DeviceBusyError` if it is still running after
 * `grace` ms, or with the signal's reason if it aborts first.
 */
function settled(previous: Promise<unknown>, signal: AbortSignal, grace: number): Promise<void> {
  signal.throwIfAborted()
  return new Promise((resolve, reject) => {
    const finish = (error?: unknown) => {
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
      if (error === undefined) resolve()
      else reject(error)
    }
    const onAbort = () => finish(signal.reason)
    const timer = setTimeout(
      () =>
        finish(
          new DeviceBusyError({
            details:
              'Trezor Connect is still waiting for the device to answer an earlier request. Reconnect the device.',
          }),
        ),
      grace,
    )
    signal.addEventListener('abort', onAbort, { once: true })
    previous.then(() => finish())
  })
}

/** Connect rejects paths shorter than 3 levels (lib/utils/pathUtils.js `validatePath(path, 3)`). */
function checkDepth(path: string) {
  if (parsePath(path).length < 3)
    throw new InvalidPathError({ path, reason: 'Trezor Connect needs at least 3 levels' })
}

function toHex(value: string): Hex {
  return `0x${value.replace(/^0x/i, '').toLowerCase()}`
}
