import { version } from './version.js'

export type BaseErrorParameters = {
  cause?: unknown
  details?: string | undefined
  /** Lines that tell the user what to do, shown under the short message. */
  metaMessages?: readonly string[] | undefined
  name?: string | undefined
  /**
   * The EIP-1193 / EIP-1474 code a provider answers with (4001 rejected, 4100 unauthorized, 4200
   * unsupported, 4900 disconnected, -32602 invalid params, -32002 unavailable).
   * @default -32603 (internal error)
   */
  rpcCode?: number | undefined
}

export type BaseErrorType = BaseError & { name: 'AirlockError' }

/**
 * The root of every Airlock error, in viem's style: a short message, remedy lines, details and a
 * cause chain that `walk` follows.
 */
export class BaseError extends Error {
  override name = 'AirlockError'
  readonly shortMessage: string
  readonly details: string | undefined
  readonly metaMessages: readonly string[] | undefined
  /** The EIP-1193 / EIP-1474 code a provider answers this error with. */
  readonly rpcCode: number
  readonly version = `@airlock/core@${version}`

  constructor(shortMessage: string, parameters: BaseErrorParameters = {}) {
    const details =
      parameters.details ??
      (parameters.cause instanceof BaseError
        ? parameters.cause.details
        : parameters.cause instanceof Error
          ? parameters.cause.message
          : undefined)
    const message = [
      shortMessage,
      ...(parameters.metaMessages?.length ? ['', ...parameters.metaMessages] : []),
      ...(details ? ['', `Details: ${details}`] : []),
      `Version: @airlock/core@${version}`,
    ].join('\n')
    super(message, parameters.cause !== undefined ? { cause: parameters.cause } : undefined)
    this.shortMessage = shortMessage
    this.details = details
    this.metaMessages = parameters.metaMessages
    this.rpcCode = parameters.rpcCode ?? -32603
    if (parameters.name) this.name = parameters.name
  }

  /** Follows the cause chain; returns the first error `fn` accepts, or the deepest one. */
  walk(fn?: (error: unknown) => boolean): unknown {
    return walk(this, fn)
  }
}

function walk(error: unknown, fn?: (error: unknown) => boolean): unknown {
  if (fn?.(error)) return error
  if (error && typeof error === 'object' && 'cause' in error && error.cause !== undefined)
    return walk(error.cause, fn)
  return fn ? null : error
}
