import type { HardwareAccount } from '@airlock/core'
import type { HardwareProvider } from '@airlock/provider'
import { ChainNotConfiguredError, type Connector, createConnector } from '@wagmi/core'
import { type Address, getAddress, numberToHex, SwitchChainError } from 'viem'

export type CreateHardwareConnectorParameters<type extends string> = {
  id: string
  name: string
  type: type
  rdns: string
  /** Loads the device package and reads the account from the device. Called on connect. */
  getAccount: () => Promise<HardwareAccount>
}

/**
 * The connector both devices share: a `createHardwareProvider` over one device account, built on
 * the first connect (that is when the device package is imported and the device is first asked).
 * Wagmi never reconnects on load: a device needs the user to pick it again.
 */
export function createHardwareConnector<type extends string>({
  getAccount,
  ...meta
}: CreateHardwareConnectorParameters<type>) {
  type Properties = Record<string, unknown>

  let provider_: HardwareProvider | undefined
  let loading: Promise<HardwareProvider> | undefined
  let chainId_: number | undefined
  let accountsChanged: Connector['onAccountsChanged'] | undefined
  let chainChanged: Connector['onChainChanged'] | undefined
  let disconnect: Connector['onDisconnect'] | undefined

  return createConnector<HardwareProvider, Properties>((config) => ({
    ...meta,
    async connect({ chainId, withCapabilities } = {}) {
      try {
        const provider = await this.getProvider()
        if (!accountsChanged) {
          accountsChanged = this.onAccountsChanged.bind(this)
          chainChanged = this.onChainChanged.bind(this)
          disconnect = this.onDisconnect.bind(this)
          provider.on('accountsChanged', accountsChanged)
          provider.on('chainChanged', chainChanged)
          provider.on('disconnect', disconnect)
        }
        const accounts = (await provider.request({ method: 'eth_requestAccounts' })).map(
          (address) => getAddress(address),
        )
        let currentChainId = await this.getChainId()
        if (chainId && chainId !== currentChainId)
          currentChainId = (await this.switchChain!({ chainId })).id
        return {
          accounts: (withCapabilities
            ? accounts.map((address) => ({ address, capabilities: {} }))
            : accounts) as never,
          chainId: currentChainId,
        }
      } catch (error) {
        // The provider package is loaded with the device package, on connect.
        const { toProviderRpcError } = await import('./provider.js')
        throw toProviderRpcError(error)
      }
    },
    async disconnect() {
      await release()
    },
    async getAccounts() {
      if (!provider_) return []
      const accounts = await provider_.request({ method: 'eth_accounts' })
      return accounts.map((address: Address) => getAddress(address))
    },
    async getChainId() {
      return provider_?.chain.id ?? chainId_ ?? config.chains[0].id
    },
    async getProvider() {
      if (provider_) return provider_
      loading ??= (async () => {
        const [account, { createHardwareProvider }] = await Promise.all([
          getAccount(),
          import('./provider.js'),
        ])
        const provider = createHardwareProvider({
          account,
          chains: config.chains,
          chainId: chainId_,
          transport: config.transports,
        })
        provider_ = provider
        return provider
      })()
      loading.catch(() => {
        loading = undefined
      })
      return loading
    },
    async isAuthorized() {
      return provider_?.connected ?? false
    },
    async switchChain({ chainId }) {
      const chain = config.chains.find((chain) => chain.id === chainId)
      if (!chain) throw new SwitchChainError(new ChainNotConfiguredError())
      if (!provider_) chainId_ = chainId
      else
        await provider_.request({
          method: 'wallet_switchEthereumChain',
          params: [{ chainId: numberToHex(chainId) }],
        })
      return chain
    },
    onAccountsChanged(accounts) {
      if (accounts.length === 0) this.onDisconnect()
      else config.emitter.emit('change', { accounts: accounts.map((x) => getAddress(x)) })
    },
    onChainChanged(chain) {
      config.emitter.emit('change', { chainId: Number(chain) })
    },
    async onDisconnect() {
      config.emitter.emit('disconnect')
      await release()
    },
  }))

  /** Forgets the provider and closes the device; the next connect reads the device again. */
  async function release() {
    const provider = provider_
    if (!provider) return
    if (accountsChanged) provider.removeListener('accountsChanged', accountsChanged)
    if (chainChanged) provider.removeListener('chainChanged', chainChanged)
    if (disconnect) provider.removeListener('disconnect', disconnect)
    accountsChanged = chainChanged = disconnect = undefined
    provider_ = undefined
    loading = undefined
    chainId_ = provider.chain.id
    await provider.disconnect()
  }
}
