import type {
  BlindSigningPolicy,
  DerivationPath,
  DeviceStatusListener,
  PathScheme,
} from '@airlock/core'
import { createHardwareConnector } from './internal/createHardwareConnector.js'
import { deviceIcon } from './internal/deviceIcon.js'
import type { TrezorConnectLike, TrezorManifest } from './trezorTypes.js'

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
   * The connector's id in wagmi (and its storage key): change it to list two of these.
   * @default 'trezor'
   */
  id?: string | undefined
  /**
   * The name wallet pickers show.
   * @default 'Trezor'
   */
  name?: string | undefined
  /**
   * The icon wallet pickers show: a URL, usually `data:`.
   * @default a neutral Trezor device glyph (not Trezor's mark)
   */
  icon?: string | undefined
  /**
   * Gets the device's status from the first connect on: connecting, unlock it, open the app,
   * confirm on it (in clear or blind), done, failed. For what a picker or the page tells the user.
   */
  onStatus?: DeviceStatusListener | undefined
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

/** A device with a screen and two buttons: the Trezor glyph pickers show by default. */
const trezorIcon = deviceIcon(
  '<rect x="4.5" y="2.5" width="7" height="11" rx="1"/><path d="M6.5 4.5h3v3h-3zM6 11h1m2 0h1"/>',
)

trezor.type = 'trezor' as const
/**
 * A wagmi connector for a Trezor, through Trezor Connect. `@airlock/trezor` (and Trezor Connect)
 * is imported on connect, not before. On page load, wagmi reconnects only a user who connected and
 * did not disconnect; only then is Trezor Connect loaded.
 */
export function trezor(parameters: TrezorParameters) {
  const {
    id = 'trezor',
    name = 'Trezor',
    icon = trezorIcon,
    onStatus,
    path,
    scheme = 'bip44',
    index = 0,
    ...device
  } = parameters
  return createHardwareConnector({
    id,
    name,
    icon,
    type: trezor.type,
    rdns: 'io.github.airlock.trezor',
    async getSigner() {
      const { createTrezorSigner } = await import('@airlock/trezor')
      return createTrezorSigner(device as Parameters<typeof createTrezorSigner>[0])
    },
    location: path ? { path } : { scheme, index },
    onStatus,
    // Trezor Connect finds the device itself; it is loaded only for a user who connected before.
    canReconnect: async () => true,
  })
}
