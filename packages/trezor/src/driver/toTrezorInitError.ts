import { TrezorInitError } from '../errors.js'
import { readConnectFailure } from './readConnectFailure.js'

/** The remedy when connect.trezor.io cannot be reached, with or without Connect's code for it. */
export const connectUnreachableRemedy =
  'Check the network, and that no content blocker, firewall or Content-Security-Policy (frame-src) blocks connect.trezor.io, then reload the page.'

/**
 * Connect 9.7's start-up failures (lib/constants/errors.js), as @trezor/connect,
 * @trezor/connect-web and its popup raise them: what failed, and what to do.
 */
const initFailures: Record<string, readonly [shortMessage: string, remedy: string]> = {
  // connect-web lib/iframe: the iframe's origin reads as "null" or the iframe was removed.
  Init_IframeBlocked: [
    'Trezor Connect could not start: its iframe (connect.trezor.io) was blocked.',
    "Allow connect.trezor.io in content blockers and in this site's Content-Security-Policy (frame-src), then reload the page.",
  ],
  // connect-web lib/iframe: no answer from the iframe within 10 s.
  Init_IframeTimeout: [
    'Trezor Connect could not start: connect.trezor.io did not answer.',
    connectUnreachableRemedy,
  ],
  // connect-popup: the popup found no Connect iframe in this page to talk to.
  Popup_ConnectionMissing: [
    'Trezor Connect could not start: its window could not reach this page.',
    'Reload the page and try again; if it persists, check that no content blocker or privacy setting blocks connect.trezor.io.',
  ],
  // connect-web core-in-suite-desktop: no answer on Suite's local websocket.
  Desktop_ConnectionMissing: [
    'Trezor Connect could not reach Trezor Suite.',
    'Open the Trezor Suite desktop app on this computer, then try again.',
  ],
  Browser_LocalNetworkPermissionMissing: [
    'The browser did not let Trezor Connect reach Trezor Suite on this computer.',
    "Allow local network access for this site in the browser's site settings, then try again.",
  ],
  // connect lib/device/DeviceList: no transport started (Bridge, Suite's Bridge, WebUSB, node usb).
  Transport_Missing: [
    'Trezor Connect found no Trezor Suite, Bridge or WebUSB to reach the device.',
    'Install and open Trezor Suite (or Trezor Bridge), or use a browser with WebUSB (Chrome, Edge, Brave), then try again.',
  ],
  Init_NotInitialized: [
    'Trezor Connect was not initialised.',
    'Call TrezorConnect.init({ manifest }) before passing the instance, or let Airlock own it (omit `connect`).',
  ],
  Init_AlreadyInitialized: [
    'Trezor Connect was initialised twice.',
    'Initialise it once: pass the instance your app initialised as `connect`, or omit `connect` and let Airlock initialise it.',
  ],
  Init_ManifestMissing: [
    'Trezor Connect has no manifest.',
    'Pass `manifest: { appName, appUrl, email }`, or call TrezorConnect.init({ manifest }) on the instance you pass as `connect`.',
  ],
  // connect lib/index-browser and connect-web: the package is not the one for this environment.
  Method_InvalidPackage: [
    'This Trezor Connect package does not work here.',
    'Use @trezor/connect-web in browsers and @trezor/connect in Node, or omit `connect` so that Airlock loads the right one.',
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
  const [shortMessage, remedy] =
    code !== undefined && Object.hasOwn(initFailures, code) ? initFailures[code]! : []
  return new TrezorInitError({
    code,
    cause: error,
    details: message || code,
    shortMessage,
    metaMessages: remedy === undefined ? undefined : [remedy],
  })
}
