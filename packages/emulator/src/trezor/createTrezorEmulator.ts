import type { EmulatorControls } from '../common/controls.js'
import { bundledFirmwareRevision, initTrezorConnect, loadTrezorConnect } from './connect/connect.js'
import { onBlockedRequest } from './connect/offline.js'
import { TrezorEmulatorTransport } from './connect/transport.js'
import type { TrezorConnect, TrezorManifest } from './connect/types.js'
import { TrezorDevice, type TrezorDeviceOptions } from './device.js'
import { resolveTrezorModel, type TrezorModel, trezorModels } from './models.js'

/** Options of `createTrezorEmulator`. TEST KEYS ONLY. */
export type TrezorEmulatorOptions = TrezorDeviceOptions & {
  /** Manifest for `TrezorConnect.init`. @default trezorEmulatorManifest */
  readonly manifest?: TrezorManifest
}

/**
 * An emulated Trezor driven by a real, initialised `@trezor/connect` instance (`connect`).
 *
 * `exchanges` are firmware messages, e.g. `{ request: 'EthereumSignTx {…}', response:
 * 'ButtonRequest {…}' }`. An exchange fault's `atExchange` counts the messages of the next Ethereum
 * operation: its request is exchange 0, each follow-up (`ButtonAck`, `EthereumTxAck`, typed-data
 * acks) the next; Connect's own `Initialize`/`GetFeatures`/Testnet `GetAddress` do not count. `busy`
 * answers `Failure_Busy`; `lock` asks for the PIN before going on; `close-app` does nothing (a Trezor
 * has no app to close). `unplug()` resolves once Connect has seen the device go, `plug()` once
 * Connect has read its features; `dispose()` disposes the Connect instance and unplugs the device.
 *
 * TEST KEYS ONLY: it holds a mnemonic in memory. Never give it one that guards real funds.
 */
export type TrezorEmulator = EmulatorControls & {
  /** A TrezorConnect instance of its own, initialised on the emulated device. */
  readonly connect: TrezorConnect
  readonly model: TrezorModel
  readonly firmware: string
  /** URLs Connect tried to reach (any instance in the process); each was answered 404 in process. */
  readonly blockedRequests: readonly string[]
}

/**
 * Creates an emulated Trezor and a TrezorConnect instance initialised on it:
 * `TrezorConnect.init({ manifest, transports: [transport], pendingTransportEvent: true,
 * transportReconnect: false, lazyLoad: false, popup: false })`. No request leaves the process.
 *
 * TEST KEYS ONLY. Models: 'T1B1' (alias 'one'), 'T2T1' ('model-t'), 'T3T1' ('safe-5', default).
 */
export async function createTrezorEmulator(
  options: TrezorEmulatorOptions = {},
): Promise<TrezorEmulator> {
  const model = resolveTrezorModel(options.model ?? 'T3T1')
  const firmware = options.firmware ?? trezorModels[model].firmware
  // First: without the optional peer @trezor/connect, this is the TrezorConnectMissingError.
  const connect = await loadTrezorConnect()
  const revision =
    options.revision ??
    (firmware === trezorModels[model].firmware
      ? trezorModels[model].revision
      : await bundledFirmwareRevision(model, firmware))
  const device = new TrezorDevice({ ...options, model, firmware, revision })
  const blockedRequests: string[] = []
  const stopListening = onBlockedRequest((url) => blockedRequests.push(url))
  const transport = new TrezorEmulatorTransport(device)
  // Model One asks for the PIN on the host's PIN matrix; the emulated person types one.
  connect.on('ui-request_pin' as never, () =>
    connect.uiResponse({ type: 'ui-receive_pin', payload: '1234' } as never),
  )
  try {
    await initTrezorConnect(connect, transport, options.manifest)
  } catch (error) {
    stopListening()
    connect.dispose()
    throw error
  }

  // Connect re-emits `device-connect` for a device it just dropped; plug() waits for a new one.
  const goneDevices = new Set<string>()
  connect.on('device-disconnect' as never, (device: { path: string }) =>
    goneDevices.add(device.path),
  )
  const connectEvent = (event: string, trigger: () => void) =>
    new Promise<void>((resolve) => {
      connect.on(event as never, function done(device: { path: string }) {
        if (event === 'device-connect' && goneDevices.has(device.path)) return
        connect.off(event as never, done)
        resolve()
      })
      trigger()
    })

  const emulator: TrezorEmulator = {
    connect,
    model,
    firmware,
    get reviews() {
      return device.reviews
    },
    get exchanges() {
      return device.exchanges
    },
    blockedRequests,
    get connected() {
      return device.connected
    },
    get locked() {
      return device.locked
    },
    injectFault: (fault) => device.injectFault(fault),
    clearFaults: () => device.clearFaults(),
    unplug: () =>
      device.connected
        ? connectEvent('device-disconnect', () => device.unplug())
        : Promise.resolve(),
    plug: () =>
      device.connected ? Promise.resolve() : connectEvent('device-connect', () => device.plug()),
    lock: () => {
      device.locked = true
    },
    unlock: () => {
      device.locked = false
    },
    setUser: (user) => {
      device.user = user
    },
    setLatency: (latency) => {
      device.latency = latency
    },
    clearLogs: () => {
      device.clearLogs()
      blockedRequests.length = 0
    },
    dispose: async () => {
      stopListening()
      connect.dispose()
      device.unplug()
    },
  }
  const describe = () => `TrezorEmulator(${model} ${firmware}, TEST KEYS ONLY)`
  Object.defineProperties(emulator, {
    toString: { value: describe },
    [Symbol.for('nodejs.util.inspect.custom')]: { value: describe },
  })
  return emulator
}
