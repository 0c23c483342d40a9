import type { DeviceOperation } from '../signer/types.js'
import { BaseError } from './base.js'
import type { DeviceErrorParameters } from './device.js'

export type BlindSigningRefusedErrorType = BlindSigningRefusedError & {
  name: 'BlindSigningRefusedError'
}
/**
 * The signer's `blindSigning: 'refuse'` stopped a request that the device would show only as raw
 * data or hashes. Nothing of it reached the device. `reason` says why it is blind, if known.
 *
 * Answered with EIP-1193's 4001 (user rejected): the refusal is a decision made for the user, by
 * the policy the user or the app chose, and like a rejection on the device it must not be retried
 * as it is. 4100 would tell the app to ask for accounts again, 4200 that the method is missing.
 */
export class BlindSigningRefusedError extends BaseError {
  static readonly code = 4001
  readonly code = 4001
  readonly operation: DeviceOperation
  readonly reason: string | undefined
  constructor({
    operation,
    reason,
    ...parameters
  }: DeviceErrorParameters & { operation: DeviceOperation; reason?: string | undefined }) {
    super('Blind signing is refused: the device cannot show this request in clear.', {
      ...parameters,
      details: reason ?? parameters.details,
      metaMessages: parameters.metaMessages ?? [
        'Nothing was sent to the device. The app asked for something the device can show only as raw data or a hash.',
        "Ask the app for a request the device can decode, turn on the signer's clear-signing option where it has one, or allow blind signing (blindSigning: 'allow') for apps and contracts you trust.",
      ],
      name: 'BlindSigningRefusedError',
      rpcCode: 4001,
    })
    this.operation = operation
    this.reason = reason
  }
}
