export {
  type AnnounceHardwareProviderParameters,
  type AnnounceHardwareProviderReturnType,
  announceHardwareProvider,
  type HardwareProviderInfo,
} from '../announceHardwareProvider.js'
export {
  type CreateHardwareProviderParameters,
  createHardwareProvider,
} from '../createHardwareProvider.js'
export {
  AccountNotConnectedError,
  type AccountNotConnectedErrorType,
  ChainNotConfiguredError,
  type ChainNotConfiguredErrorType,
  UnsupportedMethodError,
  type UnsupportedMethodErrorType,
} from '../errors/provider.js'
export { toProviderRpcError } from '../errors/toProviderRpcError.js'
export type { HardwareProvider } from '../types.js'
