import type * as HwTransportModule from '@ledgerhq/hw-transport'
import type { Buffer } from 'buffer'
import { Transport } from '#hw-transport'
import type { LedgerModel } from '../types.js'

const productNames: Record<LedgerModel, string> = {
  nanoS: 'Ledger Nano S',
  nanoSP: 'Ledger Nano S Plus',
  nanoX: 'Ledger Nano X',
  stax: 'Ledger Stax',
  flex: 'Ledger Flex',
}

/** Answers one raw APDU with the raw response (data || status word). */
export type ApduExchange = (apdu: Uint8Array) => Promise<Buffer>

/**
 * A real `@ledgerhq/hw-transport` Transport backed by the in-process emulator, so
 * `new Eth(transport)` from `@ledgerhq/hw-app-eth` works unchanged. TEST KEYS ONLY.
 */
/**
 * hw-transport's `Transport` class, however the app's TypeScript reads its CommonJS declarations:
 * under `node16`/`nodenext` an ES module's default import of them is the whole `module.exports`,
 * whose `default` is the class; under `bundler` it is the class itself.
 */
type HwTransportClass = DefaultExport<typeof HwTransportModule.default>
type DefaultExport<module> = module extends { default: infer exported } ? exported : module

// Typed as the package itself so that declarations name `@ledgerhq/hw-transport`, not `#hw-transport`.
const TransportBase: HwTransportClass = Transport

export class LedgerEmulatorTransport extends TransportBase {
  readonly #exchange: ApduExchange

  constructor(exchange: ApduExchange, model?: LedgerModel) {
    super()
    this.#exchange = exchange
    // The shape hw-transport's USB transports set from @ledgerhq/devices; Ledger Flex is `europa`.
    if (model)
      this.deviceModel = {
        id: model === 'flex' ? 'europa' : model,
        productName: productNames[model],
      } as never
  }

  // Unlike WebUSB/HID, no exchangeAtomicImpl guard here: a `no-answer` fault would hold it forever
  // on this never-closed instance. @airlock/ledger tests races with its own StrictTransport.
  override exchange(apdu: Buffer): Promise<Buffer> {
    return this.#exchange(apdu)
  }

  override setScrambleKey(): void {}

  override close(): Promise<void> {
    return Promise.resolve()
  }
}
