import { unwrapDefault } from '@airlock/core/utils'
import { TrezorInitError } from '../errors.js'
import type { TrezorConnectLike } from '../types.js'

/**
 * Imports Trezor Connect: `@trezor/connect-web` in browsers, `@trezor/connect` in Node. Both are
 * optional peers, so apps that never use a Trezor never load them, and importing Airlock on a
 * server touches no `window`.
 */
export async function loadTrezorConnect(): Promise<TrezorConnectLike> {
  const browser = typeof window !== 'undefined' && typeof document !== 'undefined'
  let module: unknown
  try {
    module = browser
      ? await import('@trezor/connect-web')
      : // A variable specifier keeps browser bundlers from resolving the Node package.
        await import(/* webpackIgnore: true */ /* @vite-ignore */ nodePackage)
  } catch (cause) {
    const name = browser ? '@trezor/connect-web' : nodePackage
    throw new TrezorInitError({
      details: `${name} could not be loaded. Install it (it is an optional peer of @airlock/trezor) or pass \`connect\`.`,
      cause,
    })
  }
  const connect = unwrapDefault<TrezorConnectLike>(module, isTrezorConnect)
  if (connect) return connect
  throw new TrezorInitError({ details: 'the Trezor Connect module has no TrezorConnect export' })
}

const nodePackage = '@trezor/connect'

/** Connect's default export (checked with `in` first: vitest's module mocks throw on a missing one). */
function isTrezorConnect(candidate: unknown): boolean {
  return (
    typeof candidate === 'object' && 'init' in candidate! && typeof candidate.init === 'function'
  )
}
