export { toHardwareAccount } from '../account/toHardwareAccount.js'
export type { HardwareAccount, ToHardwareAccountParameters } from '../account/types.js'
export { discoverAccounts } from '../discovery/discoverAccounts.js'
export type { DiscoverAccountsParameters, DiscoveredAccount } from '../discovery/types.js'
export { BaseError, type BaseErrorParameters, type BaseErrorType } from '../errors/base.js'
export {
  BlindSigningRefusedError,
  type BlindSigningRefusedErrorType,
} from '../errors/blindSigning.js'
export { describeValue } from '../errors/describeValue.js'
export {
  AppNotOpenError,
  type AppNotOpenErrorType,
  BlindSigningDisabledError,
  type BlindSigningDisabledErrorType,
  DeviceBusyError,
  type DeviceBusyErrorType,
  DeviceDisconnectedError,
  type DeviceDisconnectedErrorType,
  DeviceLockedError,
  type DeviceLockedErrorType,
  DeviceTimeoutError,
  type DeviceTimeoutErrorType,
  OperationAbortedError,
  type OperationAbortedErrorType,
  UnknownDeviceError,
  type UnknownDeviceErrorType,
  UnsupportedByDeviceError,
  type UnsupportedByDeviceErrorType,
  UserRejectedOnDeviceError,
  type UserRejectedOnDeviceErrorType,
} from '../errors/device.js'
export {
  ChainIdMismatchError,
  type ChainIdMismatchErrorType,
  InvalidPathError,
  type InvalidPathErrorType,
  InvalidRequestError,
  type InvalidRequestErrorType,
} from '../errors/request.js'
export {
  DeviceAddressMismatchError,
  type DeviceAddressMismatchErrorType,
  SignatureMismatchError,
  type SignatureMismatchErrorType,
} from '../errors/signature.js'
export { formatPath } from '../path/formatPath.js'
export { type DerivationPath, hardenedOffset, parsePath } from '../path/parsePath.js'
export { bip44, ledgerLive, legacy, type PathScheme, pathSchemes } from '../path/schemes.js'
export {
  type CreateHardwareSignerOptions,
  createHardwareSigner,
  type DeviceContext,
  type HardwareSignerDriver,
} from '../signer/createHardwareSigner.js'
export { lazyDriver } from '../signer/lazyDriver.js'
export type {
  BlindSigningPolicy,
  DeviceCallOptions,
  DeviceCapabilities,
  DeviceDisplay,
  DeviceOperation,
  DeviceSignature,
  DeviceSource,
  DeviceStatus,
  DeviceStatusListener,
  GetAddressParameters,
  GetAddressReturnType,
  GetExtendedPublicKeyParameters,
  GetExtendedPublicKeyReturnType,
  HardwareSigner,
  SignAuthorizationRequest,
  SignableTransactionType,
  SignMessageRequest,
  SignTransactionRequest,
  SignTypedDataRequest,
} from '../signer/types.js'
