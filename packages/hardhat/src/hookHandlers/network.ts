import type { HookContext, NetworkHooks } from 'hardhat/types/hooks'
import type { ChainType, NetworkConnection } from 'hardhat/types/network'
import type { JsonRpcRequest, JsonRpcResponse } from 'hardhat/types/providers'
import type { Address, EIP1193Provider } from 'viem'
import type { DeviceSession } from '../session/openDeviceSession.js'

type Connection = NetworkConnection<ChainType | string>
type Next = (
  context: HookContext,
  connection: Connection,
  request: JsonRpcRequest,
) => Promise<JsonRpcResponse>

const accountMethods = new Set(['eth_accounts', 'eth_requestAccounts'])
const signingMethods = new Set([
  'eth_sendTransaction',
  'eth_signTransaction',
  'personal_sign',
  'eth_sign',
  'eth_signTypedData',
  'eth_signTypedData_v3',
  'eth_signTypedData_v4',
])

export default async (): Promise<Partial<NetworkHooks>> => {
  // One session per connection: Hardhat 3 opens several connections, to one network or many.
  const sessions = new WeakMap<Connection, Promise<DeviceSession>>()

  function session(context: HookContext, connection: Connection, next: Next) {
    let opened = sessions.get(connection)
    if (!opened) {
      opened = import('../session/openDeviceSession.js').then(({ openDeviceSession }) =>
        openDeviceSession({
          network: connection.networkName,
          config: connection.networkConfig.airlock!,
          provider: connection.provider as Pick<EIP1193Provider, 'request'>,
          nodeAccounts: () => nodeAccounts(context, connection, next),
          display: (message) => context.interruptions.displayMessage('@airlock/hardhat', message),
        }),
      )
      sessions.set(connection, opened)
      // A failed start is not kept: the next request tries again (e.g. after unlocking).
      opened.catch(() => sessions.delete(connection))
    }
    return opened
  }

  const handlers: Partial<NetworkHooks> = {
    async newConnection<ChainTypeT extends ChainType | string>(
      context: HookContext,
      next: (context: HookContext) => Promise<NetworkConnection<ChainTypeT>>,
    ) {
      const connection = await next(context)
      connection.airlock = {
        async getAccounts() {
          if (!hasDeviceAccounts(connection)) return []
          // Opens the session if a failed start left none.
          await connection.provider.request({ method: 'eth_accounts' })
          return (await sessions.get(connection as Connection))!.accounts
        },
      }
      if (hasDeviceAccounts(connection)) {
        // Start now, so that a misconfigured network fails at `network.connect()`, not mid-deploy.
        try {
          await connection.provider.request({ method: 'eth_accounts' })
        } catch (error) {
          await connection.close()
          throw error
        }
      }
      return connection
    },

    async onRequest<ChainTypeT extends ChainType | string>(
      context: HookContext,
      connection: NetworkConnection<ChainTypeT>,
      request: JsonRpcRequest,
      next: (
        context: HookContext,
        connection: NetworkConnection<ChainTypeT>,
        request: JsonRpcRequest,
      ) => Promise<JsonRpcResponse>,
    ) {
      const { method } = request
      if (
        !hasDeviceAccounts(connection) ||
        !(accountMethods.has(method) || signingMethods.has(method))
      )
        return next(context, connection, request)
      const current = await session(context, connection as Connection, next as Next)
      const params = Array.isArray(request.params) ? request.params : []
      if (accountMethods.has(method)) return respond(request, await current.listAccounts())
      // A node account's request goes on to the node, which signs it as it always did.
      if (!current.owns(method, params)) return next(context, connection, request)
      return respond(request, await current.request(method, params))
    },

    async closeConnection<ChainTypeT extends ChainType | string>(
      context: HookContext,
      connection: NetworkConnection<ChainTypeT>,
      next: (context: HookContext, connection: NetworkConnection<ChainTypeT>) => Promise<void>,
    ) {
      const opened = sessions.get(connection as Connection)
      sessions.delete(connection as Connection)
      await (await opened?.catch(() => undefined))?.close()
      return next(context, connection)
    },
  }
  return handlers
}

function hasDeviceAccounts(connection: {
  networkConfig: { airlock?: { accounts: readonly unknown[] } }
}) {
  return (connection.networkConfig.airlock?.accounts.length ?? 0) > 0
}

/** The accounts the node itself unlocks: `eth_accounts` past this plugin. */
async function nodeAccounts(
  context: HookContext,
  connection: Connection,
  next: Next,
): Promise<readonly Address[]> {
  try {
    const response = await next(context, connection, {
      jsonrpc: '2.0',
      id: 'airlock:eth_accounts',
      method: 'eth_accounts',
      params: [],
    })
    return 'result' in response && Array.isArray(response.result) ? response.result : []
  } catch {
    // A node without accounts (most remote RPCs) may not serve the method at all.
    return []
  }
}

function respond(request: JsonRpcRequest, result: unknown): JsonRpcResponse {
  return { jsonrpc: '2.0', id: request.id, result } as JsonRpcResponse
}
