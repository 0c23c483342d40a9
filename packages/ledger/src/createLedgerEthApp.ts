import type Eth from '@ledgerhq/hw-app-eth'
import type { ledgerService as LedgerService } from '@ledgerhq/hw-app-eth'
import type Transport from '@ledgerhq/hw-transport'
import { type Hex, parseTransaction } from 'viem'

export type LedgerEthApp = {
  /** An `Eth` app client; `clearSigning` lets it fetch ERC-20, NFT, plugin and EIP-712 metadata. */
  createEth: (transport: Transport, options: { clearSigning: boolean }) => Eth
  /**
   * Asks Ledger's services for what lets the app clear-sign a transaction (ERC-20, NFT, plugins).
   * Blind signing (`null`) when they have nothing or cannot be reached.
   */
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

/** What the driver builds on `@ledgerhq/hw-app-eth`, loaded for full EIP-712 and clear signing. */
export function createLedgerEthApp(sdk: {
  Eth: typeof Eth
  ledgerService: typeof LedgerService
}): LedgerEthApp {
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

  return {
    createEth(transport, { clearSigning }) {
      return new sdk.Eth(
        transport,
        'w0w',
        clearSigning ? {} : offlineLoadConfig,
        deviceLedgerService,
      )
    },

    async resolveClearSigning(rawTransaction) {
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
