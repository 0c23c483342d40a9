import type { DeviceOperation } from '../signer/types.js'
import { BaseError } from './base.js'
import type { DeviceErrorParameters } from './device.js'

export type BlindSigningRefusedErrorType = BlindSigningRefusedError & {
  name: 'BlindSigningRefusedError'
}
/**
 * The signer's `blindSigning: 'refuse'` stopped a request that the device would show only as raw
 * data or hashes, before the device was asked to sign it: nothing was signed, though the device may
 * have received (and refused) the clear-signing data sent to find out. `details` says why it is
 * blind, if known.
 *
 * Answered with EIP-1193's 4001 (user rejected): the refusal is a decision made for the user, by
 * the policy the user or the app chose, and like a rejection on the device it must not be retried
 * as it is. 4100 would tell the app to ask for accounts again, 4200 that the method is missing.
 */
export class BlindSigningRefusedError extends BaseError {
  static readonly code = 4001
  readonly code = 4001
  readonly operation: DeviceOperation
  constructor({
    operation,
    reason,
    ...parameters
  }: DeviceErrorParameters & { operation: DeviceOperation; reason?: string | undefined }) {
    // The policy that throws it (signer/internal/refuseBlindSigning.ts) gives the full remedy: the
    // class, in every app's first load, stays small.
    super('Blind signing refused: the device cannot show this in clear.', {
      metaMessages: ['Nothing was signed. Allow blind signing, then try again.'],
      ...parameters,
      details: reason,
      name: 'BlindSigningRefusedError',
      rpcCode: 4001,
    })
    this.operation = operation
  }
}
