import { TrezorInitError } from '../errors.js'
import { readConnectFailure } from './readConnectFailure.js'

/** The remedy when connect.trezor.io cannot be reached, with or without Connect's code for it. */
export const connectUnreachableRemedy =
  'Check the network, and that no content blocker, firewall or CSP (frame-src) blocks connect.trezor.io, then reload.'

/**
 * Connect 9.7's start-up failures (lib/constants/errors.js), as @trezor/connect,
 * @trezor/connect-web and its popup raise them: what failed, and what to do.
 */
const initFailures: Record<string, readonly [shortMessage: string, remedy: string]> = {
  // connect-web lib/iframe: the iframe's origin reads as "null" or the iframe was removed.
  Init_IframeBlocked: [
    'its iframe (connect.trezor.io) was blocked',
    "Allow connect.trezor.io in content blockers and in this site's CSP (frame-src), then reload.",
  ],
  // connect-web lib/iframe: no answer from the iframe within 10 s.
  Init_IframeTimeout: ['connect.trezor.io did not answer', connectUnreachableRemedy],
  // connect-popup: the popup found no Connect iframe in this page to talk to.
  Popup_ConnectionMissing: [
    'its window could not reach this page',
    'Reload and try again; if it persists, check that no content blocker blocks connect.trezor.io.',
  ],
  // connect-web core-in-suite-desktop: no answer on Suite's local websocket.
  Desktop_ConnectionMissing: [
    'Trezor Suite did not answer',
    'Open the Trezor Suite desktop app, then try again.',
  ],
  Browser_LocalNetworkPermissionMissing: [
    'the browser blocked its way to Trezor Suite',
    'Allow local network access for this site in the browser settings, then try again.',
  ],
  // connect lib/device/DeviceList: no transport started (Bridge, Suite's Bridge, WebUSB, node usb).
  Transport_Missing: [
    'no Trezor Suite, Bridge or WebUSB reaches the device',
    'Open Trezor Suite (or Bridge), or use a browser with WebUSB (Chrome, Edge, Brave).',
  ],
  Init_NotInitialized: [
    'it was not initialised',
    'Call TrezorConnect.init({ manifest }) first, or omit `connect` and let Airlock do it.',
  ],
  Init_AlreadyInitialized: [
    'it was initialised twice',
    'Pass the instance your app initialised as `connect`, or omit `connect`.',
  ],
  Init_ManifestMissing: [
    'it has no manifest',
    'Pass `manifest: { appName, appUrl, email }` (or init the `connect` you pass with one).',
  ],
  // connect lib/index-browser and connect-web: the package is not the one for this environment.
  Method_InvalidPackage: [
    'this package does not run here',
    'Use @trezor/connect-web in browsers and @trezor/connect in Node, or omit `connect`.',
  ],
}

/** Whether a Connect code says that Connect could not start or reach the device. */
export function isTrezorInitCode(code: string): boolean {
  // `Init_*` codes a later Connect may add are start-up failures too.
  return code.startsWith('Init_') || Object.hasOwn(initFailures, code)
}

/**
 * A `TrezorInitError` for a Connect start-up failure (a failed response's payload or a thrown
 * Connect error), with the message and remedy for its code (kept here, with the driver, so that
 * the error class an app imports eagerly stays small).
 */
export function toTrezorInitError(error: unknown): TrezorInitError {
  const { code, message } = readConnectFailure(error)
  const [what, remedy] =
    code !== undefined && Object.hasOwn(initFailures, code) ? initFailures[code]! : []
  const shortMessage = what && `Trezor Connect could not start: ${what}.`
  return new TrezorInitError({
    code,
    cause: error,
    details: message || code,
    shortMessage,
    metaMessages: remedy === undefined ? undefined : [remedy],
  })
}
