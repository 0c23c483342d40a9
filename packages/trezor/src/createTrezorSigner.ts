import {
  type CreateHardwareSignerOptions,
  createHardwareSigner,
  type HardwareSigner,
  lazyDriver,
} from '@airlock/core'
import { validateManifest } from './connect/validateManifest.js'
import type { TrezorConnectLike, TrezorManifest } from './types.js'

export type CreateTrezorSignerParameters = CreateHardwareSignerOptions &
  (
    | {
        /**
         * An initialised TrezorConnect to share with the app. Airlock never initialises or disposes it.
         * @default `@trezor/connect-web` in browsers, `@trezor/connect` in Node, loaded and initialised
         * with `manifest` on first use.
         */
        connect?: undefined
        /** Required by Trezor Connect: who is asking. */
        manifest: TrezorManifest
      }
    | { connect: TrezorConnectLike; manifest?: TrezorManifest | undefined }
  )

export type TrezorSigner = HardwareSigner & { readonly source: 'trezor' }

/**
 * A `HardwareSigner` on Trezor Connect. Requests are built and checked before anything reaches the
 * device; Connect's errors become typed Airlock errors; an aborted or timed-out call is cancelled in
 * Connect so that the next one finds the device free. `close()` disposes the TrezorConnect that
 * Airlock loaded (never one passed as `connect`); the next call initialises it again.
 */
export function createTrezorSigner(parameters: CreateTrezorSignerParameters): TrezorSigner {
  const { connect: shared, manifest } = parameters
  const checkedManifest =
    shared === undefined || manifest !== undefined ? validateManifest(manifest) : undefined
  // The driver loads with Trezor Connect, on first device use.
  const driver = lazyDriver({ source: 'trezor', name: 'Trezor' }, async () => {
    const { createTrezorDriver } = await import('./driver/createTrezorDriver.js')
    return createTrezorDriver(shared ? { connect: shared } : { manifest: checkedManifest! })
  })
  return createHardwareSigner(driver, parameters) as TrezorSigner
}
