import type { Address } from 'viem'
import { BaseError } from './base.js'

export type SignatureMismatchErrorType = SignatureMismatchError & { name: 'SignatureMismatchError' }
/** The device returned a signature that does not recover to the account. It was discarded. */
export class SignatureMismatchError extends BaseError {
  readonly expected: Address
  readonly recovered: Address | undefined
  constructor({
    expected,
    recovered,
    cause,
  }: { expected: Address; recovered?: Address; cause?: unknown }) {
    super('The device returned a signature that is not from this account. It was discarded.', {
      cause,
      details: `expected ${expected}, recovered ${recovered ?? 'nothing (malformed signature)'}`,
      metaMessages: [
        'Check the device and passphrase in use, reconnect it, then try again.',
        'If it persists, stop: the device or the connection to it may be compromised.',
      ],
      name: 'SignatureMismatchError',
    })
    this.expected = expected
    this.recovered = recovered
  }
}

export type DeviceAddressMismatchErrorType = DeviceAddressMismatchError & {
  name: 'DeviceAddressMismatchError'
}
/** The device shows (or derives) another address than the account's. */
export class DeviceAddressMismatchError extends BaseError {
  readonly expected: Address
  readonly actual: Address
  constructor({ expected, actual }: { expected: Address; actual: Address }) {
    super('The device derives another address than this account.', {
      details: `expected ${expected}, device ${actual}`,
      metaMessages: [
        'Check that the right device, passphrase and derivation path are in use.',
        'Do not use this account until the address on the device matches.',
      ],
      name: 'DeviceAddressMismatchError',
    })
    this.expected = expected
    this.actual = actual
  }
}
