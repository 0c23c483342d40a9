import { loadOnce } from '@airlock/core/utils'
import type Eth from '@ledgerhq/hw-app-eth'
import type { ledgerService as LedgerService } from '@ledgerhq/hw-app-eth'
import type Transport from '@ledgerhq/hw-transport'
import { type Hex, parseTransaction } from 'viem'
import { findSdkExport, isClass } from './findSdkExport.js'
import { importLedgerPackage } from './importLedgerPackage.js'
import { offlineLoadConfig } from './offlineLoadConfig.js'

/** What clear signing resolves for a transaction: ERC-20, NFT and plugin metadata for the app. */
export type ClearSigningResolution = Awaited<
  ReturnType<(typeof LedgerService)['resolveTransaction']>
>

/** `@ledgerhq/hw-app-eth`, set up for the driver: for full EIP-712 and `clearSigning: true`. */
export type HwAppEth = {
  /** An `Eth` app client; `clearSigning` lets it fetch ERC-20, NFT, plugin and EIP-712 metadata. */
  createEth: (transport: Transport, options: { clearSigning: boolean }) => Eth
  /**
   * Asks Ledger's services for what lets the app clear-sign a transaction (ERC-20, NFT, plugins).
   * Blind signing (`null`) when they have nothing or cannot be reached.
   */
  resolveClearSigning: (rawTransaction: string) => Promise<ClearSigningResolution | null>
}

type HwAppEthModule = { default: unknown; ledgerService: typeof LedgerService }

/** `@ledgerhq/hw-app-eth`, imported on first need. */
export const loadHwAppEth: () => Promise<HwAppEth> = loadOnce(async () => {
  const packageName = '@ledgerhq/hw-app-eth'
  const module = findSdkExport<HwAppEthModule>(
    await importLedgerPackage(
      packageName,
      async () => (await import('./browserHwAppEth.js')).hwAppEth,
    ),
    (candidate) => typeof (candidate as Partial<HwAppEthModule>).ledgerService === 'object',
    packageName,
  )
  const EthClass = findSdkExport<typeof Eth>(module.default, isClass, packageName)
  return createHwAppEth(EthClass, module.ledgerService)
})

function createHwAppEth(EthClass: typeof Eth, ledgerService: typeof LedgerService): HwAppEth {
  // hw-app-eth's signTransaction parses the transaction with ethers v5 (`services/ledger/index.ts`
  // `parseTransaction`), which has no type-4 transactions and throws on chain ids and nonces above
  // 2^53 (`handleNumber(...).toNumber()`, ethers-io/ethers.js#3234), and its `getV` (src/utils.ts)
  // throws on a v byte it does not expect. It only needs the type (to chunk) and the chain id (to
  // rebuild v): reporting chain id 0 makes `getV` return the device's v byte as is, which
  // `driver/toYParity` decodes.
  const deviceLedgerService = {
    ...ledgerService,
    parseTransaction: (raw: string) => ({ chainId: 0, type: envelopeType(raw) }),
  } as unknown as typeof ledgerService

  return {
    createEth(transport, { clearSigning }) {
      return new EthClass(
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

/** The EIP-2718 type of a serialized transaction; 0 for legacy. */
function envelopeType(raw: string): number {
  const first = Number.parseInt(raw.replace(/^0x/, '').slice(0, 2), 16)
  return first >= 0xc0 ? 0 : first
}
