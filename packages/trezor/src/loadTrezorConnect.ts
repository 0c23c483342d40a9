import { describeValue } from '@airlock/core'
import { toTrezorInitError } from './toTrezorInitError.js'
import type { TrezorConnectLike, TrezorManifest } from './types.js'

/**
 * Imports Trezor Connect on first use: `@trezor/connect-web` in browsers, `@trezor/connect` in Node.
 * Both are optional peers, so apps that never use a Trezor never load them, and importing Airlock
 * on a server touches no `window`.
 */
export async function loadTrezorConnect(): Promise<TrezorConnectLike> {
  const browser = typeof window !== 'undefined' && typeof document !== 'undefined'
  const name = browser ? '@trezor/connect-web' : '@trezor/connect'
  let module: unknown
  try {
    module = browser
      ? await import('@trezor/connect-web')
      : // A variable specifier keeps browser bundlers from resolving the Node package.
        await import(/* webpackIgnore: true */ /* @vite-ignore */ nodePackage)
  } catch (cause) {
    throw toTrezorInitError({
      details: `${name} could not be loaded. Install it (it is an optional peer of @airlock/trezor) or pass \`connect\`.`,
      cause,
    })
  }
  return unwrapDefault(module)
}

const nodePackage = '@trezor/connect'

/** CommonJS default exports arrive wrapped once or twice, depending on the bundler. */
function unwrapDefault(module: unknown): TrezorConnectLike {
  let value = module
  for (let depth = 0; depth < 3 && value && typeof value === 'object'; depth++) {
    if ('init' in value && typeof value.init === 'function') return value as TrezorConnectLike
    value = 'default' in value ? value.default : undefined
  }
  throw toTrezorInitError({ details: 'the Trezor Connect module has no TrezorConnect export' })
}

const initialised = new WeakMap<TrezorConnectLike, Promise<void>>()

/**
 * Initialises a TrezorConnect instance once, however many signers share it. An instance someone
 * else already initialised (`Init_AlreadyInitialized`) is used as it is.
 */
export function initTrezorConnect(
  connect: TrezorConnectLike,
  manifest: TrezorManifest,
): Promise<void> {
  let pending = initialised.get(connect)
  if (!pending) {
    pending = Promise.resolve()
      .then(() => connect.init({ manifest }))
      .catch((error: unknown) => {
        if ((error as { code?: unknown } | null)?.code === 'Init_AlreadyInitialized') return
        initialised.delete(connect)
        const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
        throw toTrezorInitError({
          code: typeof code === 'string' ? code : undefined,
          details: typeof message === 'string' ? message : describeValue(error),
          cause: error,
        })
      })
    initialised.set(connect, pending)
  }
  return pending
}

/** Disposes an instance Airlock initialised, so that the next call initialises it again. */
export async function disposeTrezorConnect(connect: TrezorConnectLike | undefined): Promise<void> {
  if (!connect || !initialised.has(connect)) return
  initialised.delete(connect)
  await connect.dispose()
}
