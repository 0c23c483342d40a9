import type TrezorConnectDefault from '@trezor/connect'
import { routeCrossFetch, withOfflineGlobalFetch } from './offline.js'
import type { TrezorManifest } from './types.js'

/** A TrezorConnect instance with Connect's full API: the type of `@trezor/connect`'s default export. */
export type ConnectInstance = typeof TrezorConnectDefault

/** Thrown when the optional peer dependency `@trezor/connect` is not installed. */
export class TrezorConnectMissingError extends Error {
  override name = 'TrezorConnectMissingError'
  constructor(cause: unknown) {
    super(
      'The Trezor emulator needs the optional peer dependency @trezor/connect (9.7.x): npm install --save-dev @trezor/connect',
      {
        cause,
      },
    )
  }
}

/** The manifest the emulator's Connect is initialised with unless one is given. */
export const trezorEmulatorManifest: TrezorManifest = {
  appName: 'Airlock Trezor emulator',
  appUrl: 'https://airlock.invalid',
  email: 'emulator@airlock.invalid',
}

/**
 * A TrezorConnect instance of its own. `@trezor/connect`'s default export is a module-level singleton
 * (`init` twice throws `Init_AlreadyInitialized`), so this evaluates a fresh copy of its entry module
 * (lib/index.js) and leaves Node's module cache as it found it: the app's own `TrezorConnect` stays a
 * separate instance. The rest of Connect's modules are shared, including the static `DataManager`
 * whose settings the last `init` in the process overwrites; with the same options that is harmless.
 */
export async function loadTrezorConnect(): Promise<ConnectInstance> {
  const { createRequire } = await import('node:module')
  const require = createRequire(import.meta.url)
  let entry: string
  try {
    entry = require.resolve('@trezor/connect')
  } catch (error) {
    throw new TrezorConnectMissingError(error)
  }
  const requireFromConnect = createRequire(entry)
  routeCrossFetch(requireFromConnect)
  const cached = require.cache[entry]
  delete require.cache[entry]
  try {
    return (require(entry) as { default: ConnectInstance }).default
  } finally {
    if (cached) require.cache[entry] = cached
    else delete require.cache[entry]
  }
}

/** Options the emulator passes to `TrezorConnect.init`. */
export type EmulatorConnectSettings = Parameters<ConnectInstance['init']>[0] & {
  readonly transportReconnect?: boolean
}

let initQueue: Promise<unknown> = Promise.resolve()

/**
 * Initialises `connect` on `transport` with no request leaving the process. Inits are serialised:
 * Connect's `Core.init` reads its settings back from the process-wide `DataManager` after an await, so
 * two concurrent inits would both start on the transports of the last one.
 */
export async function initTrezorConnect(
  connect: ConnectInstance,
  transport: unknown,
  manifest: TrezorManifest = trezorEmulatorManifest,
): Promise<EmulatorConnectSettings> {
  const settings = {
    manifest,
    transports: [transport],
    pendingTransportEvent: true,
    transportReconnect: false,
    lazyLoad: false,
    popup: false,
    debug: false,
  } as EmulatorConnectSettings
  const init = initQueue.then(() => withOfflineGlobalFetch(() => connect.init(settings)))
  initQueue = init.catch(() => {})
  await init
  return settings
}

/**
 * The `firmware_revision` Connect bundles for a release, so the emulator can report it and Connect
 * checks the revision offline. `undefined` for releases Connect does not bundle.
 */
export async function bundledFirmwareRevision(
  model: string,
  firmware: string,
): Promise<string | undefined> {
  const { createRequire } = await import('node:module')
  const require = createRequire(createRequire(import.meta.url).resolve('@trezor/connect'))
  const name = model.toLowerCase()
  try {
    const release = require(
      `@trezor/connect-common/files/firmware/${name}/universal/${name}-${firmware}-universal.json`,
    ) as { firmware_revision?: string }
    return release.firmware_revision
  } catch {
    return undefined
  }
}
