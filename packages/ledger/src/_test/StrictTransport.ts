import type { LedgerEmulator } from '@airlock/emulator'
import Transport from '@ledgerhq/hw-transport'

/**
 * The emulator's transport behind hw-transport's `exchangeAtomicImpl`, as WebUSB, WebHID and
 * node-hid use it: a second exchange while one is pending throws `TransportRaceCondition`.
 */
export class StrictTransport extends Transport {
  readonly #emulator: LedgerEmulator
  closed = false

  constructor(emulator: LedgerEmulator) {
    super()
    this.#emulator = emulator
  }

  override exchange(apdu: Buffer): Promise<Buffer> {
    return this.exchangeAtomicImpl(() => this.#emulator.transport.exchange(apdu))
  }

  override setScrambleKey(): void {}

  override async close(): Promise<void> {
    this.closed = true
  }
}
