import type Eth from '@ledgerhq/hw-app-eth'
import type { ledgerService as LedgerService } from '@ledgerhq/hw-app-eth'
import type Transport from '@ledgerhq/hw-transport'
import { type Hex, parseTransaction } from 'viem'

/** What Airlock takes from the Ledger SDK, loaded on first device use. */
export type LedgerSdk = {
  Eth: typeof Eth
  ledgerService: typeof LedgerService
  Transport: typeof Transport
}

export type LedgerModules = {
  /** A Transport over the connected one for one call; inert once `signal` aborts. */
  CallTransport: new (
    inner: Transport,
    signal: AbortSignal,
  ) => Transport
  Buffer: typeof Buffer
  createEth: (transport: Transport, options: { clearSigning: boolean }) => Eth
  resolveClearSigning: (
    rawTransaction: string,
  ) => Promise<Awaited<ReturnType<(typeof LedgerService)['resolveTransaction']>> | null>
}

/** hw-app-eth `LoadConfig` with every service URL off: no ERC-20, NFT, plugin or EIP-712 filter fetches. */
export const offlineLoadConfig = {
  nftExplorerBaseURL: null,
  pluginBaseURL: null,
  extraPlugins: null,
  cryptoassetsBaseURL: null,
  calServiceURL: null,
} as const

/** The pieces the driver builds on the Ledger SDK: an app client, clear-signing metadata, per-call transports. */
export function createLedgerModules(sdk: LedgerSdk): LedgerModules {
  const { ledgerService } = sdk

  // hw-app-eth's signTransaction parses the transaction with ethers v5 (`services/ledger/index.ts`
  // `parseTransaction`), which throws on type-4 transactions and on chain ids and nonces above 2^53
  // (@ethersproject/transactions `handleNumber(...).toNumber()`), and its `getV` (src/utils.ts)
  // throws on a v byte it does not expect. It only needs the type (to chunk) and the chain id (to
  // rebuild v): reporting chain id 0 makes `getV` return the device's v byte as is, which
  // `toYParity` decodes.
  const deviceLedgerService = {
    ...ledgerService,
    parseTransaction: (raw: string) => ({ chainId: 0, type: envelopeType(raw) }),
  } as unknown as typeof ledgerService

  /**
   * A Transport over the connected one for a single device call. Each call gets its own, so
   * hw-transport's per-transport locks never outlive the call, and once `signal` aborts, nothing
   * the abandoned call still sends reaches the device.
   */
  class CallTransport extends sdk.Transport {
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
    /** The `Buffer` hw-transport uses (the global, set from the `buffer` package in browsers). */
    Buffer: (globalThis as unknown as { Buffer: typeof Buffer }).Buffer,

    /** An `Eth` app client; `clearSigning` lets it fetch ERC-20, NFT, plugin and EIP-712 metadata. */
    createEth(transport: Transport, { clearSigning }: { clearSigning: boolean }): Eth {
      return new sdk.Eth(
        transport,
        'w0w',
        clearSigning ? {} : offlineLoadConfig,
        deviceLedgerService,
      )
    },

    /**
     * Asks Ledger's services for what lets the app clear-sign a transaction (ERC-20, NFT,
     * plugins). Blind signing (`null`) when they have nothing or cannot be reached.
     */
    async resolveClearSigning(rawTransaction: string) {
      try {
        const transaction = parseTransaction(`0x${rawTransaction}` as Hex)
        const parsed = {
          ...transaction,
          chainId: transaction.chainId ?? 0,
          data: transaction.data ?? '0x',
        }
        return await ledgerService.resolveTransaction(
          rawTransaction,
          {},
          { erc20: true, externalPlugins: true, nft: true },
          (() => parsed) as never,
        )
      } catch {
        return null
      }
    },
  }
}

function envelopeType(raw: string): number {
  const first = Number.parseInt(raw.replace(/^0x/, '').slice(0, 2), 16)
  return first >= 0xc0 ? 0 : first
}
