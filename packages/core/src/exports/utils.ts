// Building blocks for writing a device driver (loading its SDK, racing the device against an abort,
// comparing firmware versions) or checking a device's output by hand. They live
// apart from the main entry so that an app importing `@airlock/core` does not download them up front.
export {
  type SerializeUnsignedTransactionParameters,
  serializeUnsignedTransaction,
} from '../account/serializeUnsignedTransaction.js'
export {
  type VerifyDeviceSignatureParameters,
  verifyDeviceSignature,
} from '../signature/verifyDeviceSignature.js'
export { compareVersions } from '../utils/compareVersions.js'
export { loadOnce } from '../utils/loadOnce.js'
export { raceAbortSignal } from '../utils/raceAbortSignal.js'
export { unwrapDefault } from '../utils/unwrapDefault.js'
