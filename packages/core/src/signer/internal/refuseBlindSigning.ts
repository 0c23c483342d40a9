import { BlindSigningRefusedError } from '../../errors/blindSigning.js'
import type { DeviceOperation, DeviceStatus } from '../types.js'

const remedy = [
  'Nothing was signed. The app asked for something the device can show only as raw data or a hash.',
  "Ask the app for a request the device can decode, turn on the signer's clear-signing option where it has one, or allow blind signing (blindSigning: 'allow') for apps and contracts you trust.",
]

type Context = { signal: AbortSignal; status: (status: DeviceStatus) => void }

/**
 * Runs one call of a signer with `blindSigning: 'refuse'`; loaded only by such signers. For a
 * signing operation, the driver reports through a `status` that throws `BlindSigningRefusedError`
 * on a confirm-on-device that is not `'clear'` (a missing `display` counts as blind): drivers
 * report it just before they send the signing request, so the device never gets it. A driver that
 * signed without saying the request was clear loses the signature to the same error.
 */
export async function refuseBlindSigning<context extends Context, result>(
  operation: DeviceOperation,
  run: (context: context) => Promise<result>,
  context: context,
): Promise<result> {
  if (!operation.startsWith('sign')) return run(context)
  // The call may have been aborted while this module loaded.
  context.signal.throwIfAborted()
  let clear = false
  const result = await run({
    ...context,
    status(status: DeviceStatus) {
      if (status.type === 'confirm-on-device') {
        if (status.display !== 'clear')
          throw new BlindSigningRefusedError({
            operation,
            reason: status.reason,
            metaMessages: remedy,
          })
        clear = true
      }
      context.status(status)
    },
  })
  if (!clear)
    throw new BlindSigningRefusedError({
      operation,
      reason: 'the driver did not say whether the device showed the request in clear',
      metaMessages: [
        'The signature was discarded: the signer cannot tell whether the device showed the request in clear.',
        "Use a driver that reports how the device shows each request, or allow blind signing (blindSigning: 'allow').",
      ],
    })
  return result
}
