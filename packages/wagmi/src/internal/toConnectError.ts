import { toProviderRpcError } from '@airlock/provider'
import type { RpcError } from 'viem'

/**
 * A connect failure as wallet pickers show it: the provider's RPC error (its class and EIP-1193
 * code, the device error as its cause) whose `message` is the remedy, for the device by name:
 * "Unlock your Ledger with its PIN, then try again." Pickers and apps print `message` as it is.
 */
export function toConnectError(error: unknown, deviceName: string): RpcError {
  const rpcError = toProviderRpcError(error)
  const remedy = findRemedy(error)
  if (remedy) rpcError.message = remedy.replaceAll('the device', `your ${deviceName}`)
  return rpcError
}

/**
 * The first remedy line of an Airlock error in the cause chain. Told by its `rpcCode` rather than
 * `instanceof`: an app can hold two copies of @airlock/core.
 */
function findRemedy(error: unknown): string | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    const { rpcCode, metaMessages } = current as { rpcCode?: unknown; metaMessages?: unknown }
    if (typeof rpcCode === 'number' && Array.isArray(metaMessages))
      return typeof metaMessages[0] === 'string' ? metaMessages[0] : undefined
  }
  return undefined
}
