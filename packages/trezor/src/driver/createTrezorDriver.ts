import {
  type DeviceContext,
  type DeviceOperation,
  type HardwareSignerDriver,
  InvalidPathError,
  parsePath,
  UnsupportedByDeviceError,
} from '@airlock/core'
import { loadOnce } from '@airlock/core/utils'
import { getAddress } from 'viem'
import { publicKeyToAddress } from 'viem/accounts'
import { disposeTrezorConnect, initTrezorConnect } from '../connect/initTrezorConnect.js'
import { loadTrezorConnect } from '../connect/loadTrezorConnect.js'
import { buildSignTransactionRequest } from '../requests/buildSignTransactionRequest.js'
import { decompressPublicKey } from '../requests/decompressPublicKey.js'
import {
  parseRecoverableSignature,
  parseTransactionSignature,
} from '../requests/parseTrezorSignature.js'
import { prepareTypedData } from '../requests/prepareTypedData.js'
import { toPrefixedHex } from '../requests/toPrefixedHex.js'
import type { TrezorConnectLike, TrezorConnectResponse, TrezorManifest } from '../types.js'
import { forwardConnectStatus } from './forwardConnectStatus.js'
import { toTrezorCapabilities } from './toTrezorCapabilities.js'
import {
  type TrezorDisplay,
  type TrezorFirmware,
  toTrezorFirmware,
  toTrezorMessageDisplay,
  toTrezorTransactionDisplay,
  toTrezorTypedDataDisplay,
} from './toTrezorDisplay.js'
import { type ToTrezorErrorOptions, toTrezorError } from './toTrezorError.js'
import { toTrezorInitError } from './toTrezorInitError.js'
import { waitForPreviousCall } from './waitForPreviousCall.js'

export type CreateTrezorDriverOptions =
  | { connect: TrezorConnectLike; manifest?: undefined }
  | { connect?: undefined; manifest: TrezorManifest }

/**
 * The Trezor half of a `HardwareSigner`, on Trezor Connect: a shared `connect`, or the one loaded
 * and initialised with `manifest` (already validated) on first use. Every request is built and
 * checked before Connect sees it; every failure goes through `toTrezorError`.
 */
export function createTrezorDriver(options: CreateTrezorDriverOptions): HardwareSignerDriver {
  const { connect: shared, manifest: checkedManifest } = options
  let loaded: Promise<TrezorConnectLike> | undefined
  const load = loadOnce(() => (loaded = loadTrezorConnect()))
  let connected = false
  // From the device's features: which model signs, and how it shows requests.
  let firmware: TrezorFirmware | undefined
  // Connect's own call, which outlives an aborted or timed-out Airlock call until `cancel()` lands.
  let inFlight: Promise<unknown> = Promise.resolve()

  async function connection(context: DeviceContext): Promise<TrezorConnectLike> {
    if (!connected) context.status({ type: 'connecting' })
    if (shared) {
      connected = true
      return shared
    }
    const connect = await load()
    // A no-op once initialised; again after any signer disposed the instance.
    await initTrezorConnect(connect, checkedManifest!).catch((error: unknown) => {
      throw toTrezorInitError(error)
    })
    connected = true
    return connect
  }

  async function call<payload>(
    operation: DeviceOperation,
    context: DeviceContext,
    run: (connect: TrezorConnectLike) => TrezorConnectResponse<payload>,
    options: Omit<ToTrezorErrorOptions, 'operation' | 'model'> & { confirm?: TrezorDisplay } = {},
  ): Promise<payload> {
    const { confirm } = options
    // Connect reports the device's screen (`ui-button`) only once the request is on the device. A
    // blind request under `blindSigning: 'refuse'` is reported before Connect gets anything: core
    // throws BlindSigningRefusedError from the report. (Not thrown here: importing the class into
    // the driver would pull core's lazily loaded policy chunk into the app's first load.)
    if (confirm?.display === 'blind' && context.blindSigning === 'refuse')
      context.status({ type: 'confirm-on-device', operation, ...confirm })
    const connect = await connection(context)
    const cancel = () => {
      try {
        connect.cancel()
      } catch {
        // Connect throws when its core is gone (disposed by another signer, say): @trezor/connect
        // 9.7.3 lib/index.js:156-158 `cancel`, "postMessage: _core not found". No call to free.
      }
    }
    context.signal.addEventListener('abort', cancel, { once: true })
    const stopStatus = forwardConnectStatus(connect, operation, context, confirm)
    try {
      await waitForPreviousCall(inFlight, context.signal)
      const request = run(connect)
      inFlight = request.catch(() => {})
      const response = await request
      if (!response.success)
        throw toTrezorError(response.payload, { ...options, operation, model: firmware?.model })
      return response.payload
    } finally {
      context.signal.removeEventListener('abort', cancel)
      stopStatus()
    }
  }

  /** The firmware, read from the device's features once per connection, for a display that needs it. */
  async function readFirmware(
    operation: DeviceOperation,
    context: DeviceContext,
  ): Promise<TrezorFirmware> {
    firmware ??= toTrezorFirmware(await call(operation, context, (c) => c.getFeatures()))
    return firmware
  }

  return {
    source: 'trezor',
    name: 'Trezor',

    async getCapabilities(context) {
      const features = await call('getCapabilities', context, (c) => c.getFeatures())
      firmware = toTrezorFirmware(features)
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
        { confirm: { display: 'clear', reason: 'address' } },
      )
      return { address: getAddress(shown.address), publicKey }
    },

    async getExtendedPublicKey({ path }, context) {
      checkDepth(path)
      const key = await call('getExtendedPublicKey', context, (c) =>
        c.ethereumGetPublicKey({ path, showOnTrezor: false }),
      )
      decompressPublicKey(key.publicKey) // throws unless it is a point on the curve
      return { publicKey: toPrefixedHex(key.publicKey), chainCode: toPrefixedHex(key.chainCode) }
    },

    async signTransaction({ path, transaction, serializedTransaction }, context) {
      checkDepth(path)
      const request = buildSignTransactionRequest({ transaction, serializedTransaction })
      const type = 'maxFeePerGas' in request ? 'eip1559' : 'legacy'
      const shown = toTrezorTransactionDisplay(
        request,
        request.data ? await readFirmware('signTransaction', context) : firmware,
      )
      const signature = await call(
        'signTransaction',
        context,
        (c) => c.ethereumSignTransaction({ path, transaction: request }),
        { confirm: shown, transactionType: type },
      )
      return parseTransactionSignature({ signature, type, chainId: request.chainId })
    },

    async signMessage({ path, message }, context) {
      checkDepth(path)
      const shown = toTrezorMessageDisplay(message, await readFirmware('signMessage', context))
      const { signature } = await call(
        'signMessage',
        context,
        (c) => c.ethereumSignMessage({ path, message, hex: true }),
        { confirm: shown },
      )
      return parseRecoverableSignature(signature)
    },

    async signTypedData({ path, typedData }, context) {
      checkDepth(path)
      const request = prepareTypedData({ path, typedData })
      const shown = toTrezorTypedDataDisplay(
        await readFirmware('signTypedData', context),
        request.data,
      )
      const { signature } = await call(
        'signTypedData',
        context,
        (c) => c.ethereumSignTypedData(request),
        { confirm: shown },
      )
      return parseRecoverableSignature(signature)
    },

    async signAuthorization() {
      throw new UnsupportedByDeviceError({
        operation: 'sign EIP-7702 authorizations',
        reason:
          // Firmware 2.12.4 signs them, as an experimental feature (core/CHANGELOG.md #6394).
          'Trezor Connect 9.7 has no API for them.',
      })
    },

    toError: (error, operation) => toTrezorError(error, { operation, model: firmware?.model }),

    async close() {
      connected = false
      firmware = undefined
      if (shared) return
      await disposeTrezorConnect(await loaded?.catch(() => undefined))
    },
  }
}

/**
 * Connect refuses paths shorter than 3 levels (@trezor/connect 9.7.3
 * lib/api/ethereum/api/ethereumSignTransaction.js:33 and the other Ethereum methods:
 * `validatePath(path, 3)`).
 */
function checkDepth(path: string): void {
  if (parsePath(path).length < 3)
    throw new InvalidPathError({ path, reason: 'Trezor Connect needs at least 3 levels' })
}
