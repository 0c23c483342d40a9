/**
 * What a hardware connector does once the user connects, loaded with the device package: the
 * provider over the device account, wagmi's connect and chain switch, and closing the device.
 * The connector itself (`createHardwareConnector`) stays in the app's eager bundle, so it holds
 * only what a page needs before the user connects.
 */
import {
  type DeviceStatusListener,
  type HardwareSigner,
  type ToHardwareAccountParameters,
  toHardwareAccount,
} from '@airlock/core'
import { createHardwareProvider, type HardwareProvider } from '@airlock/provider'
import { ChainNotConfiguredError, type Connector, type CreateConnectorFn } from '@wagmi/core'
import { getAddress, numberToHex, SwitchChainError } from 'viem'
import { toConnectError } from './toConnectError.js'

export type ConnectorConfig = Parameters<CreateConnectorFn>[0]

/** A connector's state between calls. */
export type HardwareSession = {
  readonly getSigner: () => Promise<HardwareSigner>
  readonly location: ToHardwareAccountParameters
  readonly onStatus?: DeviceStatusListener | undefined
  /** Where wagmi's storage keeps that the user connected and did not disconnect. */
  readonly authorizedKey: string
  /** The same, for a config without storage: it lasts as long as the page. */
  authorized: boolean
  provider?: HardwareProvider | undefined
  loading?: Promise<HardwareProvider> | undefined
  /** The chain to connect on, kept across disconnects. */
  chainId?: number | undefined
  /** Removes the connector's listeners from the provider. */
  unlisten?: (() => void) | undefined
}

/**
 * Loads the device package and reads the account, once at a time; a failure can be retried. The
 * app's status listener is on the signer before the device is first asked.
 */
export function loadProvider(
  session: HardwareSession,
  config: ConnectorConfig,
): Promise<HardwareProvider> {
  if (session.provider) return Promise.resolve(session.provider)
  session.loading ??= readAccount(session).then((account) => {
    session.provider = createHardwareProvider({
      account,
      chains: config.chains,
      chainId: session.chainId,
      transport: config.transports,
    })
    return session.provider
  })
  session.loading.catch(() => {
    session.loading = undefined
  })
  return session.loading
}

async function readAccount({ getSigner, location, onStatus }: HardwareSession) {
  const signer = await getSigner()
  if (onStatus) signer.onStatus(onStatus)
  return toHardwareAccount(signer, location)
}

/** The provider events a connector handles, and its name for connect errors. */
type ConnectorEvents = Pick<
  Connector,
  'name' | 'onAccountsChanged' | 'onChainChanged' | 'onDisconnect'
>

/** wagmi's `connect`: reads the account (once), and remembers the user connected. */
export async function connectSession(
  connector: ConnectorEvents,
  session: HardwareSession,
  config: ConnectorConfig,
  { chainId, withCapabilities }: { chainId?: number | undefined; withCapabilities?: boolean } = {},
) {
  try {
    const provider = await loadProvider(session, config)
    if (!session.unlisten) {
      const events = [
        ['accountsChanged', connector.onAccountsChanged.bind(connector)],
        ['chainChanged', connector.onChainChanged.bind(connector)],
        ['disconnect', connector.onDisconnect.bind(connector)],
      ] as const
      for (const [event, listener] of events) provider.on(event, listener as never)
      session.unlisten = () => {
        for (const [event, listener] of events) provider.removeListener(event, listener as never)
      }
    }
    const accounts = (await provider.request({ method: 'eth_requestAccounts' })).map((address) =>
      getAddress(address),
    )
    let currentChainId = provider.chain.id
    if (chainId && chainId !== currentChainId)
      currentChainId = (await switchSessionChain(session, config, chainId)).id
    session.authorized = true
    await config.storage?.setItem(session.authorizedKey, true)
    return {
      accounts: withCapabilities
        ? accounts.map((address) => ({ address, capabilities: {} }))
        : accounts,
      chainId: currentChainId,
    }
  } catch (error) {
    throw toConnectError(error, connector.name)
  }
}

/** The connected account's addresses, checksummed; none before a connect. */
export async function sessionAccounts(session: HardwareSession) {
  const accounts = (await session.provider?.request({ method: 'eth_accounts' })) ?? []
  return accounts.map((address) => getAddress(address))
}

/** No accounts left means the permission was revoked: a disconnect by the user. */
export function accountsChanged(
  connector: ConnectorEvents,
  session: HardwareSession,
  config: ConnectorConfig,
  accounts: string[],
) {
  if (accounts.length === 0) forget(session, config).then(() => connector.onDisconnect())
  else config.emitter.emit('change', { accounts: accounts.map((x) => getAddress(x)) })
}

/** The user disconnected: no reconnect on the next page load; the device is closed. */
export async function disconnectSession(session: HardwareSession, config: ConnectorConfig) {
  await forget(session, config)
  await releaseSession(session)
}

async function forget(session: HardwareSession, config: ConnectorConfig) {
  session.authorized = false
  await config.storage?.removeItem(session.authorizedKey)
}

export async function switchSessionChain(
  session: HardwareSession,
  config: ConnectorConfig,
  chainId: number,
) {
  const chain = config.chains.find((chain) => chain.id === chainId)
  if (!chain) throw new SwitchChainError(new ChainNotConfiguredError())
  if (!session.provider) session.chainId = chainId
  else
    await session.provider.request({
      method: 'wallet_switchEthereumChain',
      params: [{ chainId: numberToHex(chainId) }],
    })
  return chain
}

/** Forgets the provider and closes the device; the next connect reads the device again. */
export async function releaseSession(session: HardwareSession): Promise<void> {
  const { provider } = session
  if (!provider) return
  session.unlisten?.()
  session.unlisten = session.provider = session.loading = undefined
  session.chainId = provider.chain.id
  await provider.disconnect()
}
