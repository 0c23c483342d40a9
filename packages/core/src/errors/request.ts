import { BaseError } from './base.js'

export type InvalidRequestErrorType = InvalidRequestError & { name: 'InvalidRequestError' }
/** The request is malformed; nothing was sent to the device. */
export class InvalidRequestError extends BaseError {
  constructor({ reason, cause }: { reason: string; cause?: unknown }) {
    super('The request is invalid and was not sent to the device.', {
      cause,
      details: reason,
      metaMessages: ['Fix the request and try again.'],
      name: 'InvalidRequestError',
      rpcCode: -32602,
    })
  }
}

export type InvalidPathErrorType = InvalidPathError & { name: 'InvalidPathError' }
export class InvalidPathError extends BaseError {
  readonly path: string
  constructor({ path, reason }: { path: string; reason: string }) {
    super(`Invalid derivation path "${path}".`, {
      details: reason,
      metaMessages: [`Use a path like "m/44'/60'/0'/0/0" (hardened with ' or h).`],
      name: 'InvalidPathError',
      rpcCode: -32602,
    })
    this.path = path
  }
}

export type ChainIdMismatchErrorType = ChainIdMismatchError & { name: 'ChainIdMismatchError' }
export class ChainIdMismatchError extends BaseError {
  readonly expected: number
  readonly actual: number
  constructor({ expected, actual }: { expected: number; actual: number }) {
    super(`The request is for chain ${actual}, but the wallet is on chain ${expected}.`, {
      metaMessages: [
        `Switch the wallet to chain ${actual}, or build the request for chain ${expected}.`,
      ],
      name: 'ChainIdMismatchError',
      rpcCode: -32602,
    })
    this.expected = expected
    this.actual = actual
  }
}
