import type Transport from '@ledgerhq/hw-transport'

export type LedgerModules = {
  /** A Transport over the connected one for one call; inert once `signal` aborts. */
  CallTransport: new (
    inner: Transport,
    signal: AbortSignal,
  ) => Transport
  /** The `Buffer` hw-transport uses (the global, set from the `buffer` package in browsers). */
  Buffer: typeof Buffer
}

/** The per-call transports the driver builds on `@ledgerhq/hw-transport`, loaded on first device use. */
export function createLedgerModules({
  Transport: BaseTransport,
}: {
  Transport: typeof Transport
}): LedgerModules {
  /**
   * A Transport over the connected one for a single device call. Each call gets its own, so
   * hw-transport's per-transport locks never outlive the call, and once `signal` aborts, nothing
   * the abandoned call still sends reaches the device.
   */
  class CallTransport extends BaseTransport {
    readonly #inner: Transport
    readonly #signal: AbortSignal

    constructor(inner: Transport, signal: AbortSignal) {
      super()
      this.#inner = inner
      this.#signal = signal
      this.deviceModel = inner.deviceModel
    }

    override exchange(apdu: Buffer): Promise<Buffer> {
      const signal = this.#signal
      if (signal.aborted) return Promise.reject(signal.reason)
      return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason)
        signal.addEventListener('abort', onAbort, { once: true })
        this.#inner
          .exchange(apdu)
          .then(resolve, reject)
          .finally(() => signal.removeEventListener('abort', onAbort))
      })
    }

    override setScrambleKey(): void {}

    override close(): Promise<void> {
      return Promise.resolve()
    }
  }

  return {
    CallTransport,
    Buffer: (globalThis as unknown as { Buffer: typeof Buffer }).Buffer,
  }
}
