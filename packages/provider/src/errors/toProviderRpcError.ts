import {
  AppNotOpenError,
  BaseError,
  BlindSigningDisabledError,
  ChainIdMismatchError,
  DeviceBusyError,
  DeviceDisconnectedError,
  DeviceLockedError,
  DeviceTimeoutError,
  describeValue,
  InvalidPathError,
  InvalidRequestError,
  UnsupportedByDeviceError,
  UserRejectedOnDeviceError,
} from '@airlock/core'
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
import {
  AccountNotConnectedError,
  ChainNotConfiguredError,
  UnsupportedMethodError,
} from './provider.js'

/**
 * Turns whatever a request threw into an EIP-1193 / EIP-1474 error with a code, by error class. The
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
  const { rpcCode } = error as { rpcCode?: unknown }
  if (typeof rpcCode === 'number') return fromRpcCode(rpcCode, error)
  if (error instanceof UserRejectedOnDeviceError) return new UserRejectedRequestError(error)
  if (error instanceof AccountNotConnectedError) return new UnauthorizedProviderError(error)
  if (error instanceof UnsupportedByDeviceError || error instanceof UnsupportedMethodError)
    return new UnsupportedProviderMethodError(error)
  if (error instanceof DeviceDisconnectedError) return new ProviderDisconnectedError(error)
  if (error instanceof ChainNotConfiguredError) return new SwitchChainError(error)
  if (
    error instanceof ChainIdMismatchError ||
    error instanceof InvalidRequestError ||
    error instanceof InvalidPathError
  )
    return new InvalidParamsRpcError(error)
  // The device is there but cannot serve the request now. Not -32603: viem retries that code,
  // which would ask the user to confirm on the device again.
  if (
    error instanceof DeviceLockedError ||
    error instanceof AppNotOpenError ||
    error instanceof BlindSigningDisabledError ||
    error instanceof DeviceBusyError ||
    error instanceof DeviceTimeoutError
  )
    return new ResourceUnavailableRpcError(error)
  if (error instanceof BaseError) return new InternalRpcError(error)
  if (
    error instanceof HttpRequestError ||
    error instanceof WebSocketRequestError ||
    error instanceof TimeoutError
  )
    return new ChainDisconnectedError(error)
  return undefined
}

/**
 * An error that declares its EIP-1193 / EIP-1474 code (`rpcCode`), as a vendor package's errors
 * do: viem's class for that code, so apps and wagmi show what it means.
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
