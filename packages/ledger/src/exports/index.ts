export type {
  CalldataPathElement,
  CalldataValueReference,
  LedgerCalldataDescriptor,
  LedgerCertificateTarget,
  LedgerDescriptors,
  LedgerNftDescriptor,
  LedgerProxyInfo,
  LedgerServicesOption,
  LedgerTokenDescriptor,
} from '../clearSigning/types.js'
export {
  type CreateLedgerSignerOptions,
  createLedgerSigner,
  type LedgerSigner,
} from '../createLedgerSigner.js'
export {
  Eip7702NotAllowedError,
  type Eip7702NotAllowedErrorType,
  LedgerTransportUnavailableError,
  type LedgerTransportUnavailableErrorType,
  UserGestureRequiredError,
  type UserGestureRequiredErrorType,
} from '../errors.js'
export { type ToLedgerAccountParameters, toLedgerAccount } from '../toLedgerAccount.js'
export type { LedgerTransport, LedgerTypedDataMode, OpenLedgerTransport } from '../types.js'
