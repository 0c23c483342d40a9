import Transport from '@ledgerhq/hw-transport'
import type { Buffer } from 'buffer'

/** Answers one raw APDU with the raw response (data || status word). */
export type ApduExchange = (apdu: Uint8Array) => Promise<Buffer>

/**
 * A real `@ledgerhq/hw-transport` Transport backed by the in-process emulator, so
 * `new Eth(transport)` from `@ledgerhq/hw-app-eth` works unchanged. TEST KEYS ONLY.
 */
export class LedgerEmulatorTransport extends Transport {
  readonly #exchange: ApduExchange

  constructor(exchange: ApduExchange) {
    super()
    this.#exchange = exchange
  }

  override exchange(apdu: Buffer): Promise<Buffer> {
    return this.#exchange(apdu)
  }

  override setScrambleKey(): void {}

  override close(): Promise<void> {
    return Promise.resolve()
  }
}
