export type { LedgerTypedDataMode } from '../createLedgerDriver.js'
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
export type { LedgerTransport } from '../resolveTransport.js'
export { type ToLedgerAccountParameters, toLedgerAccount } from '../toLedgerAccount.js'
