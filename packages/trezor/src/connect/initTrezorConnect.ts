import { loadOnce } from '@airlock/core/utils'
import type { TrezorConnectLike, TrezorManifest } from '../types.js'

/** The instances Airlock initialises, each with its `init`, shared by every signer on it. */
const initialisations = new WeakMap<TrezorConnectLike, () => Promise<void>>()

/**
 * Initialises a TrezorConnect instance once, however many signers share it, and again after a
 * failure, which it rejects with as Connect threw it. An instance someone else already initialised
 * (`Init_AlreadyInitialized`) is used as it is.
 */
export function initTrezorConnect(
  connect: TrezorConnectLike,
  manifest: TrezorManifest,
): Promise<void> {
  let initialise = initialisations.get(connect)
  if (!initialise) {
    initialise = loadOnce(async () => {
      try {
        await connect.init({ manifest })
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code !== 'Init_AlreadyInitialized') throw error
      }
    })
    initialisations.set(connect, initialise)
  }
  return initialise()
}

/** Disposes an instance Airlock initialised, so that the next call initialises it again. */
export async function disposeTrezorConnect(connect: TrezorConnectLike | undefined): Promise<void> {
  if (!connect || !initialisations.delete(connect)) return
  await connect.dispose()
}
