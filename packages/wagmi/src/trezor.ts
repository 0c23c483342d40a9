import type { BlindSigningPolicy, DerivationPath, PathScheme } from '@airlock/core'
import type { ToTrezorAccountParameters, TrezorConnectLike, TrezorManifest } from '@airlock/trezor'
import { createHardwareConnector } from './internal/createHardwareConnector.js'

export type TrezorParameters = (
  | {
      /** Who is asking, as Trezor Connect requires: `{ appName, appUrl, email }`. */
      manifest: TrezorManifest
      /**
       * An initialised TrezorConnect to share with the app.
       * @default `@trezor/connect-web`, imported on connect and initialised with `manifest`
       */
      connect?: undefined
    }
  | { manifest?: TrezorManifest | undefined; connect: TrezorConnectLike }
) & {
  /**
   * The account's derivation path. Takes precedence over `scheme` and `index`.
   * @default undefined
   */
  path?: DerivationPath | undefined
  /**
   * The derivation-path scheme the account is found with (Trezor Suite uses `bip44`).
   * @default 'bip44'
   */
  scheme?: PathScheme | undefined
  /**
   * The account's index in `scheme`.
   * @default 0
   */
  index?: number | undefined
  /**
   * How long a device call may wait, user review included, in ms.
   * @default 300_000
   */
  timeout?: number | undefined
  /**
   * `'refuse'`: a request the device would show only blind (raw contract data, hashes) is refused
   * with `BlindSigningRefusedError` (EIP-1193 4001) before it reaches the device.
   * @default 'allow'
   */
  blindSigning?: BlindSigningPolicy | undefined
}

trezor.type = 'trezor' as const
/**
 * A wagmi connector for a Trezor, through Trezor Connect. `@airlock/trezor` (and Trezor Connect)
 * is imported on connect, not before. On page load, wagmi reconnects only a user who connected and
 * did not disconnect; only then is Trezor Connect loaded.
 */
export function trezor(parameters: TrezorParameters) {
  const { path, scheme = 'bip44', index = 0, ...device } = parameters
  return createHardwareConnector({
    id: 'trezor',
    name: 'Trezor',
    type: trezor.type,
    rdns: 'io.github.airlock.trezor',
    async getAccount() {
      const { toTrezorAccount } = await import('@airlock/trezor')
      const location = path ? { path } : { scheme, index }
      return toTrezorAccount({ ...device, ...location } as ToTrezorAccountParameters)
    },
    // Trezor Connect finds the device itself; it is loaded only for a user who connected before.
    canReconnect: async () => true,
  })
}
