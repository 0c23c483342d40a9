import { raceAbortSignal } from '@airlock/core/utils'
import type Transport from '@ledgerhq/hw-transport'

/** A Transport over the connected one for a single device call; inert once `signal` aborts. */
export type CallTransportClass = new (inner: Transport, signal: AbortSignal) => Transport

/**
 * The per-call Transport class, built on the `Transport` class of the hw-transport that was
 * loaded. Each call gets its own, so hw-transport's per-transport locks never outlive the call,
 * and once `signal` aborts, nothing the abandoned call still sends reaches the device.
 */
export function defineCallTransport(BaseTransport: typeof Transport): CallTransportClass {
  return class CallTransport extends BaseTransport {
    readonly #inner: Transport
    readonly #signal: AbortSignal

    constructor(inner: Transport, signal: AbortSignal) {
      super()
      this.#inner = inner
      this.#signal = signal
      this.deviceModel = inner.deviceModel
    }

    override async exchange(apdu: Buffer): Promise<Buffer> {
      this.#signal.throwIfAborted()
      return raceAbortSignal(this.#inner.exchange(apdu), this.#signal)
    }

    override setScrambleKey(): void {}

    override close(): Promise<void> {
      return Promise.resolve()
    }
  }
}
