import { BlindSigningRefusedError } from '../../errors/blindSigning.js'
import type { DeviceOperation, DeviceStatus } from '../types.js'

/**
 * `blindSigning: 'refuse'` for one signing call, loaded only by signers that refuse. `status` is
 * what the driver reports through: a confirm-on-device that is not `'clear'` (a missing `display`
 * counts as blind) throws `BlindSigningRefusedError` into the driver, which reports it just before
 * it sends the signing request, so the device never gets it. `check` runs on the driver's result:
 * a driver that signed without saying the request was clear loses the signature to the same error.
 */
export function refuseBlindSigning(
  operation: DeviceOperation,
  emit: (status: DeviceStatus) => void,
) {
  let clear = false
  return {
    status(status: DeviceStatus) {
      if (status.type === 'confirm-on-device') {
        if (status.display !== 'clear')
          throw new BlindSigningRefusedError({ operation, reason: status.reason })
        clear = true
      }
      emit(status)
    },
    check() {
      if (!clear)
        throw new BlindSigningRefusedError({
          operation,
          reason: 'the driver did not say whether the device showed the request in clear',
          metaMessages: [
            'The signature was discarded: the signer cannot tell whether the device showed the request in clear.',
            "Use a driver that reports how the device shows each request, or allow blind signing (blindSigning: 'allow').",
          ],
        })
    },
  }
}
