import { describeValue } from '@airlock/core'

/** What every Trezor Connect failure carries: its code, if any, and its message. */
export type ConnectFailure = { code: string | undefined; message: string }

/**
 * Reads a failed response's payload (`{ error, code }`) or a thrown Connect error
 * (`{ message, code }`). Anything else has no code, and its description for a message.
 */
export function readConnectFailure(error: unknown): ConnectFailure {
  if (!error || typeof error !== 'object') return { code: undefined, message: describeValue(error) }
  const { code, error: text, message } = error as Record<string, unknown>
  return {
    code: typeof code === 'string' && code !== '' ? code : undefined,
    message: typeof text === 'string' ? text : typeof message === 'string' ? message : '',
  }
}
