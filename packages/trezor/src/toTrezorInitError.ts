import { TrezorInitError } from './errors.js'

/**
 * Connect 9.7's start-up failures (lib/constants/errors.js), as @trezor/connect, @trezor/connect-web
 * and its popup raise them.
 */
const initFailures: Record<string, { shortMessage: string; metaMessages: readonly string[] }> = {
  // connect-web lib/iframe: the iframe's origin reads as "null" or the iframe was removed.
  Init_IframeBlocked: {
    shortMessage: 'Trezor Connect could not start: its iframe (connect.trezor.io) was blocked.',
    metaMessages: [
      "Allow connect.trezor.io in content blockers and in this site's Content-Security-Policy (frame-src), then reload the page.",
    ],
  },
  // connect-web lib/iframe: no answer from the iframe within 10 s.
  Init_IframeTimeout: {
    shortMessage: 'Trezor Connect could not start: connect.trezor.io did not answer.',
    metaMessages: [
      'Check the network, and that no content blocker, firewall or Content-Security-Policy (frame-src) blocks connect.trezor.io, then reload the page.',
    ],
  },
  // connect-popup: the popup found no Connect iframe in this page to talk to.
  Popup_ConnectionMissing: {
    shortMessage: 'Trezor Connect could not start: its window could not reach this page.',
    metaMessages: [
      'Reload the page and try again; if it persists, check that no content blocker or privacy setting blocks connect.trezor.io.',
    ],
  },
  // connect-web core-in-suite-desktop: no answer on Suite's local websocket.
  Desktop_ConnectionMissing: {
    shortMessage: 'Trezor Connect could not reach Trezor Suite.',
    metaMessages: ['Open the Trezor Suite desktop app on this computer, then try again.'],
  },
  Browser_LocalNetworkPermissionMissing: {
    shortMessage: 'The browser did not let Trezor Connect reach Trezor Suite on this computer.',
    metaMessages: [
      "Allow local network access for this site in the browser's site settings, then try again.",
    ],
  },
  // connect lib/device/DeviceList: no transport started (Bridge, Suite's Bridge, WebUSB, node usb).
  Transport_Missing: {
    shortMessage: 'Trezor Connect found no Trezor Suite, Bridge or WebUSB to reach the device.',
    metaMessages: [
      'Install and open Trezor Suite (or Trezor Bridge), or use a browser with WebUSB (Chrome, Edge, Brave), then try again.',
    ],
  },
  Init_NotInitialized: {
    shortMessage: 'Trezor Connect was not initialised.',
    metaMessages: [
      'Call TrezorConnect.init({ manifest }) before passing the instance, or let Airlock own it (omit `connect`).',
    ],
  },
  Init_AlreadyInitialized: {
    shortMessage: 'Trezor Connect was initialised twice.',
    metaMessages: [
      'Initialise it once: pass the instance your app initialised as `connect`, or omit `connect` and let Airlock initialise it.',
    ],
  },
  Init_ManifestMissing: {
    shortMessage: 'Trezor Connect has no manifest.',
    metaMessages: [
      'Pass `manifest: { appName, appUrl, email }`, or call TrezorConnect.init({ manifest }) on the instance you pass as `connect`.',
    ],
  },
  // connect lib/index-browser and connect-web: the package is not the one for this environment.
  Method_InvalidPackage: {
    shortMessage: 'This Trezor Connect package does not work here.',
    metaMessages: [
      'Use @trezor/connect-web in browsers and @trezor/connect in Node, or omit `connect` so that Airlock loads the right one.',
    ],
  },
}

/**
 * A `TrezorInitError` with the message and remedy for Connect's `code` (kept here, with the
 * driver, so that the error class an app imports eagerly stays small).
 */
export function toTrezorInitError({
  code,
  cause,
  details,
  metaMessages,
}: {
  code?: string | undefined
  cause?: unknown
  details?: string | undefined
  metaMessages?: readonly string[] | undefined
}): TrezorInitError {
  const failure =
    code !== undefined && Object.hasOwn(initFailures, code) ? initFailures[code] : undefined
  return new TrezorInitError({
    code,
    cause,
    details,
    shortMessage: failure?.shortMessage,
    metaMessages: metaMessages ?? failure?.metaMessages,
  })
}
