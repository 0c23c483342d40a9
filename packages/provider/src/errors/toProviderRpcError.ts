import { BaseError, describeValue } from '@airlock/core'
import {
  ChainDisconnectedError,
  HttpRequestError,
  InternalRpcError,
  InvalidParamsRpcError,
  ProviderDisconnectedError,
  ProviderRpcError,
  ResourceUnavailableRpcError,
  RpcError,
  RpcRequestError,
  SwitchChainError,
  TimeoutError,
  UnauthorizedProviderError,
  UnsupportedProviderMethodError,
  UserRejectedRequestError,
  WebSocketRequestError,
} from 'viem'
/**
 * Turns whatever a request threw into an EIP-1193 / EIP-1474 error with a code: the `rpcCode` the
 * Airlock error declares, or the node's own. The
 * Airlock error stays as `cause`, so its remedy (`metaMessages`) reaches the app; RPC errors from
 * the node keep their own code and data.
 */
export function toProviderRpcError(error: unknown): RpcError {
  for (let current = error; current instanceof Error; current = current.cause) {
    const mapped = map(current)
    if (mapped) return mapped
  }
  return new InternalRpcError(error instanceof Error ? error : new Error(describeValue(error)))
}

function map(error: Error): RpcError | undefined {
  if (error instanceof RpcError) return error
  // A JSON-RPC error from the node with a code viem has no class for (e.g. 3, execution reverted).
  if (error instanceof RpcRequestError)
    return new ProviderRpcError(error, {
      code: error.code,
      shortMessage: error.details || error.shortMessage,
      data: error.data,
    })
  // Airlock's errors, and any vendor package's, declare their code. Read as a property: an app can
  // hold two copies of @airlock/core, where `instanceof` fails.
  const { rpcCode } = error as { rpcCode?: unknown }
  if (typeof rpcCode === 'number') return fromRpcCode(rpcCode, error)
  if (
    error instanceof HttpRequestError ||
    error instanceof WebSocketRequestError ||
    error instanceof TimeoutError
  )
    return new ChainDisconnectedError(error)
  return undefined
}

/**
 * viem's class for an error's declared code, so apps and wagmi show what it means. Not -32603 for
 * a device that is there but cannot serve the request now (-32002): viem retries -32603, which
 * would ask the user to confirm on the device again.
 */
function fromRpcCode(code: number, error: Error): RpcError {
  const known = rpcErrors[code]
  if (known) return new known(error)
  return new ProviderRpcError(error, {
    code,
    shortMessage: error instanceof BaseError ? error.shortMessage : error.message,
  })
}

const rpcErrors: Record<number, new (cause: Error) => RpcError> = {
  [UserRejectedRequestError.code]: UserRejectedRequestError,
  [UnauthorizedProviderError.code]: UnauthorizedProviderError,
  [UnsupportedProviderMethodError.code]: UnsupportedProviderMethodError,
  [ProviderDisconnectedError.code]: ProviderDisconnectedError,
  [ChainDisconnectedError.code]: ChainDisconnectedError,
  [SwitchChainError.code]: SwitchChainError,
  [InvalidParamsRpcError.code]: InvalidParamsRpcError,
  [ResourceUnavailableRpcError.code]: ResourceUnavailableRpcError,
  [InternalRpcError.code]: InternalRpcError,
}
