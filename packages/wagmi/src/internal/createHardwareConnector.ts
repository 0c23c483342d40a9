import type {
  DeviceStatusListener,
  HardwareSigner,
  ToHardwareAccountParameters,
} from '@airlock/core'
import type { HardwareProvider } from '@airlock/provider'
import { createConnector, ProviderNotFoundError } from '@wagmi/core'
import { getAddress } from 'viem'
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
  const session: HardwareSession = { getSigner, location, onStatus, name: meta.name }
  // Where the app's config has no storage, authorization lasts as long as the page.
  let authorized = false
  const authorizedKey = `airlock.${meta.id}.authorized`
  // Everything past the first connect loads with the device package.
  const load = () => import('./hardwareSession.js')

  return createConnector<HardwareProvider, Record<string, unknown>>((config) => {
    /** The user disconnected: no reconnect on the next page load. */
    async function forget() {
      authorized = false
      await config.storage?.removeItem(authorizedKey)
    }

    return {
      ...meta,
      async connect(parameters) {
        const connection = await (await load()).connectSession(this, session, config, parameters)
        authorized = true
        await config.storage?.setItem(authorizedKey, true)
        return connection as never
      },
      async disconnect() {
        await forget()
        await (await load()).releaseSession(session)
      },
      async getAccounts() {
        const accounts = (await session.provider?.request({ method: 'eth_accounts' })) ?? []
        return accounts.map((address) => getAddress(address))
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
        if (!config.storage) return authorized
        return Boolean(await config.storage.getItem(authorizedKey))
      },
      async switchChain({ chainId }) {
        return (await load()).switchSessionChain(session, config, chainId)
      },
      onAccountsChanged(accounts) {
        // No accounts left means the permission was revoked: a disconnect by the user.
        if (accounts.length === 0) forget().then(() => this.onDisconnect())
        else config.emitter.emit('change', { accounts: accounts.map((x) => getAddress(x)) })
      },
      onChainChanged(chain) {
        config.emitter.emit('change', { chainId: Number(chain) })
      },
      async onDisconnect() {
        config.emitter.emit('disconnect')
        await (await load()).releaseSession(session)
      },
    }
  })
}
