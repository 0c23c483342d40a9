import { raceAbortSignal } from '@airlock/core/utils'
import type Transport from '@ledgerhq/hw-transport'
import type { OpenLedgerTransport } from '../types.js'

/** A Transport over the connected one for a single device call; inert once `signal` aborts. */
export type CallTransportClass = new (inner: OpenLedgerTransport, signal: AbortSignal) => Transport

/**
 * The per-call Transport class, built on the `Transport` class of the hw-transport that was
 * loaded. Each call gets its own, so hw-transport's per-transport locks never outlive the call,
 * and once `signal` aborts, nothing the abandoned call still sends reaches the device.
 */
export function defineCallTransport(BaseTransport: typeof Transport): CallTransportClass {
  return class CallTransport extends BaseTransport {
    readonly #inner: OpenLedgerTransport
    readonly #signal: AbortSignal

    constructor(inner: OpenLedgerTransport, signal: AbortSignal) {
      super()
      this.#inner = inner
      this.#signal = signal
      this.deviceModel = inner.deviceModel as Transport['deviceModel']
    }

    override async exchange(apdu: Buffer): Promise<Buffer> {
      this.#signal.throwIfAborted()
      // Every Ledger transport answers with a Buffer; the public type only promises its bytes.
      return raceAbortSignal(this.#inner.exchange(apdu), this.#signal) as Promise<Buffer>
    }

    override setScrambleKey(): void {}

    override close(): Promise<void> {
      return Promise.resolve()
    }
  }
}
