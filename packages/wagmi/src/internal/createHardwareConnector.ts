import type {
  DeviceStatusListener,
  HardwareSigner,
  ToHardwareAccountParameters,
} from '@airlock/core'
import type { HardwareProvider } from '@airlock/provider'
import { createConnector, ProviderNotFoundError } from '@wagmi/core'
import type { HardwareSession } from './hardwareSession.js'

export type CreateHardwareConnectorParameters<type extends string> = {
  id: string
  name: string
  /** A `data:` URL wallet pickers show. */
  icon: string
  type: type
  rdns: string
  /** Loads the device package and creates the signer. Called on connect. */
  getSigner: () => Promise<HardwareSigner>
  /** Where the account is on the device. */
  location: ToHardwareAccountParameters
  /** Gets the signer's status events, from the first connect on. */
  onStatus?: DeviceStatusListener | undefined
  /**
   * Whether the device can be reached again without asking the user (no picker, no click), checked
   * before a reconnect loads anything.
   */
  canReconnect: () => Promise<boolean>
}

/**
 * The connector both devices share: a `createHardwareProvider` over one device account, built on
 * the first connect (that is when the device package is imported and the device is first asked).
 * On page load wagmi asks every connector for its provider (`reconnect`): only a connector the
 * user connected and did not disconnect (kept in wagmi's storage), whose device answers without
 * asking the user, loads anything then.
 */
export function createHardwareConnector<type extends string>({
  getSigner,
  location,
  onStatus,
  canReconnect,
  ...meta
}: CreateHardwareConnectorParameters<type>) {
  const authorizedKey = `airlock.${meta.id}.authorized`
  // Where the app's config has no storage, authorization lasts as long as the page.
  const session: HardwareSession = {
    getSigner,
    location,
    onStatus,
    authorizedKey,
    authorized: false,
  }
  // Everything past the first connect loads with the device package. Provider events come only
  // once it has loaded, so their handlers call it synchronously.
  let lazy: typeof import('./hardwareSession.js') | undefined
  const load = async () => (lazy ??= await import('./hardwareSession.js'))

  return createConnector<HardwareProvider, Record<string, unknown>>((config) => ({
    ...meta,
    async connect(parameters) {
      return (await load()).connectSession(this, session, config, parameters) as never
    },
    async disconnect() {
      await (await load()).disconnectSession(session, config)
    },
    async getAccounts() {
      return (await lazy?.sessionAccounts(session)) ?? []
    },
    async getChainId() {
      return session.provider?.chain.id ?? session.chainId ?? config.chains[0].id
    },
    async getProvider() {
      const known = session.provider || session.loading
      if (!known && !((await this.isAuthorized()) && (await canReconnect())))
        throw new ProviderNotFoundError()
      return (await load()).loadProvider(session, config)
    },
    async isAuthorized() {
      if (!config.storage) return session.authorized
      return Boolean(await config.storage.getItem(authorizedKey))
    },
    async switchChain({ chainId }) {
      return (await load()).switchSessionChain(session, config, chainId)
    },
    onAccountsChanged(accounts) {
      lazy?.accountsChanged(this, session, config, accounts)
    },
    onChainChanged(chain) {
      config.emitter.emit('change', { chainId: Number(chain) })
    },
    async onDisconnect() {
      config.emitter.emit('disconnect')
      await lazy?.releaseSession(session)
    },
  }))
}
