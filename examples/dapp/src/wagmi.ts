/** The dApp flow through wagmi: `@airlock/wagmi` connectors in a config, and wagmi's actions. */
import type { HardwareProvider } from '@airlock/provider'
import { ledger, trezor } from '@airlock/wagmi'
import {
  type Config,
  connect,
  createConfig,
  sendTransaction,
  signMessage,
  signTypedData,
  waitForTransactionReceipt,
} from '@wagmi/core'
import { http } from 'viem'
import { loadBundledDescriptors } from './bundledDescriptors.js'
import { chain, rpcUrl } from './chain.js'
import { ledgerTransport, manifest } from './device.js'
import { mountSimplePage } from './simplePage.js'

let config: Config | undefined

mountSimplePage({
  async connect(kind, demo) {
    const connector =
      kind === 'ledger'
        ? ledger({
            transport: await ledgerTransport(demo),
            scheme: 'ledgerLive',
            index: 0,
            descriptors: await loadBundledDescriptors(),
          })
        : trezor({ manifest, scheme: 'bip44', index: 0 })
    config = createConfig({
      chains: [chain],
      connectors: [connector],
      transports: { [chain.id]: http(rpcUrl) },
    })
    const { accounts } = await connect(config, { connector: config.connectors[0]! })
    const provider = (await config.connectors[0]!.getProvider()) as HardwareProvider
    return { address: accounts[0], signer: provider.accounts[0]!.signer }
  },
  signMessage: (message) => signMessage(config!, { message }),
  signTypedData: (typedData) => signTypedData(config!, typedData),
  async send(transaction) {
    const hash = await sendTransaction(config!, transaction)
    const receipt = await waitForTransactionReceipt(config!, { hash, pollingInterval: 250 })
    return { hash, blockNumber: receipt.blockNumber, status: receipt.status }
  },
})
