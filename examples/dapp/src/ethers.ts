/**
 * The dApp flow through an EIP-1193 provider: `createHardwareProvider` over the device account,
 * handed to ethers v6 `BrowserProvider` as if it were an injected wallet.
 */
import { createHardwareProvider } from '@airlock/provider'
import { BrowserProvider, type JsonRpcSigner } from 'ethers'
import { type Hex, http } from 'viem'
import { loadBundledDescriptors } from './bundledDescriptors.js'
import { chain, rpcUrl } from './chain.js'
import { ledgerTransport, manifest } from './device.js'
import { mountSimplePage } from './simplePage.js'

let signer: JsonRpcSigner | undefined
let providerError: unknown

/**
 * ethers' BrowserProvider rebuilds a provider's error from its code, message and data only
 * (ethers v6 `providers/provider-browser.ts`, `_send`), which drops the Airlock error and its
 * remedy. The page keeps what the provider threw and puts it back as the cause.
 */
async function keepingCause<value>(run: () => Promise<value>): Promise<value> {
  providerError = undefined
  try {
    return await run()
  } catch (error) {
    if (providerError === undefined) throw error
    throw new Error((error as Error).message, { cause: providerError })
  }
}

mountSimplePage({
  async connect(kind, demo) {
    const account =
      kind === 'ledger'
        ? await (await import('@airlock/ledger')).toLedgerAccount({
            transport: await ledgerTransport(demo),
            scheme: 'ledgerLive',
            index: 0,
            descriptors: await loadBundledDescriptors(),
          })
        : await (await import('@airlock/trezor')).toTrezorAccount({
            manifest,
            scheme: 'bip44',
            index: 0,
          })
    const provider = createHardwareProvider({ account, chains: [chain], transport: http(rpcUrl) })
    const eip1193 = {
      request: async (args: { method: string; params?: unknown }) => {
        try {
          return await provider.request(args as never)
        } catch (error) {
          providerError = error
          throw error
        }
      },
      on: provider.on,
      removeListener: provider.removeListener,
    }
    const browser = new BrowserProvider(eip1193, { chainId: chain.id, name: chain.name })
    browser.pollingInterval = 250
    signer = await browser.getSigner()
    return { address: account.address, signer: account.signer }
  },
  signMessage: (message) => keepingCause(async () => (await signer!.signMessage(message)) as Hex),
  signTypedData: ({ domain, types, message }) =>
    keepingCause(async () => (await signer!.signTypedData(domain, types as never, message)) as Hex),
  async send(transaction) {
    const response = await keepingCause(() => signer!.sendTransaction(transaction))
    const receipt = (await response.wait())!
    return {
      hash: response.hash as Hex,
      blockNumber: BigInt(receipt.blockNumber),
      status: receipt.status === 1 ? 'success' : 'reverted',
    }
  },
})
