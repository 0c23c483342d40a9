export {
  type CreateTrezorSignerParameters,
  createTrezorSigner,
  type TrezorSigner,
} from '../createTrezorSigner.js'
export {
  ForbiddenKeyPathError,
  type ForbiddenKeyPathErrorType,
  InvalidManifestError,
  type InvalidManifestErrorType,
  TrezorInitError,
  type TrezorInitErrorType,
  TrezorPermissionError,
  type TrezorPermissionErrorType,
} from '../errors.js'
export { type ToTrezorAccountParameters, toTrezorAccount } from '../toTrezorAccount.js'
export type {
  TrezorConnectLike,
  TrezorConnectResponse,
  TrezorEip1559Transaction,
  TrezorFeatures,
  TrezorLegacyTransaction,
  TrezorManifest,
  TrezorSignTypedDataParameters,
  TrezorTransaction,
} from '../types.js'
